"""signals → rolling tables → aggregates, aggregates-final, late-signals and Prometheus.

One window engine per `signals` partition, its state committed to the partition's store
together with the offset it reflects (at-least-once in, idempotent apply: a replayed
offset is skipped, a redelivered signal id is ignored). Changes are published at most once
per key per flush; finals once, when event time (or the idle wall clock) passes end + grace.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import orjson
from pydantic import TypeAdapter, ValidationError

from models import ReportedFigure, Signal, WindowAggregate, encode
from models.errors import describe
from models.vocab import COUNTER_METRICS
from streams.agents.dead_letters import send_dead_letter
from streams.agents.publishing import delivered, is_validated
from streams.health import lagging
from streams.pipeline import Pipeline
from streams.reported import ReportedTable
from streams.security import aiokafka_security
from streams.state import MemoryStore, RocksStore, StateStore, decode_keyed, encode_keyed_commit
from streams.state.changelog import applied_offset_op, encode_ops, replay
from streams.windows import DUPLICATE, LATE, PARTLY_LATE, PlatformEngines, parse_windows

log = logging.getLogger(__name__)

REWIND_ATTEMPTS = 5
REWIND_RETRY_S = 2.0
"""Seek again if records beyond the state's offset still arrive this long after a rewind."""
REFETCH_HOLD_S = 5.0
"""After the broker is reachable again, the idle clock waits this long for fresh fetches."""
MESSAGES_PER_BATCH = 100
"""`signals` messages per batch: up to 50,000 signals (500 per message), ~0.3 s of work between
two turns of the event loop, well inside the heartbeat margin; a batch of 1000 messages held
the loop for seconds (and half a million signals in memory)."""
_SIGNALS = TypeAdapter(list[Signal])
_SIGNAL = TypeAdapter(Signal)


def decode_signals(data: bytes) -> list[Signal]:
    """A `signals` message: one Signal or a JSON array of them, validated in full."""
    if data.lstrip()[:1] == b"[":
        return _SIGNALS.validate_json(data)
    return [_SIGNAL.validate_json(data)]


def validated_rows(message: Any) -> list[dict[str, Any]] | None:
    """Rows of a message our own agents wrote from validated records (marked by a header),
    parsed without validating again: on the hot path that is ~4 µs per signal saved.
    None for any other message, which then goes through `decode_signals`."""
    if not is_validated(message.headers):
        return None
    try:
        rows = orjson.loads(message.value)
    except orjson.JSONDecodeError:
        return None
    if isinstance(rows, dict):
        rows = [rows]
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        return None
    return rows


class _EventTimes(dict[str, float]):
    """ISO timestamp → epoch seconds, parsed once per distinct string in a batch.

    Our own rows are UTC with a `Z` (`YYYY-MM-DDTHH:MM:SS[.ffffff]Z`): their whole seconds are
    looked up per distinct second and the fraction added the way `datetime.timestamp` does it
    (integer microseconds / 1e6, so the result is the same float); anything else is parsed in full.
    """

    def __init__(self) -> None:
        super().__init__()
        self.seconds: dict[str, int] = {}

    def __missing__(self, text: str) -> float:
        head, tail = text[:19], text[19:]
        if tail[-1:] == "Z" and (len(tail) == 1 or (tail[0] == "." and 2 < len(tail) <= 8 and tail[1:-1].isdigit())):
            base = self.seconds.get(head)
            if base is None:
                base = self.seconds[head] = int(datetime.fromisoformat(head + "+00:00").timestamp())
            micros = int(tail[1:-1].ljust(6, "0")) if len(tail) > 1 else 0
            value = (base * 1_000_000 + micros) / 1_000_000
        else:
            value = datetime.fromisoformat(text).timestamp()
        self[text] = value
        return value


