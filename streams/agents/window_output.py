"""What the windows stage sends out: window rows, late signals, reported figures, Prometheus gauges.

Rows go to `aggregates` (every change, at most once per key per flush) and `aggregates-final`
(once per closed window), keyed by window so compacted storage keeps the latest; each also sets
the Prometheus gauges of its series, newest window first.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from models import ReportedFigure, Signal, WindowAggregate, encode
from streams.agents.window_state import PartitionState
from streams.pipeline import Pipeline


class WindowOutput:
    """Publishes a stage's output through the pipeline's producer; returns delivery futures."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.latest_start: dict[tuple[str, ...], datetime] = {}
        """Window start of the newest row exported per series (Prometheus shows that window)."""

    async def flush(self, state: PartitionState, now: float | None = None) -> list[Any]:
        result = state.engine.flush(now if now is not None else time.time())
        p = self.pipeline
        futures = []
        for row in result.updates:
            futures.append(await p.aggregates.send(key=row.key.encode(), value=encode(row)))
            self.export_row(row)
        for row in result.finals:
            futures.append(await p.aggregates_final.send(key=row.key.encode(), value=encode(row)))
            self.export_row(row)
        p.telemetry.published.labels(topic=p.names.aggregates).inc(len(result.updates))
        p.telemetry.published.labels(topic=p.names.aggregates_final).inc(len(result.finals))
        return futures

    async def late(self, late: list[Signal]) -> list[Any]:
        p = self.pipeline
        futures = [await p.late_signals.send(key=s.platform.encode(), value=encode(s)) for s in late]
        p.telemetry.published.labels(topic=p.names.late_signals).inc(len(late))
        return futures

    async def reported(self, rows: list[ReportedFigure]) -> list[Any]:
        p = self.pipeline
        futures = []
        for row in rows:
            futures.append(await p.aggregates.send(key=row.key.encode(), value=encode(row)))
            p.telemetry.reported_value.labels(row.platform, row.metric, row.unit, row.region or "none",
                                              row.period or "none", row.kind).set(row.value)
            p.telemetry.reported_info.labels(row.platform, row.metric, row.source or "unknown").set(1)
        p.telemetry.published.labels(topic=p.names.aggregates).inc(len(rows))
        return futures

    def export_row(self, row: WindowAggregate) -> None:
        """Prometheus shows the newest window of each series (an older window's update does not win)."""
        series = (row.platform, row.metric, row.region or "none", row.unit, row.kind, row.window)
        latest = self.latest_start.get(series)
        if latest is not None and row.window_start < latest:
            return
        self.latest_start[series] = row.window_start
        t = self.pipeline.telemetry
        stats = {"value": row.value, "count": float(row.count), "sum": row.sum, "last": row.last,
                 "min": row.min, "max": row.max, "mean": row.mean}
        for stat, value in stats.items():
            if value is not None:
                t.window_value.labels(*series, stat).set(value)
        if row.change_abs is not None:
            t.window_change.labels(*series, "abs").set(row.change_abs)
        if row.change_pct is not None:
            t.window_change.labels(*series, "pct").set(row.change_pct)

    def table_sizes(self, states: Iterable[PartitionState]) -> None:
        states = list(states)
        t = self.pipeline.telemetry
        t.table_keys.labels(table="windows").set(sum(s.engine.live_windows() for s in states))
        t.table_keys.labels(table="dedup").set(sum(s.engine.dedup_size() for s in states))
        t.table_keys.labels(table="reported").set(sum(len(s.reported.rows) for s in states))

