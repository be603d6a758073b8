"""Rewinds, revocations, restores and resets: where the windows stage seeks, what it pauses,
holds for and counts as done.

A rewind whose records do not come back is sought again from the tick, and holds the idle close.
A restored state resumes its inputs right after what it reflects. A failed delivery rebuilds the
states from their last commit with their input paused. No broker: the app is built, not started,
and the consumer is a recorder of what the stage asks of it.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from aiokafka import TopicPartition

from streams.agents.window_state import PartitionState
from streams.agents.windows import REWIND_ATTEMPTS, REWIND_RETRY_S, WindowWorker
from streams.app import create_app
from streams.settings import Settings


class RecordingConsumer:
    """The part of AIOKafkaConsumer the worker uses, recording every call (each method as sync or
    async as the real one: a recorder with a sync `seek_to_beginning` once hid a never-awaited seek)."""

    def __init__(self, assigned: set[TopicPartition]) -> None:
        self.assigned = assigned
        self.calls: list[tuple[Any, ...]] = []

    def assignment(self) -> set[TopicPartition]:
        return self.assigned

    def seek(self, tp: TopicPartition, offset: int) -> None:
        self.calls.append(("seek", tp.topic, tp.partition, offset))

    def pause(self, *tps: TopicPartition) -> None:
        self.calls.extend(("pause", tp.topic, tp.partition) for tp in sorted(tps))

    def resume(self, *tps: TopicPartition) -> None:
        self.calls.extend(("resume", tp.topic, tp.partition) for tp in sorted(tps))


@pytest.fixture
def worker(tmp_path: Path) -> WindowWorker:
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1", store="memory", state_dir=tmp_path)
    made = WindowWorker(create_app(settings))
    names = made.names
    made.consumer = RecordingConsumer({TopicPartition(topic, p) for topic in (names.metric_updates, names.signals)
                                       for p in (0, 3)})
    return made


def test_a_pending_rewind_is_sought_again_after_the_retry_interval(worker: WindowWorker) -> None:
    signals = worker.names.signals
    state = PartitionState(worker.pipeline, 3)
    state.applied[signals] = 41
    worker._retry_rewind(state)
    assert worker.consumer.calls == []  # nothing pending
    state.rewound_to, state.rewinds = signals, 1
    state.rewound_at = time.monotonic()
    worker._retry_rewind(state)
    assert worker.consumer.calls == []  # just sought: give the records time to come
    state.rewound_at = time.monotonic() - REWIND_RETRY_S - 0.5
    worker._retry_rewind(state)
    assert worker.consumer.calls == [("seek", signals, 3, 42)]  # only the input that was rewound
    state.rewinds = REWIND_ATTEMPTS
    state.rewound_at = time.monotonic() - REWIND_RETRY_S - 0.5
    worker._retry_rewind(state)
    assert len(worker.consumer.calls) == 1  # given up: the next record is taken, loudly


def test_a_gap_seeks_back_to_the_record_after_the_state(worker: WindowWorker) -> None:
    updates = worker.names.metric_updates
    state = worker.partitions[3] = PartitionState(worker.pipeline, 3)
    state.applied[updates] = 9
    worker.owned = {0, 3}
    ahead = SimpleNamespace(topic=updates, partition=3, offset=15, key=b"x", value=b"{}", headers=None)
    finished = asyncio.run(worker.handle([ahead]))
    assert finished == [] and state.applied[updates] == 9
    assert worker.consumer.calls == [("seek", updates, 3, 10)]


def test_a_pending_rewind_holds_the_idle_close(worker: WindowWorker) -> None:
    state = worker.partitions[3] = PartitionState(worker.pipeline, 3)
    worker._update_hold(1000.0)
    state.rewound_to, state.rewinds = worker.names.signals, 1
    assert worker._update_hold(1004.0) == 4.0
    state.rewound_to = None
    assert worker._update_hold(1008.0) == 0.0


def test_records_of_revoked_partitions_are_not_counted_as_done(worker: WindowWorker) -> None:
    """Counted, a partition taken back later with nothing new to read looked behind forever."""
    worker.owned = {1}
    worker.partitions[0] = PartitionState(worker.pipeline, 0)
    stale = SimpleNamespace(topic=worker.names.signals, partition=0, offset=41, key=None, headers=None, value=b"[]")
    assert asyncio.run(worker.handle([stale])) == []


def test_a_restored_state_resumes_each_input_after_what_it_reflects(worker: WindowWorker) -> None:
    names = worker.names

    async def scenario() -> None:
        restored = PartitionState(worker.pipeline, 3)
        restored.applied[names.metric_updates] = 99
        opening: asyncio.Future[PartitionState] = asyncio.get_running_loop().create_future()
        worker._start_restore = lambda partition: worker.opening.__setitem__(partition, opening)  # type: ignore
        worker.partitions[0] = PartitionState(worker.pipeline, 0)
        worker.assign({0, 3})
        assert worker.consumer.calls == [("pause", names.metric_updates, 3), ("pause", names.signals, 3)]
        worker.consumer.calls.clear()
        opening.set_result(restored)
        worker._adopt_opened()

    asyncio.run(scenario())
    calls = worker.consumer.calls
    assert ("seek", names.metric_updates, 3, 100) in calls
    assert ("seek", names.signals, 3, 0) in calls  # nothing applied from it yet: the beginning
    assert calls[-2:] == [("resume", names.metric_updates, 3), ("resume", names.signals, 3)]
    assert sorted(worker.partitions) == [0, 3]


def test_a_reset_rebuilds_every_state_from_its_own_store_with_input_paused(worker: WindowWorker) -> None:
    async def scenario() -> dict[int, Any]:
        stores = {}
        for partition in (0, 3):
            state = worker.partitions[partition] = PartitionState(worker.pipeline, partition)
            stores[partition] = state.store
        worker.reset()
        assert worker.partitions == {}
        reopened = {p: opening for p, opening in worker.opening.items()}
        for opening in reopened.values():
            opening.cancel()
        return stores

    stores = asyncio.run(scenario())
    assert sorted(stores) == [0, 3]
    assert {call[0] for call in worker.consumer.calls} == {"pause"}
    assert len(worker.consumer.calls) == 4


def test_the_recorder_is_as_sync_or_async_as_the_real_consumer() -> None:
    """The worker calls these without awaiting: each must be a plain method on AIOKafkaConsumer."""
    import inspect

    from aiokafka import AIOKafkaConsumer

    for name, method in inspect.getmembers(RecordingConsumer, inspect.isfunction):
        if not name.startswith("_"):
            real = getattr(AIOKafkaConsumer, name)
            assert inspect.iscoroutinefunction(real) == inspect.iscoroutinefunction(method), name


def test_the_windows_stage_awaits_every_coroutine_method_of_its_consumer() -> None:
    """A coroutine method called without `await` does nothing at all (no error, only a warning)."""
    import ast
    import inspect

    from aiokafka import AIOKafkaConsumer

    coroutines = {name for name, member in inspect.getmembers(AIOKafkaConsumer) if inspect.iscoroutinefunction(member)}
    root = Path(__file__).resolve().parents[2] / "streams" / "agents"
    unawaited = []
    for path in root.glob("window*.py"):
        tree = ast.parse(path.read_text())
        awaited = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Await)}
        awaited |= {id(arg) for node in ast.walk(tree) if isinstance(node, ast.Call)
                    and getattr(node.func, "attr", None) in ("ensure_future", "create_task") for arg in node.args}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in coroutines
                    and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "consumer"
                    and id(node) not in awaited):
                unawaited.append(f"{path.name}:{node.lineno} {node.func.attr}")
    assert not unawaited