class PartitionState:
    """A partition's window engines (one per platform), reported figures and store, and the
    last offset applied.

    Every commit goes to the changelog first (one record per commit, on the partition with
    the same number) and then to the local store with the changelog offset it came from, so a
    worker that takes the partition over replays exactly the commits it has not seen.
    """

    def __init__(self, pipeline: Pipeline, partition: int) -> None:
        settings = pipeline.settings
        self.pipeline = pipeline
        self.partition = partition
        self.offset_key = f"{pipeline.names.signals}:{partition}"
        self.engine = PlatformEngines(parse_windows(settings.windows), dedup_max=settings.dedup_max,
                                      idle_s=settings.idle_close_s)
        self.reported = ReportedTable()
        self.store: StateStore
        if settings.store == "rocksdb":
            root = settings.state_dir / settings.app_id / f"signals-p{partition}"
            root.mkdir(parents=True, exist_ok=True)
            self.store = RocksStore(str(root))
        else:
            self.store = MemoryStore()
        self.applied_offset = -1
        self.rewinds = 0
        self.rewound_to: Any = None
        """The input partition sought back to the state's offset, until its records come back."""
        self.rewound_at: float | None = None
        """When the input was last sought back to the state's offset (see WindowWorker._rewound)."""
        self.recovered_commits = 0

    async def open(self) -> PartitionState:
        """Catch the local store up with the changelog, then load the engine from it."""
        applied = int(self.store.load_extra("changelog").get(b"offset", b"-1"))
        self.recovered_commits = await replay(
            self.pipeline.settings.bootstrap, self.pipeline.names.changelog, self.partition, applied + 1,
            lambda offset, ops: self.store.apply_ops([*ops, applied_offset_op(offset)]),
            client_options=aiokafka_security(self.pipeline.settings))
        states, offsets = decode_keyed(self.store.items())
        self.engine.restore(states)
        self.reported.load(self.store.load_extra("reported"))
        self.applied_offset = offsets.get(self.offset_key, -1)
        log.info("signals partition %d: state at offset %d (%d changelog commits replayed)",
                 self.partition, self.applied_offset, self.recovered_commits)
        return self

    async def commit(self) -> None:
        ops = encode_keyed_commit(self.engine.export_changes(), {self.offset_key: self.applied_offset},
                                  {"reported": self.reported.changes()})
        delivery = await self.pipeline.changelog.send(value=encode_ops(ops), partition=self.partition)
        metadata = await delivery
        self.store.apply_ops([*ops, applied_offset_op(metadata.offset)])


