"""Publishing signals: grouped by platform key, as JSON arrays, delivery awaited per batch."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from models import Signal, encode_many
from streams.app import Pipeline

SIGNALS_PER_MESSAGE = 500


def signal_key(platform: str) -> bytes:
    """Signals are keyed by platform so one partition sees all of a platform's counters.

    Derived ratios (orders over sessions) need both counters in the same window state.
    """
    return platform.encode()


async def publish_signals(pipeline: Pipeline, signals: Iterable[Signal]) -> list[Any]:
    by_platform: dict[str, list[Signal]] = defaultdict(list)
    for signal in signals:
        by_platform[signal.platform].append(signal)
    futures = []
    for platform, group in by_platform.items():
        for start in range(0, len(group), SIGNALS_PER_MESSAGE):
            chunk = group[start:start + SIGNALS_PER_MESSAGE]
            futures.append(await pipeline.signals.send(key=signal_key(platform), value=encode_many(chunk)))
            pipeline.telemetry.published.labels(topic=pipeline.names.signals).inc(len(chunk))
    return futures


async def delivered(futures: list[Any]) -> None:
    """At-least-once: a batch's input is acknowledged only after its output is on the broker."""
    if futures:
        await asyncio.gather(*futures)
