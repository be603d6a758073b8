"""Restored partition states join the worker at the next tick, whether or not events come.

A partition taken over after its last signal gets no event to open it; the tick adopts its
restored state so its windows close on the idle clock and answer queries. A failed restore is
started again, but only once the broker is reachable. No broker: the app is built, not started.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from streams.agents.windows import PartitionState, WindowWorker
from streams.app import create_app
from streams.settings import Settings


async def scenario(tmp_path: Path) -> dict[str, object]:
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1", store="memory", state_dir=tmp_path)
    worker = WindowWorker(create_app(settings))
    worker.owned = {0, 1}
    restored: asyncio.Future[PartitionState] = asyncio.get_running_loop().create_future()
    restored.set_result(PartitionState(worker.pipeline, 0))
    failed: asyncio.Future[PartitionState] = asyncio.get_running_loop().create_future()
    failed.set_exception(ConnectionError("broker away"))
    worker.opening = {0: restored, 1: failed}

    worker.pipeline.broker_reachable = False
    worker._adopt_opened()
    seen: dict[str, object] = {"adopted": sorted(worker.partitions), "kept_while_away": worker.opening.get(1) is failed}
    worker.pipeline.broker_reachable = True
    worker._adopt_opened()
    again = worker.opening.get(1)
    seen["restarted"] = again is not None and again is not failed
    if again is not None:
        again.cancel()
    return seen


def test_restored_states_are_adopted_and_failed_ones_restarted(tmp_path: Path) -> None:
    seen = asyncio.run(scenario(tmp_path))
    assert seen == {"adopted": [0], "kept_while_away": True, "restarted": True}
