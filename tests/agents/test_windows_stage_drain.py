"""A batch of the windows stage is what the consumer has fetched already, bounded in messages and
bytes: it never waits for more, and a fetch error ends it with what came."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from aiokafka.errors import KafkaConnectionError

from streams.agents.windows_stage import WindowsStage
from streams.settings import Settings


class Fetched:
    """getmany as the consumer answers with timeout 0: the next buffered chunk, then nothing."""

    def __init__(self, chunks: list[Any]) -> None:
        self.chunks = chunks
        self.calls: list[dict[str, Any]] = []

    async def getmany(self, timeout_ms: int, max_records: int) -> dict[str, list[Any]]:
        self.calls.append({"timeout_ms": timeout_ms, "max_records": max_records})
        if not self.chunks:
            return {}
        chunk = self.chunks.pop(0)
        if isinstance(chunk, Exception):
            raise chunk
        return {"tp": chunk[:max_records]}


def records(n: int, size: int = 10) -> list[SimpleNamespace]:
    return [SimpleNamespace(value=b"x" * size) for _ in range(n)]


def drain(first: list[Any], chunks: list[Any], **settings: Any) -> tuple[list[Any], Fetched]:
    consumer = Fetched(chunks)
    stage = SimpleNamespace(consumer=consumer, pipeline=SimpleNamespace(settings=Settings(**settings)))
    got = asyncio.run(WindowsStage._drain(stage, first))  # type: ignore[arg-type]
    return got, consumer


def test_it_takes_what_is_fetched_already_and_never_waits() -> None:
    got, consumer = drain(records(3), [records(4), records(5)], batch_max=10, windows_batch_max=100)
    assert len(got) == 12
    assert all(call["timeout_ms"] == 0 for call in consumer.calls) and len(consumer.calls) == 3


def test_it_stops_at_the_message_bound() -> None:
    got, consumer = drain(records(3), [records(10), records(10)], batch_max=10, windows_batch_max=8)
    assert len(got) == 8 and consumer.calls == [{"timeout_ms": 0, "max_records": 5}]


def test_it_stops_at_the_byte_bound() -> None:
    got, _ = drain(records(2, size=600), [records(2, size=600), records(2, size=600)],
                   windows_batch_max=100, windows_batch_bytes=2000)
    assert len(got) == 4


def test_a_fetch_error_ends_the_batch_with_what_came() -> None:
    got, _ = drain(records(2), [records(3), KafkaConnectionError("broker away"), records(3)], windows_batch_max=100)
    assert len(got) == 5
