"""metric-updates and signals → rolling tables → aggregates, aggregates-final, late-signals, Prometheus.

One hop for metric updates: the stage reads `metric-updates` itself, validates each message and
applies its updates to the windows in this process; only window results leave it. `signals`
carries what needs a hop of its own: article figures, and updates whose message was on the wrong
partition for their platform (a producer that does not key by platform): those are republished
to `signals`, keyed by platform, and counted (`souq_repartitioned_total`), so correctness never
depends on the producer. Both topics are read by one consumer, co-partitioned
(`streams.agents.copartition`), so each platform's windows live in exactly one state.

At-least-once in, idempotent apply: a batch's output (window rows, late signals, dead letters,
republished updates) is delivered, then each touched state is committed with the input offsets it
reflects, then the input offsets are committed to the group. A replayed offset is skipped, a
redelivered signal id is ignored. Changes are published at most once per key per flush; finals
once, when event time (or the idle wall clock) passes end + grace.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from models import DecodeError, ReportedFigure, Signal, WindowAggregate, decode_many
from models.metric_update import latest_accepted
from streams.agents.dead_letters import send_dead_letter
from streams.agents.metric_updates import decode_update_message
from streams.agents.publishing import delivered, publish_signal_rows
from streams.agents.window_apply import AppliedBatch, BatchApply
from streams.agents.window_idle import IdleClock
from streams.agents.window_output import WindowOutput
from streams.agents.window_state import PartitionState
from streams.pipeline import Pipeline
from streams.state import StateStore

log = logging.getLogger(__name__)

REWIND_ATTEMPTS = 5
REWIND_RETRY_S = 2.0
"""Seek again if records beyond the state's offset still arrive this long after a rewind."""


