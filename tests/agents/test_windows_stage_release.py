"""Stop and revocation hand partitions over through one helper: a state commit that fails there is
logged, not raised (the next owner replays from the last commit that was delivered)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from types import SimpleNamespace

import pytest
from aiokafka.errors import KafkaConnectionError

from streams.agents.windows_stage import WindowsStage


class FailingWorker:
    def __init__(self, error: Exception) -> None:
        self.error = error
        self.released: list[set[int]] = []

    async def release(self, partitions: Iterable[int]) -> None:
        self.released.append(set(partitions))
        raise self.error


async def nothing_in_flight() -> None:
    """The stage's `settle` with no batch on its way."""


def test_a_kafka_error_on_release_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    stage = SimpleNamespace(worker=FailingWorker(KafkaConnectionError("broker away")), settle=nothing_in_flight)
    with caplog.at_level(logging.WARNING, logger="streams.agents.windows_stage"):
        asyncio.run(WindowsStage.release(stage, [1, 2], "state commit on revocation"))  # type: ignore[arg-type]
    assert stage.worker.released == [{1, 2}]
    assert "state commit on revocation failed" in caplog.text


def test_any_other_error_on_release_is_raised() -> None:
    stage = SimpleNamespace(worker=FailingWorker(RuntimeError("a bug")), settle=nothing_in_flight)
    with pytest.raises(RuntimeError):
        asyncio.run(WindowsStage.release(stage, [3], "the last state commit"))  # type: ignore[arg-type]
