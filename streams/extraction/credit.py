"""The source one figure takes from the credits of its sentence.

Inside a quotation, the speaker's company (an interviewee may still cite someone else in the same
sentence); else the credit in the figure's clause, or the speech verb that governs what follows it,
else the nearest credit of the sentence; an analyst's note credits what nobody else is credited for.
"""

from __future__ import annotations

import re

from .memory import Memory
from .numbers.quantity import Quantity
from .sentence import Sentence, nearest
from .sources import Credit

_OUR_BEFORE = re.compile(r"(?<!\w)[Oo]ur\s+(?:[\w-]+\s+)?\Z")
_BUT = re.compile(r"(?<!\w)(?:لكن|ولكن|but)(?!\w)", re.IGNORECASE)


def figure_source(found: list[Credit], sent: Sentence, q: Quantity, start: int, end: int,
                  memory: Memory) -> str | None:
    """The source credited for the figure ``q`` in the clause ``start:end``."""
    centre = (q.start + q.end) // 2
    quote = next((quote for quote in sent.quotes if quote[0] <= centre < quote[1]), None)
    if quote is not None and quote[2]:
        if sent.interview:  # an interviewee may cite others ("X puts their users at ...") in the same sentence
            cited = [(p, n) for p, n, _f in found if n and n != memory.author
                     and not (p < q.start and _BUT.search(sent.text, p, q.start))]
            if cited:
                return nearest(cited, centre)[1]
        return quote[2]  # a figure inside a quotation: the speaker's company
    if memory.author and _OUR_BEFORE.search(sent.text, max(0, q.start - 16), q.start):
        return memory.author  # "missed our $2.05 billion forecast"
    author = memory.author
    if author and any(n != author for _p, n, _f in found):
        # the note's own "our" yields to a source the sentence names ("..., Qurate Retail reported")
        found = [c for c in found if c[1] != author or c[2]]
    candidates = [(p, n) for p, n, _f in found if start <= p < end]
    if not candidates:
        # A speech verb governs what follows it («أعلنت «نون» أن ... سجلت») unless another source comes between.
        governing = [(p, n) for p, n, forward in found if forward and p < centre]
        if governing and not any(governing[-1][0] < p < centre for p, _n, _f in found):
            return governing[-1][1]
        candidates = [(p, n) for p, n, _f in found]
    if any(n for _p, n in candidates):  # "sources cited by Reuters": the named one is credited
        candidates = [(p, n) for p, n in candidates if n]
    pick = nearest(candidates, centre)
    if pick is None and memory.author and not found:
        return memory.author  # an analyst's note credits what it does not credit to anyone else
    return pick[1] if pick else None


# A sentence after the figures naming where they all come from: «وقد وردت هذه الأرقام كلها في تقرير «X» (Latin)»,
# "All of these figures come from X's quarterly survey".
_THESE_FIGURES = re.compile(r"(?:(?:وردت|جاءت|وجاءت|ووردت)\s+(?:هذه|تلك)\s+الارقام|(?:هذه|تلك)\s+الارقام\s+(?:كلها\s+)?"
                            r"(?:مصدرها|ماخوذه\s+من)|(?:[Tt]hese|[Tt]hose|[Tt]he above)\s+figures\s+(?:all\s+)?"
                            r"(?:come|came|are\s+taken|were\s+taken)\s+from)")
_GLOSSED_AFTER = re.compile(r"\"[\u0621-\u064a][\u0621-\u064a ]{0,38}\"\s*\((?P<lat>[A-Z][A-Za-z0-9.&' -]{1,40})\)"
                            r"|(?P<cap>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})")


def credited_back(text: str) -> str | None:
    """The source a sentence credits for the figures before it, in its paragraph; None when it credits none."""
    marker = _THESE_FIGURES.search(text) if "الارقام" in text or "figures" in text else None
    named = _GLOSSED_AFTER.search(text, marker.end()) if marker else None
    if named is None:
        return None
    return (named.group("lat") or named.group("cap")).strip().removesuffix("'s")
