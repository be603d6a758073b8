"""A figure being assembled from one quantity of one sentence, before dedup and provenance."""

from __future__ import annotations

from dataclasses import dataclass

from .numbers.quantity import Quantity


@dataclass(slots=True)
class Candidate:
    """Sentence-relative: ``q`` offsets are inside the sentence at ``sentence`` (body offsets)."""

    q: Quantity
    clause: int
    platform: str
    metric: str
    unit: str
    qualifier: str
    kind: str
    period: str | None
    region: str | None
    source: str | None
    base_period: str | None
    of_metric: str | None
    confidence: float
    sentence: tuple[int, int]
    sign: float = 1.0  # -1 for a decline ("fell 5%", «تراجعت بنسبة 7%»)
