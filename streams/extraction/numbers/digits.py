"""Digit strings: which separator is the decimal one ("1,250", "3,5", "1.234.567", "12.6")."""

from __future__ import annotations

import re

# Thousands may be grouped with a space ("1 850 dinars", "12 000", French usage), or a no-break space.
DIGITS = re.compile(r"(?=[0-9])(?<![0-9.,])(?:[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9]|[.,][0-9])"
                    r"|[0-9]+(?:[.,][0-9]+)*)")
GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")


def parse_digits(raw: str) -> float | None:
    if len(raw) > 24:
        return None
    if " " in raw or "\u00a0" in raw or "\u202f" in raw:
        return float(re.sub(r"\D", "", raw))
    seps = [c for c in raw if c in ".,"]
    groups = re.split(r"[.,]", raw)
    if not seps:
        return float(raw)
    if len(set(seps)) == 1:
        sep = seps[0]
        thousands = len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
        if len(seps) == 1:
            if sep == "." or not thousands:
                return float(groups[0] + "." + groups[1])
            return float("".join(groups))
        return float("".join(groups)) if thousands else None
    # mixed: the last separator is the decimal one
    decimal = seps[-1]
    if seps.count(decimal) != 1 or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:-1]):
        return None
    return float("".join(groups[:-1]) + "." + groups[-1])
