"""A number read from a sentence, with what is written around it (unit, scale, qualifier)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Quantity:
    """A number with what is written around it. Offsets are sentence-relative."""

    start: int
    end: int
    value: float
    unit: str | None  # percent, multiple, ISO 4217, users, count, minutes, years, people, employees
    lead: int = -1  # start of the qualifier written before the figure (else ``start``)
    noun_metric: str | None = None  # metric implied by the unit noun (بائع -> sellers)
    qualifier: str = "exact"
    scaled: bool = False  # had a scale word (million, مليار ...)
    words: bool = False  # written in words
    bare: bool = False  # a grouped number with no unit or scale ("80,000"): only ever elliptic

