"""The pipeline's own health: consumer lag per partition and broker reachability.

Faust's sensors have no lag, and the embedded broker's ListOffsets under-reports the log
end, so lag is taken from the high watermark of fetch responses (what the consumer last
saw) minus the offset our agents last finished, both per partition.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from streams.pipeline import Pipeline

log = logging.getLogger(__name__)
PROBE_INTERVAL_S = 2.0


class RepeatedClientErrors(logging.Filter):
    """One WARNING/ERROR record per Kafka-client message template per `every_s`.

    While the broker is down aiokafka logs every failed reconnect, metadata update, fetch and
    produce retry (about 400 lines a second measured in a 20 s outage); the health probe
    already says once that the broker is unreachable and once that it is back. INFO records
    and other libraries' records pass untouched; a suppressed template is let through again
    once `every_s` has passed, so a lasting problem stays visible.
    """

    def __init__(self, every_s: float = 60.0, prefix: str = "aiokafka") -> None:
        super().__init__()
        self.every_s = every_s
        self.prefix = prefix
        self.last: dict[tuple[str, str], float] = {}
        self.suppressed = 0

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(self.prefix) or not logging.WARNING <= record.levelno < logging.CRITICAL:
            return True
        key = (record.name, str(record.msg))
        now = time.monotonic()
        last = self.last.get(key)
        if last is not None and now - last < self.every_s:
            self.suppressed += 1
            return False
        self.last[key] = now
        return True


def quiet_client_errors(every_s: float = 60.0) -> RepeatedClientErrors:
    """Install the filter on the root logger's handlers (call once logging is configured)."""
    quiet = RepeatedClientErrors(every_s)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RepeatedClientErrors) for f in handler.filters):
            handler.addFilter(quiet)
    return quiet


async def broker_reachable(bootstrap: str, timeout_s: float = 1.0) -> bool:
    for address in bootstrap.split(","):
        host, _, port = address.strip().rpartition(":")
        try:
            _, writer = await asyncio.wait_for(asyncio.open_connection(host or "127.0.0.1", int(port)), timeout_s)
        except (OSError, TimeoutError, ValueError):
            continue
        writer.close()
        return True
    return False


def register_health(pipeline: Pipeline) -> None:
    telemetry = pipeline.telemetry
    state: dict[str, bool | None] = {"connected": None}

    @pipeline.app.timer(interval=PROBE_INTERVAL_S, name="souq.health")
    async def probe() -> None:
        connected = await broker_reachable(pipeline.settings.bootstrap)
        pipeline.broker_reachable = connected
        telemetry.broker_connected.set(1 if connected else 0)
        if connected != state["connected"]:
            if connected is False:
                telemetry.broker_disconnects.inc()
                log.warning("broker at %s unreachable; the worker keeps retrying", pipeline.settings.bootstrap)
            elif state["connected"] is False:
                log.warning("broker at %s reachable again", pipeline.settings.bootstrap)
            state["connected"] = connected
        for tp, highwater in fetched_highwaters(pipeline):
            done = pipeline.progress.done.get((tp.topic, tp.partition))
            labels = {"topic": tp.topic, "partition": str(tp.partition)}
            if done is None:  # nothing finished since it was assigned: unknown, not "all of it"
                with contextlib.suppress(KeyError):
                    telemetry.consumer_lag.remove(*labels.values())
                continue
            telemetry.consumer_lag.labels(**labels).set(max(0, highwater - done - 1))


def input_consumers(pipeline: Pipeline) -> list[Any]:
    """Faust's consumer and the lean stages' own: each has `assignment()` and `highwater(tp)`."""
    try:
        consumers: list[Any] = [pipeline.app.consumer]
    except Exception:  # created lazily: before that nothing is assigned
        consumers = []
    return [*consumers, *pipeline.input_consumers]


def _assigned(pipeline: Pipeline) -> Iterator[tuple[Any, Any]]:
    """(consumer, partition) for every partition assigned to any input consumer."""
    for consumer in input_consumers(pipeline):
        try:
            assigned = list(consumer.assignment())
        except Exception:  # not started yet
            continue
        for tp in assigned:
            yield consumer, tp


def assigned_partitions(pipeline: Pipeline) -> list[Any]:
    return [tp for _, tp in _assigned(pipeline)]


def not_ready(pipeline: Pipeline) -> list[str]:
    """What this worker still waits for before it answers for its partitions (empty: ready).

    Faust's consumer and the windows stage's join their groups separately, and the stage's
    partitions then restore their states, so a worker can show assigned partitions on /healthz
    while its windows cannot yet be asked for (a query would answer 503, or from a state half
    restored). A worker that owns no partition after its joins (more workers than partitions)
    is ready: it has nothing to wait for.
    """
    waiting: list[str] = []
    app = pipeline.app
    if getattr(app, "rebalancing_count", 0) == 0 or getattr(app, "rebalancing", False):
        waiting.append("faust consumer group join")
    stage, worker = pipeline.windows_stage, pipeline.window_worker
    if stage is not None:
        if worker is None or worker.owned is None or not stage.owners:
            waiting.append("windows consumer group join")
        elif restoring := sorted(worker.owned - worker.partitions.keys()):
            waiting.append(f"windows state restore (partitions {', '.join(map(str, restoring))})")
    return waiting


def fetched_highwaters(pipeline: Pipeline) -> Iterator[tuple[Any, int]]:
    """(partition, high watermark of its last fetch) for every assigned input partition."""
    for consumer, tp in _assigned(pipeline):
        try:
            highwater = consumer.highwater(tp)
        except Exception:
            continue
        if highwater is not None:
            yield tp, highwater


def lagging(pipeline: Pipeline) -> bool:
    """True while any assigned input partition has records the stages have not finished."""
    for tp, highwater in fetched_highwaters(pipeline):
        done = pipeline.progress.done.get((tp.topic, tp.partition))
        # no progress yet: a partition taken over at its end never delivers a record to count from
        if done is not None and highwater - 1 > done:
            return True
    return False
