"""The windows stage's consumer: `metric-updates` and `signals`, co-partitioned, on a lean loop.

Faust's stream hands a consumed record to an agent one event at a time through its conductor
(~60 µs per record on this machine), and its consumer moves input positions on its own after an
assignment. This stage reads with an aiokafka consumer of its own (group `{app_id}-windows`) and
`getmany`: one call returns everything fetched, the batch is applied under the worker's lock and
its input committed only after its output and state are on the broker. Faust still hosts it: it
starts and stops with the app, its assignment shows on /healthz, its lag on /metrics.

Pipelined one deep: while batch N's output and state commit are on their way to the broker,
batch N+1 is fetched and applied (its commit taken, its output sent); N+1's commit is written
only once N's has landed. A failure anywhere in that chain puts every state back to its last
commit (`WindowWorker.reset`), and anything that commits state on its own (the idle close, a
revocation, the stop) first waits for the chain (`settle`).
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Iterable, Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import KafkaError
from mode import Service

from streams.agents.copartition import CopartitionAssignor
from streams.agents.window_apply import AppliedBatch
from streams.agents.windows import WindowWorker
from streams.pipeline import Pipeline
from streams.security import aiokafka_security

log = logging.getLogger(__name__)


class WindowsStage(Service):
    """The consumer loop of the windows stage, started and stopped with the Faust app."""

    def __init__(self, pipeline: Pipeline, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pipeline = pipeline
        self.worker = WindowWorker(pipeline)
        settings = pipeline.settings
        host = settings.web_host if settings.web_host not in ("0.0.0.0", "::", "") else socket.gethostname()
        self.assignor = CopartitionAssignor.for_worker(f"http://{host}:{settings.web_port}")
        self.consumer: AIOKafkaConsumer | None = None
        self._started_consumer: asyncio.Future[None] | None = None
        self._committing: asyncio.Future[None] | None = None
        """The group offset commit in flight, if any."""
        self._finishing: asyncio.Future[None] | None = None
        """The newest applied batch's delivery and commit (chained to the one before it), if any."""

    @property
    def owners(self) -> dict[int, str]:
        """Partition number → web URL of the worker that owns it (from the last assignment)."""
        return self.assignor.owners

    @property
    def url(self) -> str:
        return self.assignor.url

    def assignment(self) -> set[TopicPartition]:
        return set() if self.consumer is None else self.consumer.assignment()

    def highwater(self, tp: TopicPartition) -> int | None:
        return None if self.consumer is None else self.consumer.highwater(tp)

    async def on_start(self) -> None:
        settings = self.pipeline.settings
        self.consumer = AIOKafkaConsumer(
            bootstrap_servers=settings.bootstrap,
            group_id=f"{settings.app_id}-windows",
            client_id=f"{settings.app_id}-windows",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            session_timeout_ms=int(settings.session_timeout_s * 1000),
            heartbeat_interval_ms=int(settings.heartbeat_interval_s * 1000),
            max_partition_fetch_bytes=16 * 1024 * 1024,
            fetch_max_wait_ms=settings.fetch_max_wait_ms,
            partition_assignment_strategy=(self.assignor,),
            **aiokafka_security(settings),
        )
        self.worker.consumer = self.consumer
        names = self.pipeline.names
        self.consumer.subscribe([names.metric_updates, names.signals], listener=_Rebalance(self))
        # started (and the group joined) in the background: the app's own join runs meanwhile
        self._started_consumer = asyncio.ensure_future(self.consumer.start())

    async def on_stop(self) -> None:
        if self.consumer is None:
            return
        timeout_s = self.pipeline.settings.stop_timeout_s
        try:
            await asyncio.wait_for(self._hand_over(), timeout_s)
        except TimeoutError:  # the broker is away: exit all the same; the next owner replays
            log.warning("windows: the last state commit did not go out in %.0f s; the next owner replays "
                        "from the last one that was delivered", timeout_s)
        await self.consumer.stop()

    async def _hand_over(self) -> None:
        """The last state commit of every partition, and the group offsets after it."""
        async with self.worker.lock:
            await self.release(list(self.worker.partitions), "the last state commit")
        if self._committing is not None:
            await self._committing

    async def release(self, partitions: Iterable[int], what: str) -> None:
        """Commit and close the partitions' states (the caller holds the worker's lock). A commit that
        fails is logged, not raised: the next owner replays from the last one that was delivered."""
        await self.settle()
        try:
            await self.worker.release(partitions)
        except KafkaError as error:
            log.warning("windows: %s failed (%r); the next owner replays from the last one", what, error)

    @Service.task
    async def _consume(self) -> None:
        settings = self.pipeline.settings
        timeout_ms = int(settings.flush_interval_s * 1000)
        assert self.consumer is not None and self._started_consumer is not None
        await self._started_consumer
        while not self.should_stop:
            try:
                batch = await self.consumer.getmany(timeout_ms=timeout_ms, max_records=settings.batch_max)
            except KafkaError as error:  # the broker is away: the health probe says so; keep trying
                log.debug("windows fetch failed: %r", error)
                await asyncio.sleep(0.5)
                continue
            if not batch:
                continue
            records = await self._drain([record for records in batch.values() for record in records])
            async with self.worker.lock:
                try:
                    applied = await self.worker.apply(records)
                except KafkaError as error:  # output not sent: what the batch applied exists only here
                    await self.settle()
                    log.warning("windows: output not sent (%r); reading again from the states' last commit", error)
                    self.worker.reset()
                    applied = None
                previous = self._finishing
                if applied is not None:
                    self._finishing = asyncio.ensure_future(self._finish(previous, applied))
            if applied is None:
                await asyncio.sleep(0.5)
            elif previous is not None:
                # one batch on its way while the next is applied, no more: wait for the one before
                await asyncio.wait([previous])
                if previous.exception() is not None:
                    async with self.worker.lock:
                        await self.settle()
                    await asyncio.sleep(0.5)

    async def _finish(self, previous: asyncio.Future[None] | None, applied: AppliedBatch) -> None:
        """Deliver and commit `applied` once the batch before it is (never its commit without theirs)."""
        if previous is not None:
            await previous  # its failure is this batch's too: the reset reads both again
        finished = await self.worker.finish(applied)
        await self.commit(finished)

    async def settle(self) -> None:
        """Wait for every applied batch's delivery and commit (the caller holds the worker's lock);
        if one failed, every state goes back to its last commit and its input is read again."""
        head = self._finishing
        if head is None:
            return
        try:
            await head
        except KafkaError as error:
            if self._finishing is head:  # the first to see it resets; the lock keeps the rest out
                log.warning("windows: output not delivered (%r); reading again from the states' last commit",
                            error)
                self.worker.reset()
        finally:
            if self._finishing is head:
                self._finishing = None

    async def _drain(self, records: list[Any]) -> list[Any]:
        """`records` and whatever else the consumer has fetched already (never waiting), up to
        `windows_batch_max` messages or `windows_batch_bytes`: one delivery and one commit for them."""
        assert self.consumer is not None
        settings = self.pipeline.settings
        size = sum(len(record.value or b"") for record in records)
        while len(records) < settings.windows_batch_max and size < settings.windows_batch_bytes:
            try:
                more = await self.consumer.getmany(timeout_ms=0,
                                                   max_records=min(settings.batch_max,
                                                                   settings.windows_batch_max - len(records)))
            except KafkaError:  # the broker went away: handle what came; the next fetch reports it
                break
            if not more:
                break
            for fetched in more.values():
                records.extend(fetched)
                size += sum(len(record.value or b"") for record in fetched)
        return records

    async def commit(self, finished: Sequence[Any]) -> None:
        """The group's offsets follow the states (for lag and for tools); the states say where to resume."""
        assert self.consumer is not None
        offsets: dict[TopicPartition, int] = {}
        for record in finished:
            tp = TopicPartition(record.topic, record.partition)
            if record.offset + 1 > offsets.get(tp, -1):
                offsets[tp] = record.offset + 1
        if offsets:
            # Not waited for (one round trip less per batch): nothing reads the group's offsets to
            # resume. One commit in flight at a time, so they reach the broker in order.
            if self._committing is not None:
                await self._committing
            self._committing = asyncio.ensure_future(self._commit_offsets(offsets))
        self.pipeline.progress.record(finished)

    async def _commit_offsets(self, offsets: dict[TopicPartition, int]) -> None:
        assert self.consumer is not None
        try:
            await self.consumer.commit(offsets)
        except KafkaError as error:
            # a rebalance took the partition (or the broker is away): the states' offsets stand
            log.warning("windows commit of %s failed: %r", offsets, error)

    async def tick(self) -> None:
        async with self.worker.lock:
            await self.settle()
            try:
                await self.worker.tick()
            except KafkaError as error:  # finals or their commit not delivered: back to the last commit
                log.warning("windows: idle close not delivered (%r); reading again from the states' last commit",
                            error)
                self.worker.reset()


