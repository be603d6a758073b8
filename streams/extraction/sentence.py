"""One sentence read once: its quantities, lexicon hits, clauses and period mentions.

Lexicon hits inside a quantity (its unit words: «مستخدم», "sellers") are dropped, so a unit noun is
never also taken for a cue of another figure; a word inside a platform name the text introduced
(«طلبات», a brand and the word "orders") is only that name. A sentence that names no platform, refers
back to none and has no metric word cannot state a signal: its numbers are not read.
"""

from __future__ import annotations

import re
from typing import Any

from .lexicon.matcher import Hit, scan
from .normalize import ascii_lower
from .numbers.reader import find_quantities
from .periods import find_periods
from .segments import Clause, clause_of, clauses

_IT_IS_GATE = re.compile(r"(?<!\w)(?:it's|it is|it was|that's|we are at|we're at|it stands at|it now stands at)\s")
_CAN_STATE = {"platform", "owner", "backref", "metric", "growth"}


class Sentence:
    """Everything found in one sentence, positions relative to the sentence."""

    def __init__(self, text: str, x_ok: bool, extra: re.Pattern[str] | None = None,
                 aliases: dict[str, tuple[str, str]] | None = None) -> None:
        self.text = text
        low = ascii_lower(text)
        hits = scan(text, low)
        if not hits and len(text) <= 40 and text.isupper():
            hits = scan(text.title())  # a heading in capitals ("SNAP", "MERCADO LIBRE"): the names as written
        if extra is not None and aliases:
            named = [Hit(m.start(m.lastgroup), m.end(m.lastgroup), "platform", aliases[m.group(m.lastgroup)][0])
                     for m in extra.finditer(text) if m.lastgroup]
            if named:
                hits = [h for h in hits if not any(n.start <= h.start < n.end for n in named)] + named
                hits.sort(key=lambda h: h.start)
        if "-based " in low:
            hits = _with_described_refs(text, hits)
        self._low = low
        self._raw_hits = hits
        self._read = False
        self._clauses: list[Clause] | None = None
        self.x_ok = x_ok
        # "Up 12% y/y.": a sentence opening with a growth word continues the figure of the sentence before
        self.opens_with_growth = bool(hits) and hits[0].cat == "growth" and hits[0].start <= 3
        # "On a static page it's closer to 1%": "it" stands for the metric of the figure before (measures._IT_IS)
        self._settle(self.opens_with_growth or any(h.cat in _CAN_STATE for h in hits)
                     or (("it" in low or "that" in low or "we" in low) and _IT_IS_GATE.search(low) is not None))
        # Quotations in the sentence (start, end, credited company, platform slug), set by the article reader.
        self.quotes: list[tuple[int, int, str | None, str | None]] = []
        self.interview = False  # inside an interview's answer: its sources may still be named

    def _settle(self, read_numbers: bool) -> None:
        text, low = self.text, self._low
        self._read = read_numbers
        self.quantities = find_quantities(text, low) if read_numbers else []
        covered = bytearray(len(text) + 1)  # characters inside a quantity (its unit words too)
        for q in self.quantities:
            covered[q.start : q.end] = b"\x01" * (q.end - q.start)
        self.hits = [h for h in self._raw_hits if not (covered[h.start] or covered[h.end - 1])]
        self.by_cat: dict[str, list[Hit]] = {}
        for hit in self.hits:
            self.by_cat.setdefault(hit.cat, []).append(hit)
        self.periods = [p for p in find_periods(text, low) if not covered[p.start]]

    def copy(self) -> Sentence:
        """The same reading for the same words stated again (a repeated paragraph), with its own quotations."""
        twin = object.__new__(Sentence)
        twin.__dict__.update(self.__dict__)
        twin.quotes = []
        twin.interview = False
        return twin

    def read_numbers(self) -> None:
        """Read the numbers of a sentence that names nothing but is inside a quotation (its speaker's)."""
        if not self._read:
            self._settle(True)

    @property
    def clauses(self) -> list[Clause]:
        """Clauses, cut when first needed (a sentence with no figure and no back-reference never needs them)."""
        if self._clauses is None:
            self._clauses = clauses(self.text, self._low)
        return self._clauses

    def cat(self, name: str) -> list[Hit]:
        return self.by_cat.get(name, [])

    def clause_of(self, position: int) -> int:
        return clause_of(self.clauses, position)


# "The Petaling Jaya-based company said ...": a back-reference with the place the company is based in
_DESCRIBED_REF = re.compile(r"(?<!\w)[Tt]he\s+(?:[A-Z][\w.]*\s){0,2}[A-Z][\w.]*-based\s+"
                            r"(?:(?P<company>company|firm|group)|(?P<app>app|platform|marketplace|retailer))(?:'s)?(?!\w)")


def _with_described_refs(text: str, hits: list[Hit]) -> list[Hit]:
    refs = [Hit(m.start(), m.end(), "backref", "company" if m.group("company") else "app")
            for m in _DESCRIBED_REF.finditer(text)]
    if not refs:
        return hits
    kept = [h for h in hits if not any(r.start <= h.start < r.end and h.cat == "backref" for r in refs)]
    return sorted(kept + refs, key=lambda h: h.start)


def nearest(items: list[Any], position: int) -> Any:
    """The (position, value) item closest to ``position``, or None."""
    return min(items, key=lambda item: abs(item[0] - position)) if items else None
