"""Validation errors as sentences a person understands, written only when something failed."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from models.vocab import KNOWN_PLATFORMS, METRIC_UNITS, NON_MONEY_UNITS


def _field(problem: ErrorDetails) -> str:
    names = [part for part in problem["loc"] if isinstance(part, str)]
    return names[-1] if names else ""


def explain(problem: ErrorDetails) -> str:
    """One problem as a sentence; falls back to pydantic's own message."""
    kind, field, value = problem["type"], _field(problem), problem.get("input")
    shown: Any = value if not isinstance(value, str) or len(value) < 80 else f"{value[:77]}..."
    if kind == "literal_error" and field in ("metric", "of_metric"):
        return f"unknown metric {shown!r}: expected one of {', '.join(sorted(METRIC_UNITS))}"
    if kind == "literal_error" and field == "unit":
        return (f"unit {shown!r} is neither one of {', '.join(sorted(NON_MONEY_UNITS))} "
                "nor an ISO 4217 currency code (e.g. USD, SAR, AED)")
    if kind == "string_pattern_mismatch" and field == "platform":
        return (f"platform {shown!r} is not a slug: use a known platform ({', '.join(sorted(KNOWN_PLATFORMS))}) "
                "or the Latin name in lower case with underscores")
    if kind == "string_pattern_mismatch" and field == "region":
        return f"region {shown!r} is not an ISO 3166 alpha-2 code (US, SA, AE) nor one of global, SEA, MENA, EU"
    if kind == "string_pattern_mismatch" and field in ("period", "base_period"):
        return f"period {shown!r} is not a year (2023) or a quarter (2023-Q2)"
    if kind == "timezone_aware":
        return "timestamp has no time zone: write it as ISO 8601 with Z or an offset, e.g. 2024-03-01T12:00:00Z"
    if kind == "greater_than_equal" and field == "observed_at":
        return f"event time {shown} is before 2000-01-01: almost certainly a unit error"
    if kind in ("finite_number",):
        return "value must be a finite number (not NaN or infinity)"
    if kind in ("greater_than_equal", "less_than_equal") and field == "value":
        return f"value {shown!r} is beyond ±1e15, larger than any figure this pipeline carries"
    return str(problem["msg"]).removeprefix("Value error, ")


def describe(error: ValidationError, limit: int = 5) -> str:
    """A validation error as one readable line: `field: message; field: message`."""
    parts = []
    for problem in error.errors(include_url=False)[:limit]:
        where = ".".join(str(p) for p in problem["loc"]) or "record"
        parts.append(f"{where}: {explain(problem)}")
    more = error.error_count() - limit
    if more > 0:
        parts.append(f"... and {more} more")
    return "; ".join(parts)
