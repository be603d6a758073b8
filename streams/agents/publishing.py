"""Publishing signals (article figures, and updates republished by platform): chunked per target partition,
in event-time order, as JSON arrays; the reader validates every one of them in full."""

from __future__ import annotations

import asyncio
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import orjson
from aiokafka.partitioner import murmur2

from models import Signal
from streams.pipeline import Pipeline

SIGNALS_PER_MESSAGE = 500

def signal_key(platform: str) -> bytes:
    """Signals are keyed by platform so one partition sees all of a platform's counters.

    Derived ratios (orders over sessions) need both counters in the same window state.
    """
    return platform.encode()


@functools.lru_cache(maxsize=4096)
def signal_partition(platform: str, partitions: int) -> int:
    """The `signals` partition of a platform: what the default (murmur2) partitioner picks for its key."""
    return (murmur2(signal_key(platform)) & 0x7FFFFFFF) % partitions


SignalRow = tuple[float, dict[str, Any]]
"""(event time in epoch seconds, a Signal as a JSON-ready dict): what goes to `signals`."""


def signal_rows(signals: Iterable[Signal]) -> list[SignalRow]:
    """Signal records (the article path) in the row form `publish_signal_rows` takes."""
    return [(s.observed_at.timestamp(), s.model_dump(mode="json")) for s in signals]


async def publish_signals(pipeline: Pipeline, signals: Iterable[Signal]) -> list[Any]:
    return await publish_signal_rows(pipeline, signal_rows(signals))


async def publish_signal_rows(pipeline: Pipeline, rows: Iterable[SignalRow]) -> list[Any]:
    """Chunk per target partition, each partition's signals in event-time order.

    A `signals` partition carries several platforms and its window engine's watermark is the
    newest event time it has seen, so what reaches a partition must come in event-time order
    (within the grace). Grouping a batch by platform sent all of one platform's signals before
    the next one's, and producers batch per platform too (one message per platform of a
    replayed file, the Publisher's per-platform batches): whenever a batch spanned more than
    the grace (a backlog after a crash or an outage, a file replay) every platform but the
    first arrived late and was dropped from its windows. Sorting a batch per partition by event
    time (stable, so equal times keep their arrival order) restores the order the windows need;
    the batch's input is acknowledged only after all of it is delivered, so nothing is lost.
    """
    futures = []
    published = pipeline.telemetry.published.labels(topic=pipeline.names.signals)
    for partition, key, value, count in signal_messages(rows, pipeline.settings.partitions):
        futures.append(await pipeline.signals.send(key=key, partition=partition, value=value))
        published.inc(count)
    return futures


def signal_messages(rows: Iterable[SignalRow], partitions: int) -> Iterator[tuple[int, bytes, bytes, int]]:
    """(partition, key, JSON array, signals in it) of each `signals` message for `rows`."""
    by_partition: dict[int, list[SignalRow]] = defaultdict(list)
    for row in rows:
        by_partition[signal_partition(row[1]["platform"], partitions)].append(row)
    for partition, group in by_partition.items():
        group.sort(key=_event_time)
        for start in range(0, len(group), SIGNALS_PER_MESSAGE):
            chunk = [row for _, row in group[start:start + SIGNALS_PER_MESSAGE]]
            yield partition, signal_key(chunk[0]["platform"]), orjson.dumps(chunk, option=orjson.OPT_UTC_Z), len(chunk)


def _event_time(row: SignalRow) -> float:
    return row[0]


async def delivered(futures: list[Any]) -> None:
    """At-least-once: a batch's input is acknowledged only after its output is on the broker."""
    if futures:
        await asyncio.gather(*futures)