class WindowWorker:
    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.partitions: dict[int, PartitionState] = {}
        self.opening: dict[int, asyncio.Future[PartitionState]] = {}
        """States being restored since their assignment (all at once, not one per first event)."""
        self.owned: set[int] | None = None
        """`signals` partitions assigned to this worker; None until the first assignment."""
        self.lock = asyncio.Lock()
        self.latest_start: dict[tuple[str, ...], datetime] = {}
        self.held = 0.0
        """Wall seconds the idle close was held (broker unreachable, input behind, just reconnected,
        or the stage busy handling input and delivering output)."""
        self._busy = 0.0
        """Seconds spent in `handle` and in the tick's own output since the last tick."""
        self._last_tick: float | None = None
        self._hold_until = 0.0
        t = pipeline.telemetry
        names = pipeline.names
        self._processed = t.processed.labels(topic=names.signals)
        self._duplicates = t.duplicates.labels(topic=names.signals)
        self._stale = t.revoked_skipped.labels(topic=names.signals)
        self._rewound_skipped = t.rewound_skipped.labels(topic=names.signals)
        self._latency = t.processing_latency.labels(topic=names.signals)

    async def state_for(self, partition: int) -> PartitionState:
        state = self.partitions.get(partition)
        if state is None:
            opening = self.opening.pop(partition, None)
            state = await opening if opening is not None else await PartitionState(self.pipeline, partition).open()
            self.partitions[partition] = state
        return state

    def _adopt_opened(self) -> None:
        """Move states whose restore finished into `partitions`: a partition taken over with
        nothing new to read gets no event to open it, yet its open windows must still close
        on the idle clock (and answer queries). A restore that failed is started again once the
        broker is reachable (not once a tick while it is away)."""
        for partition, opening in list(self.opening.items()):
            if not opening.done() or opening.cancelled():
                continue
            error = opening.exception()
            if error is not None and not self.pipeline.broker_reachable:
                continue
            del self.opening[partition]
            if error is None:
                self.partitions[partition] = opening.result()
            elif self.owned is None or partition in self.owned:
                log.warning("signals partition %d: state restore failed (%r); trying again", partition, error)
                self._start_restore(partition)

    def _start_restore(self, partition: int) -> None:
        self.opening[partition] = asyncio.ensure_future(PartitionState(self.pipeline, partition).open())

    async def handle(self, events: Sequence[Any]) -> None:
        async with self.lock:
            started = time.perf_counter()
            futures: list[Any] = []
            late: list[Signal] = []
            reported: list[ReportedFigure] = []
            touched: set[int] = set()
            newest_event = 0.0
            count = 0
            metric_total = self.pipeline.telemetry.metric_total
            totals: dict[tuple[str, str, str, str], float] = defaultdict(float)
            times = _EventTimes()
            owned = self.owned
            # records done with: not those of partitions revoked from this worker (their next
            # owner reads them; counted here, a partition taken back later looked behind forever
            # and held the idle close), nor those skipped to be read again
            finished: list[Any] = []
            for event in events:
                count += 1
                message = event.message
                if owned is not None and message.partition not in owned:
                    self._stale.inc()
                    continue
                state = await self.state_for(message.partition)
                if message.offset <= state.applied_offset:
                    self._duplicates.inc()
                    finished.append(message)
                    continue
                if message.offset > state.applied_offset + 1 >= 1 and not await self._rewound(state, message):
                    continue
                finished.append(message)
                rows = validated_rows(message)
                if rows is not None:
                    try:
                        newest_event = max(newest_event, self._apply_rows(state, rows, times, totals, late, reported))
                    except (KeyError, TypeError, ValueError):
                        rows = None  # not what our agents write after all: validate it in full below
                if rows is None:
                    try:
                        signals = decode_signals(message.value or b"")
                    except ValidationError as error:
                        reason = "malformed" if "json_invalid" in str(error) else "invalid"
                        futures.append(await send_dead_letter(self.pipeline, message, reason, describe(error)))
                    else:
                        rows = [signal.model_dump(mode="json") for signal in signals]
                        newest_event = max(newest_event, self._apply_rows(state, rows, times, totals, late, reported))
                state.applied_offset = message.offset
                state.rewound_at = state.rewound_to = None
                state.rewinds = 0
                touched.add(message.partition)
            for labels, amount in totals.items():
                metric_total.labels(*labels).inc(amount)
            futures.extend(await self._publish_late(late))
            futures.extend(await self._publish_reported(reported))
            for partition in touched:
                futures.extend(await self._flush(self.partitions[partition]))
            await delivered(futures)
            if newest_event:
                self.pipeline.telemetry.end_to_end_latency.observe(max(0.0, time.time() - newest_event))
            await asyncio.gather(*(self.partitions[partition].commit() for partition in touched))
            self.pipeline.progress.record(finished)
            self._processed.inc(count)
            spent = time.perf_counter() - started
            self._busy += spent
            if count:
                self._latency.observe(spent / count)
            self._update_table_sizes()

    async def _rewound(self, state: PartitionState, message: Any) -> bool:
        """True when `message` directly follows what the state reflects; else rewind the input.

        The state's offset, not the group's committed offset, says where input resumes: records
        a worker skipped (a partition revoked while they sat in its buffer) are acknowledged
        all the same, so a committed offset can run ahead of the state that was handed over.
        `signals` has no transactions and no compaction, so its offsets have no holes: a gap is
        records this state never saw. Seek back to them and drop what was fetched beyond.
        """
        expected = state.applied_offset + 1
        now = time.monotonic()
        if state.rewinds >= REWIND_ATTEMPTS:  # the records are gone (retention): go on from here, loudly
            log.error("signals partition %d: offsets %d..%d are no longer on the broker; continuing at %d",
                      state.partition, expected, message.offset - 1, message.offset)
            state.rewinds = 0
            return True
        if state.rewound_at is None or now - state.rewound_at > REWIND_RETRY_S:
            log.warning("signals partition %d: input resumed at offset %d but the state reflects %d; "
                        "rewinding to %d", state.partition, message.offset, state.applied_offset, expected)
            await self._seek_back(state, message.tp, now)
        self._rewound_skipped.inc()
        return False

    async def _seek_back(self, state: PartitionState, tp: Any, now: float) -> None:
        state.rewound_at = now
        state.rewound_to = tp
        state.rewinds += 1
        await self.pipeline.app.consumer.seek(tp, state.applied_offset + 1)

    async def _retry_rewind(self, state: PartitionState) -> None:
        """Seek again when a rewind's records have not come back within REWIND_RETRY_S.

        After an assignment the consumer can move the input after our seek (to the committed
        offset, measured in the rebalance soak): what it then delivers is beyond the state and
        skipped, and once the input goes quiet no record arrives to ask again from `_rewound`.
        Left alone, the partition never got its records back and its windows closed without them.
        """
        now = time.monotonic()
        if state.rewound_to is None or state.rewound_at is None or now - state.rewound_at <= REWIND_RETRY_S:
            return
        if state.rewinds >= REWIND_ATTEMPTS:  # `_rewound` goes on from the next record, loudly
            return
        log.warning("signals partition %d: records from offset %d not back %.0f s after seeking to them; "
                    "seeking again", state.partition, state.applied_offset + 1, now - state.rewound_at)
        await self._seek_back(state, state.rewound_to, now)

    def _apply_rows(self, state: PartitionState, rows: list[dict[str, Any]], times: _EventTimes,
                    totals: dict[tuple[str, str, str, str], float], late: list[Signal],
                    reported: list[ReportedFigure]) -> float:
        """Apply one message's signals; returns the newest event time applied.

        Idempotent (the engine ignores signal ids it has seen), so a message half applied
        before a malformed row is found can safely be applied again after full validation.
        """
        engines = state.engine
        newest = 0.0
        platform_engine: Any = None
        engine_platform = None
        for row in rows:
            platform, metric, unit, region = row["platform"], row["metric"], row["unit"], row["region"]
            if platform != engine_platform:  # rows of a platform come together: look it up once per run
                platform_engine, engine_platform = engines.engine(platform), platform
            ts = times[row["observed_at"]]
            origin = row["origin"]
            increment = origin == "metric_update" and metric in COUNTER_METRICS
            if origin == "article":
                # The reported-figures table keeps figures of any date: an article about
                # 2023 is news whatever the windows' watermark (it has its own dedup).
                figure = state.reported.update(Signal.model_validate(row))
                if figure is not None:
                    reported.append(figure)
            status = platform_engine.apply(row["signal_id"], platform, metric, region, unit, float(row["value"]), ts,
                                           increment)
            if status == DUPLICATE:
                self._duplicates.inc()
                continue
            if status in (LATE, PARTLY_LATE):
                late.append(Signal.model_validate(row))
                self.pipeline.telemetry.late.labels(topic=self.pipeline.names.signals, platform=platform).inc()
                if status == LATE:
                    continue
            if increment:
                totals[(platform, metric, region or "none", unit)] += row["value"]
            if ts > newest:
                newest = ts
        return newest

    def _update_hold(self, now: float) -> float:
        """Seconds since the last tick that were not idle time (also added to `held`).

        Idle means nothing left to read, not nothing received: while the broker is unreachable,
        for a few seconds after it is back (the first fetches), while any input partition is
        behind or sought back for records its state lacks, and while the stage itself handles
        input or delivers output, wall time does not count as idle time. Otherwise an outage, a
        lag or a slow delivery longer than `idle_close_s` closes windows whose signals are still
        on their way (they arrive late).
        """
        last, self._last_tick = self._last_tick, now
        busy, self._busy = self._busy, 0.0
        reachable = self.pipeline.broker_reachable
        if not reachable:
            self._hold_until = now + REFETCH_HOLD_S
        if last is None:
            return 0.0
        rewinding = any(s.rewound_to is not None and s.rewinds < REWIND_ATTEMPTS for s in self.partitions.values())
        if not reachable or now < self._hold_until or rewinding or lagging(self.pipeline):
            held = now - last
        else:
            # a batch whose output took seconds to deliver (a producer reconnecting after an
            # outage) kept the next input from being read: that was not idle time either
            held = min(busy, now - last)
        self.held += held
        return held

    async def tick(self) -> None:
        """Wall-clock fallback: idle partitions still close their windows.

        The hold applies to every platform's engine, each with its own idle clock: a platform
        whose signals arrive after another's (same partition) must not find that the outage
        both waited through counted as idle time for it alone.
        """
        async with self.lock:
            started = time.perf_counter()
            self._adopt_opened()
            now = time.time()
            held = self._update_hold(now)
            futures: list[Any] = []
            flushed = []
            for state in self.partitions.values():
                await self._retry_rewind(state)
                state.engine.hold_idle(held, now)
                state.engine.tick(now)
                produced = await self._flush(state, now)
                if produced:
                    futures.extend(produced)
                    flushed.append(state)
            await delivered(futures)
            await asyncio.gather(*(state.commit() for state in flushed))
            self._update_table_sizes()
            self._busy += time.perf_counter() - started

    async def _flush(self, state: PartitionState, now: float | None = None) -> list[Any]:
        result = state.engine.flush(now if now is not None else time.time())
        p = self.pipeline
        futures = []
        for row in result.updates:
            futures.append(await p.aggregates.send(key=row.key.encode(), value=encode(row)))
            self._export_row(row)
        for row in result.finals:
            futures.append(await p.aggregates_final.send(key=row.key.encode(), value=encode(row)))
            self._export_row(row)
        p.telemetry.published.labels(topic=p.names.aggregates).inc(len(result.updates))
        p.telemetry.published.labels(topic=p.names.aggregates_final).inc(len(result.finals))
        return futures

    async def _publish_late(self, late: list[Signal]) -> list[Any]:
        p = self.pipeline
        futures = [await p.late_signals.send(key=s.platform.encode(), value=encode(s)) for s in late]
        p.telemetry.published.labels(topic=p.names.late_signals).inc(len(late))
        return futures

    async def _publish_reported(self, rows: list[ReportedFigure]) -> list[Any]:
        p = self.pipeline
        futures = []
        for row in rows:
            futures.append(await p.aggregates.send(key=row.key.encode(), value=encode(row)))
            p.telemetry.reported_value.labels(row.platform, row.metric, row.unit, row.region or "none",
                                              row.period or "none", row.kind).set(row.value)
            p.telemetry.reported_info.labels(row.platform, row.metric, row.source or "unknown").set(1)
        p.telemetry.published.labels(topic=p.names.aggregates).inc(len(rows))
        return futures

    def _export_row(self, row: WindowAggregate) -> None:
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

    def _update_table_sizes(self) -> None:
        t = self.pipeline.telemetry
        t.table_keys.labels(table="windows").set(sum(s.engine.live_windows() for s in self.partitions.values()))
        t.table_keys.labels(table="dedup").set(sum(s.engine.dedup_size() for s in self.partitions.values()))
        t.table_keys.labels(table="reported").set(sum(len(s.reported.rows) for s in self.partitions.values()))

    def assign(self, partitions: Iterable[int]) -> None:
        """The `signals` partitions this worker owns from now on (the full new assignment).

        Their states start restoring at once, side by side (each replays its own changelog
        partition), rather than one after the other as each partition's first event arrives.
        """
        self.owned = set(partitions)
        for partition in self.owned:
            if partition not in self.partitions and partition not in self.opening:
                self._start_restore(partition)

    async def release(self, partitions: Iterable[int]) -> None:
        """On revocation: commit and close the partitions' state so the next owner starts clean.

        From here on, events of these partitions still buffered in this worker's stream are
        ignored: the next owner reads them again from the committed offset, and applying them
        here would reopen the partition and write a second history into its changelog.
        """
        async with self.lock:
            partitions = list(partitions)
            if self.owned is not None:
                self.owned.difference_update(partitions)
            for partition in partitions:
                state = self.partitions.pop(partition, None)
                opening = self.opening.pop(partition, None)
                if state is None and opening is not None:
                    state = await opening
                if state is not None:
                    await state.commit()
                    state.store.close()

    def query(self, platform: str, metric: str | None, window: str | None, last: int) -> list[WindowAggregate]:
        rows: list[WindowAggregate] = []
        for state in self.partitions.values():
            rows.extend(state.engine.query(platform, metric=metric, window=window, last=last))
        return rows

    def reported_for(self, platform: str) -> list[ReportedFigure]:
        rows: list[ReportedFigure] = []
        for state in self.partitions.values():
            rows.extend(state.reported.for_platform(platform))
        return rows


