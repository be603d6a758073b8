"""The metric stage's way back after output it could not deliver: every assigned partition is
sought to its committed offset (the beginning when nothing is committed), so the batches
whose signals never reached the broker are read again. On the real broker, in process."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from aiokafka.errors import KafkaConnectionError

from streams.agents.metric_updates import MetricUpdatesStage
from streams.app import create_app
from streams.publisher import Publisher
from streams.settings import Settings
from streams.topics import topic_names


async def read(stage: MetricUpdatesStage, want: int, timeout_s: float = 30.0) -> list[int]:
    """Offsets of the next `want` records the stage's consumer returns."""
    assert stage.consumer is not None
    offsets: list[int] = []
    deadline = asyncio.get_running_loop().time() + timeout_s
    while len(offsets) < want:
        assert asyncio.get_running_loop().time() < deadline, f"only {offsets} in {timeout_s:.0f} s"
        batch = await stage.consumer.getmany(timeout_ms=200, max_records=want - len(offsets))
        offsets.extend(record.offset for records in batch.values() for record in records)
    return offsets


async def rewind_scenario(settings: Settings) -> dict[str, Any]:
    stage = MetricUpdatesStage(create_app(settings))
    await stage.on_start()
    assert stage._started_consumer is not None and stage.consumer is not None
    await stage._started_consumer
    try:
        first = await read(stage, 10)
        await stage.rewind()  # nothing committed yet: from the beginning
        again = await read(stage, 10)
        [tp] = stage.consumer.assignment()
        await stage.consumer.commit({tp: 4})  # as if the batch up to offset 3 was settled
        await stage.rewind()
        after_commit = await read(stage, 6)
        nothing_more = await stage.consumer.getmany(timeout_ms=500)
        return {"first": first, "again": again, "after_commit": after_commit,
                "more": [r.offset for records in nothing_more.values() for r in records]}
    finally:
        await stage.consumer.stop()


def test_rewind_reads_again_from_the_last_commit(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(partitions=1)
    with Publisher(settings, batch_size=1) as publisher:
        for i in range(10):
            publisher.raw(topic_names(settings).metric_updates, f'{{"n": {i}}}'.encode())
    seen = asyncio.run(rewind_scenario(settings))
    assert seen["first"] == list(range(10))
    assert seen["again"] == list(range(10))
    assert seen["after_commit"] == list(range(4, 10))
    assert seen["more"] == []


async def failing_once_scenario(settings: Settings) -> dict[str, Any]:
    """The consume loop itself: the first batch's output fails, so it is read again and committed."""
    stage = MetricUpdatesStage(create_app(settings))
    handled: list[list[int]] = []

    async def handle(batch: dict[Any, list[Any]]) -> Any:
        handled.append([record.offset for records in batch.values() for record in records])
        if len(handled) == 1:
            raise KafkaConnectionError("signals not delivered")
        return [], batch  # delivered at once: nothing to wait for

    stage.handle = handle  # type: ignore[method-assign]
    await stage.start()  # as Faust starts it: on_start, then the consume loop
    assert stage.consumer is not None
    try:
        deadline = asyncio.get_running_loop().time() + 30
        while sum(map(len, handled[1:])) < 10 and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)  # the last batch is settled when the next (empty) fetch returns
        [tp] = stage.consumer.assignment()
        return {"handled": handled, "committed": await stage.consumer.committed(tp)}
    finally:
        await stage.stop()


def test_output_not_delivered_is_read_again(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(partitions=1)
    with Publisher(settings, batch_size=1) as publisher:
        for i in range(10):
            publisher.raw(topic_names(settings).metric_updates, f'{{"n": {i}}}'.encode())
        publisher.flush()
    seen = asyncio.run(failing_once_scenario(settings))
    first, *after = seen["handled"]
    assert first and first[0] == 0
    again = [offset for offsets in after for offset in offsets]
    assert again == list(range(10)), seen  # from the beginning again, each once
    assert seen["committed"] == 10
