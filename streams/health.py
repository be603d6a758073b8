"""The pipeline's own health: consumer lag per partition and broker reachability.

Faust's sensors have no lag, and the embedded broker's ListOffsets under-reports the log
end, so lag is taken from the high watermark of fetch responses (what the consumer last
saw) minus the offset our agents last finished, both per partition.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from streams.app import Pipeline

log = logging.getLogger(__name__)
PROBE_INTERVAL_S = 2.0


class Progress:
    """The last offset each agent finished, per (topic, partition): written per batch, read per probe."""

    def __init__(self) -> None:
        self.done: dict[tuple[str, int], int] = {}

    def record(self, events: Any) -> None:
        done = self.done
        for event in events:
            message = event.message
            key = (message.topic, message.partition)
            if message.offset > done.get(key, -1):
                done[key] = message.offset


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


def register_health(pipeline: Pipeline, progress: Progress) -> None:
    telemetry = pipeline.telemetry
    state: dict[str, bool | None] = {"connected": None}

    @pipeline.app.timer(interval=PROBE_INTERVAL_S, name="souq.health")
    async def probe() -> None:
        connected = await broker_reachable(pipeline.settings.bootstrap)
        telemetry.broker_connected.set(1 if connected else 0)
        if connected != state["connected"]:
            if connected is False:
                telemetry.broker_disconnects.inc()
                log.warning("broker at %s unreachable; the worker keeps retrying", pipeline.settings.bootstrap)
            elif state["connected"] is False:
                log.warning("broker at %s reachable again", pipeline.settings.bootstrap)
            state["connected"] = connected
        try:
            consumer = pipeline.app.consumer
            assigned = consumer.assignment()
        except Exception:  # before the first assignment there is no consumer to ask
            return
        for tp in assigned:
            try:
                highwater = consumer.highwater(tp)
            except Exception:
                continue
            if highwater is None:
                continue
            done = progress.done.get((tp.topic, tp.partition), -1)
            telemetry.consumer_lag.labels(topic=tp.topic, partition=str(tp.partition)).set(max(0, highwater - done - 1))
