"""One sentence read once: its quantities, lexicon hits, clauses and period mentions.

Lexicon hits inside a quantity (its unit words: «مستخدم», "sellers") are dropped, so a unit noun is
never also taken for a cue of another figure.
"""

from __future__ import annotations

import re
from typing import Any

from .lexicon.matcher import Hit, scan
from .normalize import ascii_lower
from .numbers.reader import find_quantities
from .periods import find_periods
from .segments import clause_of, clauses


class Sentence:
    """Everything found in one sentence, positions relative to the sentence."""

    def __init__(self, text: str, x_ok: bool, extra: re.Pattern[str] | None = None,
                 aliases: dict[str, tuple[str, str]] | None = None) -> None:
        self.text = text
        low = ascii_lower(text)
        self.quantities = find_quantities(text, low)
        covered = bytearray(len(text) + 1)  # characters inside a quantity (its unit words too)
        for q in self.quantities:
            covered[q.start : q.end] = b"\x01" * (q.end - q.start)
        hits = scan(text, low)
        if extra is not None and aliases:
            hits.extend(Hit(m.start("n"), m.end("n"), "platform", aliases[m.group("n")][0])
                        for m in extra.finditer(text))
            hits.sort(key=lambda h: h.start)
        self.hits = [h for h in hits if not (covered[h.start] or covered[h.end - 1])]
        self.by_cat: dict[str, list[Hit]] = {}
        for hit in self.hits:
            self.by_cat.setdefault(hit.cat, []).append(hit)
        self.clauses = clauses(text, low)
        self.periods = [p for p in find_periods(text, low) if not covered[p.start]]
        self.x_ok = x_ok

    def cat(self, name: str) -> list[Hit]:
        return self.by_cat.get(name, [])

    def clause_of(self, position: int) -> int:
        return clause_of(self.clauses, position)


def nearest(items: list[Any], position: int) -> Any:
    """The (position, value) item closest to ``position``, or None."""
    return min(items, key=lambda item: abs(item[0] - position)) if items else None
