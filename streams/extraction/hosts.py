"""The platform whose own event a text records: "Zentro investor day 2025: speaker notes", "Zentro Q3
earnings call: Q&A", "Zentro capital markets day".

In such a text the speakers are the company: "we", "our" and the figures of sentences that name no
platform are its, even where the name itself is never written in the body (slides, speaker notes).
A firm's own letter or note ("Harbour Capital: third-quarter letter to partners") names its author: the
"we estimate" and "our numbers" of the text are the firm's.
"""

from __future__ import annotations

import re

from .lexicon.matcher import TABLE
from .normalize import fold
from .platforms import _NAME, SOURCE_ENDINGS, Discovered, slug

_EVENT = (r"(?:investor|analyst|capital markets|strategy)\s+day|(?:earnings|results|conference)\s+call"
          r"|results\s+presentation|annual\s+general\s+meeting|letter\s+to\s+shareholders|shareholder\s+letter"
          r"|town\s+hall|all-hands")
_LETTER = (r"(?:quarterly\s+|annual\s+)?(?:letter|note|memo)\s+to\s+"
           r"(?:partners|investors|clients|shareholders|limited partners)")
# "Harbour Capital: fourth-quarter 2024 letter to partners (excerpt)"
_TITLE_AUTHOR = re.compile(r"\A\s*(?P<name>" + _NAME + r")(?:'s)?\s*[:,-–—]?\s+(?i:(?:Q[1-4]|[1-4]Q|H[12]"
                           r"|(?:first|second|third|fourth)[- ]quarter|full[- ]year|half[- ]year|(?:19|20)[0-9]{2})"
                           r"\s+){0,3}(?i:" + _LETTER + r")(?!\w)")
# "Zentro", then what the event is for ("fourth-quarter 2024", "Q3 FY25", "full-year"), then the event
_TITLE_HOST = re.compile(r"\A\s*(?P<name>" + _NAME + r")(?:'s)?\s+(?i:(?:Q[1-4]|[1-4]Q|H[12]|FY\s?[0-9]{2,4}"
                         r"|(?:first|second|third|fourth)[- ]quarter|full[- ]year|half[- ]year|annual|fiscal"
                         r"|(?:19|20)[0-9]{2})\s+){0,3}(?i:" + _EVENT + r")(?!\w)")

_PERIOD_WORD = re.compile(r"(?:\s+(?:Q[1-4]|[1-4]Q|H[12]|FY[0-9]*))+\Z")


def title_host(title: str | None) -> str | None:
    """The name of the company whose event the title names, as written; None for a firm's or no event."""
    match = _TITLE_HOST.match(title) if title else None
    if match is None:
        return None
    name = _PERIOD_WORD.sub("", match.group("name"))  # "Noon Q3 2025 earnings call": Noon
    return None if name.split()[-1].lower() in SOURCE_ENDINGS or not name[0].isupper() else name


def title_author(title: str | None) -> str | None:
    """The firm whose own letter to its partners or clients the title names, as written."""
    match = _TITLE_AUTHOR.match(title) if title else None
    return match.group("name") if match and match.group("name").split()[-1].lower() in SOURCE_ENDINGS else None


def host_platform(title: str | None, found: Discovered) -> str | None:
    """The slug of the platform whose event the title names; a name the lexicon lacks joins ``found``."""
    name = title_host(title)
    if name is None:
        return None
    entries = TABLE.get(fold(name).lower(), ())
    platform = next((entry.payload for entry in entries if entry.cat == "platform"), None)
    if platform is not None or entries:
        return platform  # a known platform, or a known firm or owner: none
    return found.platforms.setdefault(name, (slug(name), name))[0]
