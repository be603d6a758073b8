"""Who the text credits for a figure: the entity a reporting phrase governs.

"according to X", «بحسب X», «قالت X», "X said", "by X's count", "per X"; a back-reference ("the
same study", «الدراسة ذاتها») is the last named source, "the company" the platform in focus, and
unnamed sources ("analysts", «مصادر») credit nobody.
"""

from __future__ import annotations

import re

from .lexicon.matcher import TABLE
from .lexicon.platforms import PLATFORM_NAMES
from .memory import Memory
from .mentions import SPEAKER_GAP_AFTER, Mention, company_name
from .normalize import fold
from .sentence import Sentence, nearest

_CAPRUN = re.compile(r"(?:[A-Z]|[a-z][A-Z])[A-Za-z0-9&.\-']*(?:\s+(?:&\s+|of\s+)?[A-Z][A-Za-z0-9&.\-']*)*")
_NAME_BEFORE = re.compile(
    r"(?P<name>[A-Z][A-Za-z0-9&.\-']*(?:\s+[A-Z][A-Za-z0-9&.\-']*)*)(?:\s*,[^,]{1,70},)?\s*\Z"
)
_BY_COUNT = re.compile(
    r"(?<!\w)(?:[Bb]y\s+(?P<name>[A-Z][A-Za-z0-9&.\-]*(?:\s+[A-Z][A-Za-z0-9&.\-]*)*)(?:'s|')?\s+"
    r"(?:count|estimates?|calculations?|tally|reckoning|data|figures)"
    r"|per\s+(?P<per>(?:[A-Z]|[a-z][A-Z])[A-Za-z0-9&.\-]*(?:\s+[A-Z][A-Za-z0-9&.\-]*)*))"
)
_STOP = {"the", "a", "an", "in", "on", "at", "by", "for", "according", "it", "its", "this", "that", "these",
         "those", "analysts", "shoppers", "across", "but", "and", "meanwhile", "however", "while", "daily",
         "monthly", "sources", "data", "as", "with", "from", "of", "to", "he", "she", "they", "we", "our",
         "their", "his", "her", "after", "before", "last", "next", "q1", "q2", "q3", "q4", "ceo", "cfo"}
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_SOURCE_REACH = 70
_MEMBERS_OF = re.compile(r"\s+(?:في|لدى|من|ب|at|from|with|of)\s", re.IGNORECASE)


