"""Structured metric updates from the `metric-updates` topic, single or batched."""

from __future__ import annotations

import hashlib
import time
from typing import Final

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models.fields import FUTURE_TOLERANCE, EventTime, FiniteValue, Identifier, Metric, Platform, Region, Unit
from models.vocab import BOUNDED_PERCENT_METRICS, COUNTER_METRICS, ISO_4217, METRIC_UNITS, NON_MONEY_UNITS, unit_matches

UNIT_OF_METRIC: Final = frozenset(
    (metric, unit) for metric in METRIC_UNITS for unit in (*NON_MONEY_UNITS, *ISO_4217) if unit_matches(metric, unit)
)
NON_NEGATIVE_METRICS: Final = COUNTER_METRICS | {
    metric for metric, unit in METRIC_UNITS.items() if unit in ("users", "count", "minutes")
}


def _latest_accepted() -> float:
    """Now plus the tolerance, as epoch seconds (`time.time()` is ~10x cheaper than `datetime.now`)."""
    return time.time() + FUTURE_TOLERANCE.total_seconds()


class MetricUpdate(BaseModel):
    """One platform figure at one event time.

    Counters (sessions, orders, gmv, revenue) are increments; other metrics are gauges.
    `update_id` makes redelivery harmless: the windows count an id once. When a producer
    sends none, the id is a hash of the content, so an identical re-send is also a repeat.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    platform: Platform
    metric: Metric
    value: FiniteValue
    unit: Unit
    observed_at: EventTime
    region: Region = None
    source: str | None = Field(default=None, max_length=200)
    update_id: Identifier | None = None

    @model_validator(mode="after")
    def _consistent(self) -> MetricUpdate:
        """The one Python check per update (rules that tie fields together, 'not in the future'),
        written as set lookups and compares: it runs for every update on the hot path."""
        metric, value = self.metric, self.value
        if (metric, self.unit) not in UNIT_OF_METRIC:
            expected = METRIC_UNITS[metric]
            hint = "an ISO 4217 currency code" if expected == "currency" else repr(expected)
            raise ValueError(f"metric {metric!r} takes {hint} as unit, not {self.unit!r}")
        if value < 0 and metric in NON_NEGATIVE_METRICS:
            if metric in COUNTER_METRICS:
                raise ValueError(f"{metric} is a counter: a negative count ({value:g}) is not an increment")
            raise ValueError(f"{metric} cannot be negative ({value:g})")
        if metric in BOUNDED_PERCENT_METRICS and not 0 <= value <= 100:
            raise ValueError(f"{metric} is a share in percent: {value:g} is outside 0..100")
        if self.observed_at.timestamp() > _latest_accepted():
            raise ValueError(f"event time {self.observed_at.isoformat()} is more than a day in the future")
        return self

    def identity(self) -> str:
        """The deterministic id windows deduplicate on."""
        if self.update_id:
            return self.update_id
        digest = hashlib.blake2b(
            f"{self.platform}|{self.metric}|{self.value!r}|{self.unit}|{self.region}|"
            f"{self.observed_at.isoformat()}".encode(),
            digest_size=12,
        )
        return "mu-" + digest.hexdigest()


class MetricBatch(BaseModel):
    """Many updates in one Kafka message: the cheap way to move a feed (a JSON array works too)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    batch_id: Identifier | None = None
    updates: list[MetricUpdate] = Field(min_length=1, max_length=10_000)
