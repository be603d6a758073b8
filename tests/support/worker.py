"""Run a real worker process against the test broker, and read topics with kafka-python."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from streams.broker import free_port
from streams.kafka_io import consumer
from streams.processes import stop_processes
from streams.settings import Settings
from streams.topics import TopicNames, topic_names

REPO = Path(__file__).resolve().parents[2]


def settings_env(settings: Settings) -> dict[str, str]:
    """The SOUQ_* environment that reproduces `settings` in a child process."""
    env = {}
    for name, value in settings.model_dump().items():
        if value is None:
            continue
        if hasattr(value, "get_secret_value"):
            value = value.get_secret_value()
        env[f"SOUQ_{name.upper()}"] = str(value)
    return env


@dataclass
class WorkerProcess:
    settings: Settings
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.settings.web_port}"

    @property
    def names(self) -> TopicNames:
        return topic_names(self.settings)

    def start(self, wait: bool = True, timeout_s: float = 60.0) -> WorkerProcess:
        env = {**os.environ, **settings_env(self.settings), **self.extra_env, "PYTHONUNBUFFERED": "1"}
        log = self.log_path.open("ab")
        self.process = subprocess.Popen([sys.executable, "-m", "streams.cli", "worker"], cwd=REPO, env=env,
                                        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        if wait:
            self.wait_ready(timeout_s)
        return self

    def get(self, path: str, timeout_s: float = 5.0) -> bytes:
        with urllib.request.urlopen(self.url + path, timeout=timeout_s) as response:
            return response.read()

    def json(self, path: str) -> Any:
        return orjson.loads(self.get(path))

    def wait_ready(self, timeout_s: float = 60.0) -> float:
        """Until /readyz says the worker's groups are joined and its windows restored; returns seconds taken."""
        started = time.monotonic()
        deadline = started + timeout_s
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if self.json("/readyz").get("ready"):
                    return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.2)
        raise TimeoutError(f"worker not ready in {timeout_s:.0f} s:\n{self.log_tail()}")

    def metrics(self) -> str:
        return self.get("/metrics").decode()

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self, timeout_s: float = 15.0) -> None:
        if self.process is not None:
            stop_processes([self.process], timeout_s=timeout_s, group=True)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def read_topic(settings: Settings, topic: str, idle_ms: int = 1000) -> list[tuple[bytes | None, bytes]]:
    source = consumer(settings, topic, timeout_ms=idle_ms)
    try:
        return [(m.key, m.value) for m in source]
    finally:
        source.close()


def wait_for(predicate: Callable[[], Any], timeout_s: float = 60.0, interval_s: float = 0.5,
             what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval_s)
    raise TimeoutError(f"timed out after {timeout_s:.0f} s waiting for {what}")


def records(settings: Settings, topic: str, idle_ms: int = 1000) -> Iterator[dict[str, Any]]:
    for _, value in read_topic(settings, topic, idle_ms):
        decoded = orjson.loads(value)
        if isinstance(decoded, list):
            yield from decoded
        else:
            yield decoded


def new_port() -> int:
    return free_port()
