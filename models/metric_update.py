"""Structured metric updates from the `metric-updates` topic, single or batched."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models.fields import FUTURE_TOLERANCE, EventTime, FiniteValue, Identifier, Metric, Platform, Region, Unit
from models.vocab import BOUNDED_PERCENT_METRICS, METRIC_UNITS, metric_kind, unit_matches


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
        """The one Python check per update: rules that tie fields together, and 'not in the future'."""
        if self.observed_at > datetime.now(UTC) + FUTURE_TOLERANCE:
            raise ValueError(f"event time {self.observed_at.isoformat()} is more than a day in the future")
        if not unit_matches(self.metric, self.unit):
            expected = METRIC_UNITS[self.metric]
            hint = "an ISO 4217 currency code" if expected == "currency" else repr(expected)
            raise ValueError(f"metric {self.metric!r} takes {hint} as unit, not {self.unit!r}")
        if metric_kind(self.metric) == "counter" and self.value < 0:
            raise ValueError(f"{self.metric} is a counter: a negative count ({self.value:g}) is not an increment")
        if self.metric in BOUNDED_PERCENT_METRICS and not 0 <= self.value <= 100:
            raise ValueError(f"{self.metric} is a share in percent: {self.value:g} is outside 0..100")
        if self.value < 0 and METRIC_UNITS[self.metric] in ("users", "count", "minutes"):
            raise ValueError(f"{self.metric} cannot be negative ({self.value:g})")
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