class WindowWorker:
    """The windows of the partition numbers this worker owns, and what a batch does to them.

    The consumer that feeds it (`streams.agents.windows_stage.WindowsStage`) sets `consumer`;
    everything here runs under `lock`, so a rebalance never sees a batch half applied.
    """

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.consumer: Any = None
        self.partitions: dict[int, PartitionState] = {}
        self.opening: dict[int, asyncio.Future[PartitionState]] = {}
        """States being restored since their assignment (all at once, side by side)."""
        self._adopting: set[asyncio.Future[None]] = set()
        self.owned: set[int] | None = None
        """Partition numbers assigned to this worker; None until the first assignment."""
        self.lock = asyncio.Lock()
        self.output = WindowOutput(pipeline)
        self.idle = IdleClock(pipeline)
        t, names = pipeline.telemetry, pipeline.names
        self.names = names
        inputs = (names.metric_updates, names.signals)

        def per_input(metric: Any) -> dict[str, Any]:
            return {topic: metric.labels(topic=topic) for topic in inputs}

        self._duplicates = per_input(t.duplicates)
        self._processed = per_input(t.processed)
        self._latency = per_input(t.processing_latency)
        self._stale = per_input(t.revoked_skipped)
        self._rewound_skipped = per_input(t.rewound_skipped)
        self._repartitioned = t.repartitioned.labels(topic=names.metric_updates)

    # ------------------------------------------------------------------ states

    def _adopt_opened(self) -> None:
        """Move states whose restore finished into `partitions` and let their input flow.

        Input partitions stay paused from their assignment until their state is restored; then
        each is sought to the record after the one its state reflects (not to the group's
        committed offset, which can run ahead of a state handed over) and resumed. A partition
        taken over with nothing new to read gets its restored windows all the same (they close on
        the idle clock and answer queries). A failed restore is started again once the broker is
        reachable (not once a tick while it is away).
        """
        for partition, opening in list(self.opening.items()):
            if not opening.done() or opening.cancelled():
                continue
            error = opening.exception()
            if error is not None and not self.pipeline.broker_reachable:
                continue
            del self.opening[partition]
            if error is None:
                state = self.partitions[partition] = opening.result()
                self._resume_from_state(state)
            elif self.owned is None or partition in self.owned:
                log.warning("windows partition %d: state restore failed (%r); trying again", partition, error)
                self._start_restore(partition)

    def _start_restore(self, partition: int, store: StateStore | None = None) -> None:
        state = PartitionState(self.pipeline, partition, store)
        opening = self.opening[partition] = asyncio.ensure_future(state.open())
        opening.add_done_callback(self._restored)

    def _restored(self, opening: asyncio.Future[PartitionState]) -> None:
        """Adopt a finished restore now, not at the next batch (its input is paused) or tick (once a
        second); a failed one is left to the tick, which paces retries. `_adopting` keeps the task."""
        if not opening.cancelled() and opening.exception() is None:
            adopting = asyncio.ensure_future(self._adopt_under_lock())
            self._adopting.add(adopting)
            adopting.add_done_callback(self._adopting.discard)

    async def _adopt_under_lock(self) -> None:
        async with self.lock:
            self._adopt_opened()

    def _input_partitions(self, partition: int) -> list[Any]:
        if self.consumer is None:
            return []
        return [tp for tp in self.consumer.assignment() if tp.partition == partition]

    def _resume_from_state(self, state: PartitionState) -> None:
        if self.consumer is None:
            return
        for tp in self._input_partitions(state.partition):
            # nothing applied from it yet (-1): offset 0, which the consumer's "earliest" reset
            # turns into the beginning of what the broker still keeps (`seek_to_beginning` is a
            # coroutine, and this must happen before the input resumes)
            self.consumer.seek(tp, state.applied_offset(tp.topic) + 1)
        self.consumer.resume(*self._input_partitions(state.partition))

    def reset(self) -> None:
        """Output or a state commit failed: rebuild every state from its store (its last commit).

        What was applied since (and flushed: changed cells, closed windows) exists only in this
        process and never reached the broker. Dropped, each state is restored from its own store,
        its input paused until then and sought to what that commit reflects, so the records are
        applied and their rows published again (once the broker takes them).
        """
        for partition in list(self.partitions):
            state = self.partitions.pop(partition)
            if self.consumer is not None:
                self.consumer.pause(*self._input_partitions(partition))
            self._start_restore(partition, state.store)

    def assign(self, partitions: Iterable[int]) -> None:
        """The partition numbers this worker owns from now on (the full new assignment).

        Their input stays paused while their states restore, side by side (each replays its own
        changelog partition), and flows once `_adopt_opened` finds the restore done.
        """
        self.owned = set(partitions)
        for partition in self.owned:
            if partition in self.partitions:
                continue
            if self.consumer is not None:
                self.consumer.pause(*self._input_partitions(partition))
            if partition not in self.opening:
                self._start_restore(partition)
        self._adopt_opened()

    async def release(self, partitions: Iterable[int]) -> None:
        """On revocation: commit and close the partitions' state so the next owner starts clean.

        From here on, records of these partitions still in a fetched batch are ignored: the
        next owner reads them again from the state's offset, and applying them here would write
        a second history into the partition's changelog.
        """
        partitions = list(partitions)
        if self.owned is not None:
            self.owned.difference_update(partitions)
        for partition in partitions:
            state = self.partitions.pop(partition, None)
            opening = self.opening.pop(partition, None)
            if state is None and opening is not None:
                try:
                    state = await opening
                except Exception:  # never restored: nothing to hand over
                    continue
            if state is not None:
                await state.commit()
                state.store.close()

    # ------------------------------------------------------------------ a batch

    async def handle(self, records: Sequence[Any]) -> list[Any]:
        """Apply a fetched batch, deliver its output and commit the states it touched.

        Returns the records finished (their offsets may be committed to the group).
        """
        return await self.finish(await self.apply(records))

    async def apply(self, records: Sequence[Any]) -> AppliedBatch:
        """Apply a fetched batch to the states and send its output; take each touched state's commit.

        Nothing here waits for the broker: `finish` does, and the stage applies the next batch
        meanwhile (`WindowsStage`). The commits are taken now, so a state's commit holds what this
        batch applied and nothing of the next one.
        """
        started = time.perf_counter()
        self._adopt_opened()
        names = self.names
        batch = BatchApply(self.pipeline.settings.partitions, self._duplicates, self.pipeline.telemetry.late,
                           names.metric_updates, names.signals)
        futures: list[Any] = []
        touched: set[int] = set()
        counts: dict[str, int] = defaultdict(int)
        owned = self.owned
        # records done with: not those of partitions revoked from this worker (their next
        # owner reads them; counted here, a partition taken back later looked behind forever
        # and held the idle close), nor those skipped to be read again
        finished: list[Any] = []
        updates_topic, limit, latest = names.metric_updates, self.pipeline.settings.max_batch_updates, latest_accepted()
        # A fetched batch holds runs of consecutive offsets of one input partition: once a run's
        # first record passed the checks below, the records that follow it in the run pass them too
        # (same state, still owned under the lock, the next offset): they skip straight to applying.
        run_state: PartitionState | None = None
        run_topic, run_partition, run_next = "", -1, -1
        for record in records:
            topic = record.topic
            counts[topic] += 1
            if run_state is not None and record.offset == run_next and record.partition == run_partition \
                    and topic == run_topic:
                state = run_state
            else:
                found = self.partitions.get(record.partition)
                if found is None or (owned is not None and record.partition not in owned):
                    self._stale[topic].inc()
                    continue
                state = found
                applied = state.applied_offset(topic)
                if record.offset <= applied:
                    self._duplicates[topic].inc()
                    finished.append(record)
                    continue
                if record.offset > applied + 1 >= 1 and not self._rewound(state, record):
                    continue
                state.rewound_at = state.rewound_to = None
                state.rewinds = 0
                touched.add(record.partition)
                run_state, run_topic, run_partition = state, topic, record.partition
            run_next = record.offset + 1
            finished.append(record)
            data = record.value or b""
            try:
                if topic == updates_topic:
                    batch.updates(state, decode_update_message(data, limit, latest))
                else:
                    batch.signals(state, decode_many(data, Signal))
            except DecodeError as error:
                futures.append(await send_dead_letter(self.pipeline, record, error.reason, error.detail))
            state.applied[topic] = record.offset
        if batch.repartition:
            self._repartitioned.inc(len(batch.repartition))
            futures.extend(await publish_signal_rows(self.pipeline, batch.repartition))
        futures.extend(await self.output.late(batch.late))
        futures.extend(await self.output.reported(batch.reported))
        commits = []
        for partition in touched:
            state = self.partitions[partition]
            futures.extend(await self.output.flush(state))
            commits.append((state, state.snapshot()))
        self.idle.busy += time.perf_counter() - started
        return AppliedBatch(len(records), finished, futures, commits, batch.totals, counts, batch.newest, started)

    async def finish(self, applied: AppliedBatch) -> list[Any]:
        """Wait for a batch's output, then write the commits taken when it was applied.

        A batch's commits are written after the previous batch's (the stage chains them): each
        holds only the deltas of its own batch, so none may land without the ones before it.
        Returns the records finished (their offsets may be committed to the group).
        """
        waited = time.perf_counter()
        await delivered(applied.futures)
        if applied.newest:
            self.pipeline.telemetry.end_to_end_latency.observe(max(0.0, time.time() - applied.newest))
        await asyncio.gather(*(state.write(ops) for state, ops in applied.commits))
        metric_total = self.pipeline.telemetry.metric_total
        for labels, amount in applied.totals.items():  # once committed: a batch applied again is not counted twice
            metric_total.labels(*labels).inc(amount)
        now = time.perf_counter()
        self.idle.busy += now - waited
        spent = now - applied.started
        for topic, count in applied.counts.items():
            self._processed[topic].inc(count)
            self._latency[topic].observe(spent / applied.size)
        self.output.table_sizes(self.partitions.values())
        return applied.finished

    def _rewound(self, state: PartitionState, record: Any) -> bool:
        """True when `record` directly follows what the state reflects; else rewind the input.

        The state's offset, not the group's committed offset, says where input resumes. Both
        inputs have no transactions' markers on the embedded broker and no compaction, so their
        offsets have no holes there: a gap is records this state never saw. Seek back to them
        and drop what was fetched beyond. (On a transactional Kafka, commit markers take offsets
        too: a gap that stays after the retries is taken as such, loudly.)
        """
        expected = state.applied_offset(record.topic) + 1
        now = time.monotonic()
        if state.rewinds >= REWIND_ATTEMPTS:  # the records are gone (retention, markers): go on from here
            log.warning("windows partition %d: %s offsets %d..%d did not come back; continuing at %d",
                        state.partition, record.topic, expected, record.offset - 1, record.offset)
            state.rewinds = 0
            return True
        if state.rewound_at is None or now - state.rewound_at > REWIND_RETRY_S:
            log.warning("windows partition %d: %s resumed at offset %d but the state reflects %d; rewinding to %d",
                        state.partition, record.topic, record.offset, expected - 1, expected)
            self._seek_back(state, record.topic, now)
        self._rewound_skipped[record.topic].inc()
        return False

    def _seek_back(self, state: PartitionState, topic: str, now: float) -> None:
        """Seek `topic`'s partition of the state back to the record after what the state reflects."""
        state.rewound_at = now
        state.rewound_to = topic
        state.rewinds += 1
        for tp in self._input_partitions(state.partition):
            if tp.topic == topic:
                self.consumer.seek(tp, state.applied_offset(topic) + 1)

    # ------------------------------------------------------------------ the idle close

    def _update_hold(self, now: float) -> float:
        """The idle clock's tick (`IdleClock.hold`): is any state restoring or sought back?"""
        rewinding = any(s.rewound_to is not None and s.rewinds < REWIND_ATTEMPTS for s in self.partitions.values())
        return self.idle.hold(now, behind=rewinding or bool(self.opening))

    async def tick(self) -> None:
        """Wall-clock fallback: idle partitions still close their windows.

        The hold applies to every platform's engine, each with its own idle clock: a platform
        whose signals arrive after another's (same partition) must not find that the outage
        both waited through counted as idle time for it alone.
        """
        started = time.perf_counter()
        self._adopt_opened()
        now = time.time()
        held = self._update_hold(now)
        futures: list[Any] = []
        flushed = []
        for state in self.partitions.values():
            self._retry_rewind(state)
            state.engine.hold_idle(held, now)
            state.engine.tick(now)
            produced = await self.output.flush(state, now)
            if produced:
                futures.extend(produced)
                flushed.append(state)
        await delivered(futures)
        await asyncio.gather(*(state.commit() for state in flushed))
        self.output.table_sizes(self.partitions.values())
        self.idle.busy += time.perf_counter() - started

    def _retry_rewind(self, state: PartitionState) -> None:
        """Seek again when a rewind's records have not come back within REWIND_RETRY_S: once the
        input goes quiet no record arrives to ask again from `_rewound`."""
        now = time.monotonic()
        if state.rewound_to is None or state.rewound_at is None or now - state.rewound_at <= REWIND_RETRY_S:
            return
        if state.rewinds >= REWIND_ATTEMPTS:  # `_rewound` goes on from the next record, loudly
            return
        log.warning("windows partition %d: %s records from offset %d not back %.0f s after seeking to them; "
                    "seeking again", state.partition, state.rewound_to, state.applied_offset(state.rewound_to) + 1,
                    now - state.rewound_at)
        self._seek_back(state, state.rewound_to, now)

    # ------------------------------------------------------------------ queries

    @property
    def latest_start(self) -> dict[tuple[str, ...], datetime]:
        return self.output.latest_start

    def query(self, platform: str, metric: str | None, window: str | None, last: int) -> list[WindowAggregate]:
        return [row for state in self.partitions.values()
                for row in state.engine.query(platform, metric=metric, window=window, last=last)]

    def reported_for(self, platform: str) -> list[ReportedFigure]:
        return [row for state in self.partitions.values() for row in state.reported.for_platform(platform)]