def credited_sources(sent: Sentence, mentions: list[Mention], memory: Memory) -> list[tuple[int, str | None]]:
    """(position, credited name or None for unnamed sources) for each source phrase."""
    text = sent.text
    entities: list[tuple[int, int, str, str | None]] = []  # start, end, kind, value
    covered: list[tuple[int, int]] = []
    for hit in sent.hits:
        if hit.cat == "platform" and (hit.payload != "x" or sent.x_ok):
            name = PLATFORM_NAMES.get(hit.payload) or memory.names.get(hit.payload, hit.payload)
            entities.append((hit.start, hit.end, "name", name))
        elif hit.cat == "owner":
            entities.append((hit.start, hit.end, "name", hit.payload.split("|")[0]))
        elif hit.cat == "org":
            entities.append((hit.start, hit.end, "name", hit.payload))
        elif hit.cat == "company_ref":
            entities.append((hit.start, hit.end, "company", None))
        elif hit.cat == "src_same":
            entities.append((hit.start, hit.end, "same", None))
        elif hit.cat == "src_unnamed":
            entities.append((hit.start, hit.end, "unnamed", None))
        else:
            continue
        covered.append((hit.start, hit.end))
    regions = [(h.start, h.end) for h in sent.hits if h.cat in ("region", "region_global")]
    for match in _CAPRUN.finditer(text):
        name = _clean_name(match.group(), keep_the=match.start() > 0)
        if not name:
            continue
        start = match.start() + match.group().find(name.split()[0])
        if any(s <= start < e for s, e in covered) or any(s == start for s, e in regions):
            continue
        entities.append((start, start + len(name), "name", name))
    entities.sort()

    def resolve(kind: str, value: str | None, position: int) -> tuple[bool, str | None]:
        if kind == "name":
            return True, value
        if kind == "same":
            return True, memory.last_source
        if kind == "unnamed":
            return True, None
        subject = next((m.platform for m in mentions if m.explicit and m.start < position), None)
        platform = subject or memory.topic
        return (True, company_name(platform, memory)) if platform else (False, None)

    found: list[tuple[int, str | None]] = []
    for cue in sent.cat("src_prep"):
        for start, end, kind, value in entities:
            if start < cue.end:
                continue
            if start > cue.end + _SOURCE_REACH:
                break
            if kind == "unnamed" and _MEMBERS_OF.match(text, end):
                continue  # «محللون في «غولدمان ساكس»», "analysts at Jefferies": the firm is credited
            ok, credited = resolve(kind, value, start)
            if ok:
                found.append((cue.start, credited))
                break
        else:
            # «أما «أمازون»، فقالت إن ...»: an Arabic speech verb with its subject fronted before it.
            fronted = [m for m in mentions if m.explicit and m.end <= cue.start]
            if fronted and _ARABIC.match(text, cue.start):
                found.append((cue.start, company_name(fronted[-1].platform, memory)))
    for cue in sent.cat("src_verb"):
        # "Mercado Libre, the largest marketplace in Latin America, said": the platform before the
        # appositive speaks, not the last capitalised words inside it.
        spoken = [m for m in mentions if m.explicit and m.speaker and m.end <= cue.start
                  and cue.start - m.end <= 80 and SPEAKER_GAP_AFTER.fullmatch(text, m.end, cue.start)]
        if spoken:
            found.append((cue.start, company_name(spoken[-1].platform, memory)))
            continue
        before = [e for e in entities if 0 <= cue.start - e[1] <= 2]
        if before:
            ok, credited = resolve(before[-1][2], before[-1][3], before[-1][0])
            if ok:
                found.append((cue.start, credited))
            continue
        named = _NAME_BEFORE.search(text, max(0, cue.start - 100), cue.start)
        if named:
            name = _clean_name(named.group("name"))
            if name:
                found.append((cue.start, _platform_name(name) or name))
    for by_count in _BY_COUNT.finditer(text):
        name = _clean_name(by_count.group("name") or by_count.group("per"))
        if name:
            found.append((by_count.start(), _platform_name(name) or name))
    return found

# ------------------------------------------------------------------ one figure

def _clean_name(raw: str, keep_the: bool = False) -> str:
    """A credited name without leading function words; a capitalised "The" inside a sentence is part of
    a title ("The Information reported")."""
    words = raw.replace("’", "'").split()
    if keep_the and len(words) > 1 and words[0] == "The" and words[1].lower() not in _STOP:
        return " ".join(words).rstrip(".,'")
    while words and words[0].lower().strip(".,'") in _STOP:
        words.pop(0)
    name = " ".join(words).rstrip(".,'")
    if name.endswith("'s"):
        name = name[:-2]
    return name if len(name) >= 2 else ""


def _platform_name(name: str) -> str | None:
    for entry in TABLE.get(fold(name).lower(), []):
        if entry.cat == "platform":
            return PLATFORM_NAMES.get(entry.payload, name)
        if entry.cat == "owner":
            return entry.payload.split("|")[0]
    return None


def figure_source(found: list[tuple[int, str | None]], start: int, end: int, centre: int) -> str | None:
    """The source credited for a figure at ``centre`` in the clause ``start:end``."""
    candidates = [(p, n) for p, n in found if start <= p < end] or found
    if any(n for _p, n in candidates):  # "sources cited by Reuters": the named one is credited
        candidates = [(p, n) for p, n in candidates if n]
    pick = nearest(candidates, centre)
    return pick[1] if pick else None
