"""Adversarial article bodies: what the extraction benchmark and the hostile-input tests feed in."""

from __future__ import annotations

import random

PIECES = [
    "1,2.3٫4٬5", "٠١٢٣٤٥٦٧٨٩" * 3, " مليون ", " مليار", "ألف ", "آلاف", "\u064e\u064f\u0650" * 5,
    "\u200f\u202b\u2066", "،", ".", "9" * 50, " ", "و", "%", "$", "bn", " million ", "ـــ", "\n",
]


def hostile(size: int, seed: int = 7) -> str:
    """Runs of digits, separators, scale words, combining and bidi marks, `size` characters long."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        piece = rng.choice(PIECES)
        out.append(piece)
        total += len(piece)
    return "".join(out)[:size]
