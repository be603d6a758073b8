"""Figures stated «respectively»: «حصص «أ» و«ب» و«ج» ... 30% و20% و10% على التوالي», "X, Y and Z held 30%,
20% and 10% respectively".

A list of figures before «على التوالي» or "respectively" pairs with the list of platforms named before
it, in order: the nearest platform is right for the first figure only, so each figure is given the
platform at its own place in the list, and a place said once for the list is every figure's. When the
two lists differ in length, nothing is changed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .candidate import Candidate
from .mentions import Mention

_MARKER = re.compile(r"(?<!\w)(?:عل[يى]\s+التوالي|respectively)(?!\w)")
# Between two figures of the list: a comma, «و», "and".
LISTED_FIGURE = re.compile(r"\s*(?:[،,]\s*)?(?:(?:و|and\s+)\s*)?")
# Between two names of the list: quotes, a word of what it is ("WhatsApp catalogues"), a gloss «(Latin)», a comma,
# «و», "and", "or".
_SAME_NAME = re.compile(r"[\s\"(]*")
_NAME_GAP = re.compile(r"[\s\"]*(?:(?!and\s|or\s)[^\W\d]+[\s\"]*)?(?:\([^()\n]{1,40}\)\s*)?(?:[،,]\s*)?"
                       r"(?:(?:و|and\s|or\s)[\s\"]*)?")


def lists_respectively(text: str) -> bool:
    """The sentence lists figures «على التوالي» or "respectively"."""
    return ("التوالي" in text or "respectively" in text) and _MARKER.search(text) is not None


def respective(text: str, mentions: list[Mention], figures: list[Candidate]) -> list[Candidate]:
    """``figures`` with the listed ones given their platform by their place in the list."""
    marker = _MARKER.search(text) if "التوالي" in text or "respectively" in text else None
    if marker is None:
        return figures
    before = [i for i, f in enumerate(figures) if f.q.end <= marker.start()]
    if len(before) < 2:
        return figures
    run = [before[-1]]
    for index in reversed(before[:-1]):
        figure, after = figures[index], figures[run[0]]
        if (figure.metric, figure.unit) != (after.metric, after.unit) or not LISTED_FIGURE.fullmatch(
                text, figure.q.end, after.q.lead):
            break
        run.insert(0, index)
    names: list[Mention] = []
    for m in mentions:
        if m.explicit and not m.owner and not m.speaker and m.end <= figures[run[0]].q.lead:
            if names and names[-1].platform == m.platform and _SAME_NAME.fullmatch(text, names[-1].end, m.start):
                continue  # «يوباي» (Ubuy): one name and its gloss
            names.append(m)
    listed = names[-1:]
    for mention in reversed(names[:-1]):
        if not _NAME_GAP.fullmatch(text, mention.end, listed[0].start):
            break
        listed.insert(0, mention)
    if len(run) < 2 or len(listed) != len(run):
        return figures
    # "at 6.1%, 2.4% and 1.7% respectively in India": where the list is placed places every figure of it
    places = {figures[index].region for index in run} - {None}
    region = next(iter(places)) if len(places) == 1 else None
    out = list(figures)
    for index, mention in zip(run, listed, strict=True):
        out[index] = replace(figures[index], platform=mention.platform, region=region or figures[index].region)
    return out