class _Rebalance(ConsumerRebalanceListener):
    """Revocation waits for the batch being handled, then commits and closes the states handed
    over; assignment pauses the new partitions until their states are restored."""

    def __init__(self, stage: WindowsStage) -> None:
        self.stage = stage

    async def on_partitions_revoked(self, revoked: Any) -> None:
        worker = self.stage.worker
        async with worker.lock:
            await self.stage.release({tp.partition for tp in revoked}, "state commit on revocation")
            self.stage.pipeline.progress.forget(revoked)

    async def on_partitions_assigned(self, assigned: Any) -> None:
        pipeline = self.stage.pipeline
        pipeline.telemetry.rebalances.inc()
        pipeline.progress.forget(assigned)  # what this worker finished there before is not news
        async with self.stage.worker.lock:
            self.stage.worker.assign({tp.partition for tp in assigned})


def register(pipeline: Pipeline) -> WindowsStage:
    stage = WindowsStage(pipeline)
    pipeline.app.add_dependency(stage)
    pipeline.input_consumers.append(stage)
    pipeline.window_worker = stage.worker
    pipeline.windows_stage = stage

    @pipeline.app.on_before_shutdown.connect
    async def stop_before_the_producer(app: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        # A child of the app stops after the app's producer (children stop in reverse order, and
        # the stage was added before Faust's own): its last state commit needs that producer, and
        # its consumer leaving the group lets the others take its partitions at once.
        await stage.stop()

    @pipeline.app.timer(interval=max(pipeline.settings.flush_interval_s, 1.0), name="souq.windows.tick")
    async def close_idle_windows() -> None:
        await stage.tick()

    return stage
