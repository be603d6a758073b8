"""One figure stated twice is one signal.

A repeat that lacks the period ("In Germany, Temu now counts about 12 million users") is the same
figure, and fills what the first statement left open.
"""

from __future__ import annotations

from typing import Any

from .candidate import Candidate


def unique_figures(raw: list[Candidate]) -> list[Candidate]:
    """``raw`` without repeats, in order; a repeat's attributes fill the first statement's gaps."""
    kept: dict[tuple[Any, ...], list[Candidate]] = {}
    unique: list[Candidate] = []
    for f in raw:
        key = (f.platform, f.metric, f.unit, round(f.q.value * f.sign, 6))
        same = next((g for g in kept.get(key, []) if (g.period == f.period and g.kind == f.kind)
                     or f.period is None or (g.period is None and g.kind == f.kind)), None)
        if same is not None:
            if same.kind == f.kind:
                for name in ("period", "region", "source", "base_period"):
                    if getattr(same, name) is None and getattr(f, name) is not None:
                        setattr(same, name, getattr(f, name))
            continue
        kept.setdefault(key, []).append(f)
        unique.append(f)
    return unique
