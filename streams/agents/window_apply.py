"""What one fetched batch does to the window states: validated updates and signals applied, and
what they leave to publish (late signals, reported figures, updates for another partition).

Pure of I/O: the stage publishes what a `BatchApply` collected once the batch is applied. The
hot path is `updates`: one engine call per update, the platform's engine looked up once per run
of updates of the same platform.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from models import ReportedFigure, Signal, TimedRow, signal_row
from models.metric_update import update_identity
from models.vocab import COUNTER_METRICS
from streams.agents.publishing import SignalRow, signal_partition
from streams.agents.window_state import PartitionState
from streams.state.codec import Op
from streams.windows import DUPLICATE, LATE, PARTLY_LATE

Totals = dict[tuple[str, str, str, str], float]


class BatchApply:
    """Accumulates one batch's side output; `newest` is the newest event time applied."""

    def __init__(self, partitions: int, duplicates: dict[str, Any], late_counter: Any,
                 updates_topic: str, signals_topic: str) -> None:
        self.partitions = partitions
        self.duplicates = duplicates
        self.late_counter = late_counter
        self.updates_topic = updates_topic
        self.signals_topic = signals_topic
        self.late: list[Signal] = []
        self.reported: list[ReportedFigure] = []
        self.repartition: list[SignalRow] = []
        self.totals: Totals = defaultdict(float)
        """(platform, metric, region, unit) → sum of counter updates applied (souq_metric_total)."""
        self.newest = 0.0

    def updates(self, state: PartitionState, updates: list[TimedRow]) -> None:
        """Apply one `metric-updates` message's validated updates.

        An update whose platform belongs to another partition is not applied here: it goes to
        `repartition` (republished to `signals`, keyed by platform, and applied by that
        partition's owner). The check is per update, so a batch mixing platforms is split.
        """
        engines = state.engine
        home = state.partition
        duplicates = self.duplicates[self.updates_topic]
        totals = self.totals
        newest = self.newest
        engine_platform: str | None = None
        platform_engine: Any = None
        for ts, row in updates:
            platform = row["platform"]
            if platform != engine_platform:  # rows of a platform come together: look it up once per run
                if signal_partition(platform, self.partitions) != home:
                    self.repartition.append((ts, signal_row(row)))
                    continue
                platform_engine, engine_platform = engines.engine(platform), platform
            metric, unit, region, value = row["metric"], row["unit"], row.get("region"), row["value"]
            signal_id = row.get("update_id") or update_identity(platform, metric, value, unit, region,
                                                                row["observed_at"])
            increment = metric in COUNTER_METRICS
            status = platform_engine.apply(signal_id, platform, metric, region, unit, float(value), ts, increment)
            if status == DUPLICATE:
                duplicates.inc()
                continue
            if status in (LATE, PARTLY_LATE):
                self._late(Signal.model_validate(signal_row(row)))
                if status == LATE:
                    continue
            if increment:
                totals[(platform, metric, region or "none", unit)] += value
            if ts > newest:
                newest = ts
        self.newest = newest

    def signals(self, state: PartitionState, signals: list[Signal]) -> None:
        """Apply one `signals` message (validated in full): article figures, republished updates."""
        engines = state.engine
        for signal in signals:
            if signal.origin == "article":
                # The reported-figures table keeps figures of any date: an article about
                # 2023 is news whatever the windows' watermark (it has its own dedup).
                figure = state.reported.update(signal)
                if figure is not None:
                    self.reported.append(figure)
            ts = signal.observed_at.timestamp()
            increment = signal.is_increment
            status = engines.apply(signal.signal_id, signal.platform, signal.metric, signal.region, signal.unit,
                                   float(signal.value), ts, increment)
            if status == DUPLICATE:
                self.duplicates[self.signals_topic].inc()
                continue
            if status in (LATE, PARTLY_LATE):
                self._late(signal)
                if status == LATE:
                    continue
            if increment:
                self.totals[(signal.platform, signal.metric, signal.region or "none", signal.unit)] += signal.value
            if ts > self.newest:
                self.newest = ts

    def _late(self, signal: Signal) -> None:
        self.late.append(signal)
        self.late_counter.labels(topic=self.signals_topic, platform=signal.platform).inc()


@dataclass(slots=True)
class AppliedBatch:
    """A batch applied to the states, its output sent (not yet known delivered), and the commit
    of each state it touched, taken right after it was applied."""

    size: int
    finished: list[Any]
    futures: list[Any]
    commits: list[tuple[PartitionState, list[Op]]]
    totals: Totals
    counts: dict[str, int]
    newest: float
    started: float
