"""What the windows and the reported-figures table publish."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from models.fields import Period, Platform, Region
from models.record import Record
from models.vocab import Kind, Qualifier


class WindowAggregate(Record):
    """One (window, platform, metric, region, unit) cell of a rolling table.

    `value` is the headline: the sum for counters, the last observation for gauges, the ratio
    of sums for derived metrics. Published on every change to `aggregates` (keyed by `key`,
    so compacted storage keeps the latest) and once, with `final=True`, on `aggregates-final`.
    """

    window: str
    window_kind: Literal["tumbling", "hopping"]
    window_start: datetime
    window_end: datetime
    platform: Platform
    metric: str
    region: Region
    unit: str
    kind: Literal["counter", "gauge", "derived"]
    value: float
    count: int
    # set by kind, else None: a counter has `sum`; a gauge sum, last, min, max, mean; a derived ratio none
    sum: float | None = None
    last: float | None = None
    min: float | None = None
    max: float | None = None
    mean: float | None = None
    change_abs: float | None = None  # against the window before; None without one
    change_pct: float | None = None
    final: bool = False
    updated_at: datetime

    @property
    def key(self) -> str:
        return window_key(self.window, self.platform, self.metric, self.region, self.unit, self.kind,
                          self.window_start)


def window_key(window: str, platform: str, metric: str, region: str | None, unit: str, kind: str,
               start: datetime) -> str:
    """The Kafka key of a window cell: stable, readable, unique per window.

    The kind is part of it: a GMV counter sum and a GMV figure observed in articles are
    different cells of the same platform, metric, region and unit.
    """
    return f"{window}|{platform}|{metric}|{region or '-'}|{unit}|{kind}|{start.strftime('%Y-%m-%dT%H:%M:%SZ')}"


class ReportedFigure(Record):
    """The latest figure an article reported for one platform, metric, unit, region, period, kind."""

    platform: Platform
    metric: str
    unit: str
    region: Region
    period: Period
    kind: Kind
    value: float
    qualifier: Qualifier
    source: str | None
    article_id: str | None
    signal_id: str
    observed_at: datetime
    revisions: int = 1

    @property
    def key(self) -> str:
        return "|".join((
            "reported", self.platform, self.metric, self.unit, self.region or "-", self.period or "-", self.kind,
        ))
