"""Rewinds and revocations: what the windows stage seeks again, holds for, and counts as done.

A rewind whose records do not come back is sought again from the tick, and holds the idle close.

Measured in the rebalance soak: right after an assignment the consumer moved the input past
the offset our seek asked for; what it delivered was beyond the state and skipped, the input
then went quiet, and nothing asked again, so the partition's windows closed without those
records. No broker: the app is built, not started, and the seek itself is recorded.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from streams.agents.windows import REWIND_ATTEMPTS, REWIND_RETRY_S, PartitionState, WindowWorker
from streams.app import create_app
from streams.settings import Settings


@pytest.fixture
def worker(tmp_path: Path) -> WindowWorker:
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1", store="memory", state_dir=tmp_path)
    return WindowWorker(create_app(settings))


def retried(worker: WindowWorker, state: PartitionState) -> list[Any]:
    seeks: list[Any] = []

    async def seek_back(state: PartitionState, tp: Any, now: float) -> None:
        seeks.append((state.partition, tp))

    worker._seek_back = seek_back  # type: ignore[method-assign]
    asyncio.run(worker._retry_rewind(state))
    return seeks


def test_a_pending_rewind_is_sought_again_after_the_retry_interval(worker: WindowWorker) -> None:
    state = PartitionState(worker.pipeline, 3)
    assert retried(worker, state) == []  # nothing pending
    state.rewound_to, state.rewinds = "signals-3", 1
    state.rewound_at = time.monotonic()
    assert retried(worker, state) == []  # just sought: give the records time to come
    state.rewound_at = time.monotonic() - REWIND_RETRY_S - 0.5
    assert retried(worker, state) == [(3, "signals-3")]
    state.rewinds = REWIND_ATTEMPTS
    assert retried(worker, state) == []  # given up: the next record is taken, loudly


def test_a_pending_rewind_holds_the_idle_close(worker: WindowWorker) -> None:
    state = worker.partitions[3] = PartitionState(worker.pipeline, 3)
    worker._update_hold(1000.0)
    state.rewound_to, state.rewinds = "signals-3", 1
    assert worker._update_hold(1004.0) == 4.0
    state.rewound_to = None
    assert worker._update_hold(1008.0) == 0.0


def test_records_of_revoked_partitions_are_not_counted_as_done(worker: WindowWorker) -> None:
    """Counted, a partition taken back later with nothing new to read looked behind forever."""
    worker.owned = {1}
    stale = SimpleNamespace(message=SimpleNamespace(topic="signals", partition=0, offset=41, headers=None, value=b"[]"))
    asyncio.run(worker.handle([stale]))
    assert worker.pipeline.progress.done == {}
