"""Annotated field types shared by the records, each with a message a person understands."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from models.vocab import (
    ISO_4217,
    KNOWN_PLATFORMS,
    METRIC_UNITS,
    NON_MONEY_UNITS,
    PERIOD,
    PLATFORM_SLUG,
    REGION_CODE,
    REGION_GROUPS,
)

EARLIEST_EVENT = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE_TOLERANCE = timedelta(days=1)
MAX_ABS_VALUE = 1e15
"""Larger than any platform's yearly GMV in any currency we carry; beyond it a value is a bug."""


def _platform(value: str) -> str:
    slug = value.strip().lower()
    if slug in KNOWN_PLATFORMS or PLATFORM_SLUG.match(slug):
        return slug
    raise ValueError(
        f"platform {value!r} is not a slug: use a known platform ({', '.join(sorted(KNOWN_PLATFORMS))}) "
        "or the Latin name in lower case with underscores"
    )


def _metric(value: str) -> str:
    if value in METRIC_UNITS:
        return value
    raise ValueError(f"unknown metric {value!r}: expected one of {', '.join(sorted(METRIC_UNITS))}")


def _unit(value: str) -> str:
    if value in NON_MONEY_UNITS:
        return value
    code = value.upper()
    if code in ISO_4217 and value == code:
        return code
    raise ValueError(
        f"unit {value!r} is neither one of {', '.join(sorted(NON_MONEY_UNITS))} "
        "nor an ISO 4217 currency code (e.g. USD, SAR, AED)"
    )


def _region(value: str | None) -> str | None:
    if value is None:
        return None
    if value in REGION_GROUPS or REGION_CODE.match(value):
        return value
    lowered = value.lower()
    if lowered == "global":
        return "global"
    raise ValueError(f"region {value!r} is not an ISO 3166 alpha-2 code (US, SA, AE) nor one of global, SEA, MENA, EU")


def _period(value: str | None) -> str | None:
    if value is None or PERIOD.match(value):
        return value
    raise ValueError(f"period {value!r} is not a year (2023) or a quarter (2023-Q2)")


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("value must be a finite number (not NaN or infinity)")
    if abs(value) > MAX_ABS_VALUE:
        raise ValueError(f"value {value!r} is beyond ±1e15, larger than any figure this pipeline carries")
    return value


def _aware_utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValueError(
            "timestamp has no time zone: write it as ISO 8601 with Z or an offset, e.g. 2024-03-01T12:00:00Z"
        )
    return value.astimezone(UTC)


def _event_time(value: datetime) -> datetime:
    value = _aware_utc(value)
    if value < EARLIEST_EVENT:
        raise ValueError(f"event time {value.isoformat()} is before 2000-01-01: almost certainly a unit error")
    if value > datetime.now(UTC) + FUTURE_TOLERANCE:
        raise ValueError(f"event time {value.isoformat()} is more than a day in the future")
    return value


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


Platform = Annotated[str, BeforeValidator(_strip), AfterValidator(_platform)]
Metric = Annotated[str, AfterValidator(_metric)]
Unit = Annotated[str, AfterValidator(_unit)]
Region = Annotated[str | None, AfterValidator(_region)]
Period = Annotated[str | None, AfterValidator(_period)]
FiniteValue = Annotated[float, Field(allow_inf_nan=False, strict=True), AfterValidator(_finite)]
UtcDatetime = Annotated[datetime, AfterValidator(_aware_utc)]
EventTime = Annotated[datetime, AfterValidator(_event_time)]
Identifier = Annotated[str, BeforeValidator(_strip), Field(min_length=1, max_length=256)]