def register(pipeline: Pipeline) -> WindowWorker:
    worker = WindowWorker(pipeline)
    settings = pipeline.settings
    signals_topic = pipeline.names.signals

    @pipeline.app.agent(pipeline.signals, name="souq.windows")
    async def aggregate_signals(stream: Any) -> None:
        async for events in stream.take_events(MESSAGES_PER_BATCH, within=settings.flush_interval_s):
            await worker.handle(events)

    @pipeline.app.timer(interval=max(settings.flush_interval_s, 1.0), name="souq.windows.tick")
    async def close_idle_windows() -> None:
        await worker.tick()

    @pipeline.app.on_partitions_revoked.connect  # type: ignore[arg-type]
    async def on_revoked(app: Any, revoked: set[Any], **_: Any) -> None:
        await worker.release(tp.partition for tp in revoked if tp.topic == signals_topic)
        pipeline.progress.forget(revoked)

    @pipeline.app.on_partitions_assigned.connect  # type: ignore[arg-type]
    async def on_assigned(app: Any, assigned: set[Any], **_: Any) -> None:
        pipeline.telemetry.rebalances.inc()
        pipeline.progress.forget(assigned)  # what this worker finished there before is not news
        worker.assign(tp.partition for tp in assigned if tp.topic == signals_topic)

    return worker
