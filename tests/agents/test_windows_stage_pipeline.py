"""The stage's one-deep pipeline: batch N+1 is applied while N is on its way, but N+1's state
commit is written only after N's, and a failure anywhere resets the states exactly once."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from aiokafka.errors import KafkaConnectionError

from streams.agents.windows_stage import WindowsStage


class ScriptedWorker:
    """`finish` waits for the test to deliver each batch (or fail it); `written` is the commit order."""

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.deliveries: dict[str, asyncio.Future[None]] = {}
        self.written: list[str] = []
        self.resets = 0

    def delivery(self, name: str) -> asyncio.Future[None]:
        return self.deliveries.setdefault(name, asyncio.get_running_loop().create_future())

    async def finish(self, applied: str) -> list[Any]:
        await self.delivery(applied)
        self.written.append(applied)
        return []

    def reset(self) -> None:
        self.resets += 1


def make_stage() -> Any:
    stage = SimpleNamespace(worker=ScriptedWorker(), _finishing=None, committed=[])

    async def commit(finished: list[Any]) -> None:
        stage.committed.append(finished)

    stage.commit = commit
    return stage


def chain(stage: Any, name: str) -> asyncio.Future[None]:
    """What the consume loop does under the lock once a batch is applied."""
    previous = stage._finishing
    stage._finishing = asyncio.ensure_future(WindowsStage._finish(stage, previous, name))
    return stage._finishing


def test_a_batch_is_committed_only_after_the_one_before_it() -> None:
    async def scenario() -> None:
        stage = make_stage()
        chain(stage, "n")
        second = chain(stage, "n+1")
        stage.worker.delivery("n+1").set_result(None)  # the later output lands first
        await asyncio.sleep(0.01)
        assert stage.worker.written == [] and not second.done()
        stage.worker.delivery("n").set_result(None)
        async with stage.worker.lock:
            await WindowsStage.settle(stage)
        assert stage.worker.written == ["n", "n+1"]
        assert stage._finishing is None and stage.worker.resets == 0 and len(stage.committed) == 2

    asyncio.run(scenario())


def test_a_failed_batch_fails_the_ones_after_it_and_resets_once() -> None:
    async def scenario() -> None:
        stage = make_stage()
        chain(stage, "n")
        chain(stage, "n+1")
        stage.worker.delivery("n").set_exception(KafkaConnectionError("broker away"))
        stage.worker.delivery("n+1").set_result(None)
        async with stage.worker.lock:
            await WindowsStage.settle(stage)
        async with stage.worker.lock:  # a second settler (the idle close, a revocation) finds nothing to do
            await WindowsStage.settle(stage)
        assert stage.worker.written == []  # n+1's commit never lands without n's
        assert stage.worker.resets == 1 and stage._finishing is None and stage.committed == []

    asyncio.run(scenario())


def test_settle_with_nothing_in_flight_returns_at_once() -> None:
    async def scenario() -> None:
        stage = make_stage()
        async with stage.worker.lock:
            await asyncio.wait_for(WindowsStage.settle(stage), 1)
        assert stage.worker.resets == 0

    asyncio.run(scenario())
