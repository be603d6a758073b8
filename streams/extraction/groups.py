"""Groups a text names («مجموعة «X»», "X Group", "X Holdings"), for a later «المجموعة» or "the group"."""

from __future__ import annotations

import re

from .lexicon.platforms import PLATFORM_NAMES
from .memory import Memory
from .sentence import Sentence

GROUP_AFTER = re.compile(r"\s+(?:Group|Holdings)(?!\w)")
GROUP_BEFORE = re.compile(r"مجموعه\s*\"?\s*\Z")


def group_names(sent: Sentence, memory: Memory) -> list[tuple[int, str]]:
    """Groups the sentence names («مجموعة «X»», "X Group"), for a later «المجموعة» or "the group"."""
    text = sent.text
    out: list[tuple[int, str]] = []
    if "roup" not in text and "ROUP" not in text and "مجموعه" not in text:  # Group, group, GROUP
        return out
    for hit in sent.hits:
        if hit.cat not in ("platform", "owner", "org"):
            continue
        if not (GROUP_AFTER.match(text, hit.end) or GROUP_BEFORE.search(text, max(0, hit.start - 10), hit.start)):
            continue
        if hit.cat == "platform":
            name = (PLATFORM_NAMES.get(hit.payload) or memory.names.get(hit.payload, hit.payload)) + " Group"
        else:
            name = hit.payload.split("|")[0]
        out.append((hit.start, name))
    return out
