"""Fixtures: one real embedded broker per session; per-test settings with unique topics."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from streams.broker import EmbeddedBroker, free_port
from streams.kafka_io import ensure_topics
from streams.settings import Settings
from tests.support.worker import WorkerProcess

_counter = itertools.count()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-soak", action="store_true", help="run the long soak variants")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-soak"):
        return
    skip = pytest.mark.skip(reason="long variant: run with `make soak`")
    for item in items:
        if "soak" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedBroker]:
    """A real Tansu broker on a free loopback port for the whole session."""
    log = tmp_path_factory.mktemp("broker") / "tansu.log"
    embedded = EmbeddedBroker(port=free_port(), log_path=log).start()
    yield embedded
    embedded.stop()


@pytest.fixture
def make_settings(broker: EmbeddedBroker, tmp_path: Path) -> Callable[..., Settings]:
    """Settings isolated per call: own topic prefix, app id, web port and state dir."""

    def make(**overrides: Any) -> Settings:
        n = next(_counter)
        tag = f"t{os.getpid()}x{n}"
        values: dict[str, Any] = {
            "kafka_bootstrap_servers": broker.bootstrap,
            "topic_prefix": f"{tag}-",
            "app_id": f"souq-{tag}",
            "web_port": free_port(),
            "state_dir": tmp_path / f"state-{n}",
            "partitions": 4,
            "session_timeout_s": 6.0,
            "heartbeat_interval_s": 1.0,
            "flush_interval_s": 0.2,
            "log_level": "info",
        }
        values.update(overrides)
        settings = Settings(**values)
        ensure_topics(settings)
        return settings

    return make


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    started: list[WorkerProcess] = []

    def start(settings: Settings, wait: bool = True, **env: str) -> WorkerProcess:
        worker = WorkerProcess(settings, tmp_path / f"worker-{len(started)}.log", extra_env=env)
        started.append(worker)
        return worker.start(wait=wait)

    yield start
    for worker in started:
        worker.kill()
