"""Restored partition states join the worker as soon as they are restored, whether or not events come.

A partition taken over after its last signal gets no event to open it, and its input stays paused
while it restores, so no batch comes either: the finished restore adopts itself (the tick is the
fallback) so its windows close on the idle clock and answer queries. A failed restore is started
again by the tick, but only once the broker is reachable. No broker: the app is built, not started.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

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


async def restore_without_batch_or_tick(tmp_path: Path, fail: bool) -> dict[str, object]:
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1", store="memory", state_dir=tmp_path)
    worker = WindowWorker(create_app(settings))
    worker.assign({0, 1})
    assert not worker.partitions  # restores run in the background
    for _ in range(20):  # a few loop turns, no apply() and no tick()
        await asyncio.sleep(0)
    seen = {"adopted": sorted(worker.partitions), "still_opening": sorted(worker.opening)}
    for opening in worker.opening.values():
        opening.cancel()
    return seen


@pytest.mark.parametrize("fail", [False, True])
def test_a_finished_restore_is_adopted_at_once_and_a_failed_one_waits_for_the_tick(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: bool) -> None:
    async def open_without_changelog(self: PartitionState) -> PartitionState:
        if fail:
            raise ConnectionError("broker away")
        return self

    monkeypatch.setattr(PartitionState, "open", open_without_changelog)
    seen = asyncio.run(restore_without_batch_or_tick(tmp_path, fail))
    if fail:
        assert seen == {"adopted": [], "still_opening": [0, 1]}
    else:
        assert seen == {"adopted": [0, 1], "still_opening": []}
