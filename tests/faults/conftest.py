"""Fault tests: figures per test, the soak summary line, a local S3 server and dedicated brokers.

Every fault test records its figures with `figures.record(...)`. At the end of the session they
are written to `<pytest basetemp>/faults-figures.json` (and to `$SOUQ_FAULTS_FIGURES` if set),
and the run's last line is the summary:

    soak: trials=N exact=N lost=0 double=0 bad_inputs=N peak_rss_mb=N

(printed from `pytest_unconfigure`, after pytest's own "N passed" line, so that it really is the
last line of `make soak`; in a normal run it is printed as `faults: ...` above pytest's closing line).
"""

from __future__ import annotations

import itertools
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from streams.broker import EmbeddedBroker, free_port
from streams.kafka_io import ensure_topics
from streams.settings import Settings
from tests.support.worker import WorkerProcess

_RECORDS: list[dict[str, Any]] = []
_counter = itertools.count()
_STATE: dict[str, Any] = {}


class Figures:
    def record(self, test: str, **figures: Any) -> dict[str, Any]:
        entry = {"test": test, **figures}
        _RECORDS.append(entry)
        print(f"\n[figures] {json.dumps(entry, default=str)}")
        return entry


@pytest.fixture(scope="session")
def figures() -> Figures:
    return Figures()


@dataclass(frozen=True)
class FaultRun:
    """What a fault test's runner takes from pytest: the session's broker, the test's scratch
    folder, its worker starter (tests/conftest.py kills what it started) and the figures."""

    broker: EmbeddedBroker
    tmp: Path
    start_worker: Callable[..., WorkerProcess]
    figures: Figures


@pytest.fixture
def fault_run(broker: EmbeddedBroker, tmp_path: Path, start_worker: Callable[..., WorkerProcess],
              figures: Figures) -> FaultRun:
    return FaultRun(broker, tmp_path, start_worker, figures)


def summarize(records: list[dict[str, Any]]) -> dict[str, int]:
    return {
        "trials": sum(int(r.get("trials", 0)) for r in records),
        "exact": sum(int(r.get("exact_trials", 0)) for r in records),
        "lost": sum(int(r.get("lost", 0)) for r in records),
        "double": sum(int(r.get("double", 0)) for r in records),
        "bad_inputs": sum(int(r.get("bad_inputs", 0)) for r in records),
        "peak_rss_mb": round(max((float(r.get("peak_rss_mb", 0)) for r in records), default=0.0)),
    }


def summary_line(prefix: str, records: list[dict[str, Any]]) -> str:
    s = summarize(records)
    return (f"{prefix}: trials={s['trials']} exact={s['exact']} lost={s['lost']} double={s['double']} "
            f"bad_inputs={s['bad_inputs']} peak_rss_mb={s['peak_rss_mb']}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _RECORDS:
        return
    payload = json.dumps({"records": _RECORDS, "summary": summarize(_RECORDS)}, indent=2, default=str)
    paths = [Path(session.config._tmp_path_factory.getbasetemp()) / "faults-figures.json"]  # type: ignore[attr-defined]
    if os.environ.get("SOUQ_FAULTS_FIGURES"):
        paths.append(Path(os.environ["SOUQ_FAULTS_FIGURES"]))
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(payload)
    _STATE["figures_path"] = str(paths[0])


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """In a normal run the figures go above pytest's own closing line, which CI reads."""
    if _RECORDS and not config.getoption("--run-soak", default=False):
        terminalreporter.write_line(f"figures: {_STATE.get('figures_path', '-')}")
        terminalreporter.write_line(summary_line("faults", _RECORDS))


def pytest_unconfigure(config: pytest.Config) -> None:
    """`make soak` ends with its summary line, after pytest's."""
    if not _RECORDS or not config.getoption("--run-soak", default=False):
        return
    sys.stdout.write(f"figures: {_STATE.get('figures_path', '-')}\n")
    sys.stdout.write(summary_line("soak", _RECORDS) + "\n")
    sys.stdout.flush()


# ---------------------------------------------------------------------------- settings and workers


def fault_settings(bootstrap: str, state_root: Path, create: bool = True, **overrides: Any) -> Settings:
    """Like tests/conftest.py's make_settings, usable from module-scoped fixtures and any broker."""
    n = next(_counter)
    tag = f"f{os.getpid()}x{n}"
    values: dict[str, Any] = {
        "kafka_bootstrap_servers": bootstrap,
        "topic_prefix": f"{tag}-",
        "app_id": f"souq-{tag}",
        "web_port": free_port(),
        "state_dir": state_root / f"state-{n}",
        "partitions": 4,
        "session_timeout_s": 6.0,
        "heartbeat_interval_s": 1.0,
        "flush_interval_s": 0.2,
        "log_level": "info",
        "windows": "1m:5s",
        "idle_close_s": 4.0,
    }
    values.update(overrides)
    settings = Settings(**values)
    if create:
        ensure_topics(settings)
    return settings


def member(settings: Settings, state_root: Path, **overrides: Any) -> Settings:
    """Another worker of the same app (same topics and group) with its own port and state dir."""
    n = next(_counter)
    return settings.model_copy(update={"web_port": free_port(), "state_dir": state_root / f"state-m{n}",
                                       **overrides})


# ---------------------------------------------------------------------------- S3 (moto) and brokers


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class MotoS3:
    """`moto_server` on a free loopback port, and the environment Tansu's S3 storage reads."""

    def __init__(self, log: Path) -> None:
        self.port = free_port()
        exe = Path(sys.executable).with_name("moto_server")
        self.process = subprocess.Popen([str(exe), "-H", "127.0.0.1", "-p", str(self.port)],
                                        stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 20
        while not _port_open(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"moto_server did not start; see {log}")
            time.sleep(0.1)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        # Tansu builds its object store with object_store's AmazonS3Builder::from_env():
        # AWS_ENDPOINT (+ AWS_ALLOW_HTTP for http://), AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION.
        return {"AWS_ENDPOINT": self.endpoint, "AWS_ALLOW_HTTP": "true", "AWS_ACCESS_KEY_ID": "souq-test",
                "AWS_SECRET_ACCESS_KEY": "souq-test-secret", "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_REGION": "us-east-1"}

    def bucket(self, name: str) -> str:
        import boto3

        s3 = boto3.client("s3", endpoint_url=self.endpoint, aws_access_key_id="souq-test",
                          aws_secret_access_key="souq-test-secret", region_name="us-east-1")
        s3.create_bucket(Bucket=name)
        return f"s3://{name}/"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="session")
def moto_s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoS3]:
    server = MotoS3(tmp_path_factory.mktemp("moto") / "moto.log")
    yield server
    server.stop()


@pytest.fixture
def dedicated_broker(tmp_path: Path) -> Iterator[Callable[..., EmbeddedBroker]]:
    """Brokers of one test's own (not the session's); stopped at teardown."""
    made: list[EmbeddedBroker] = []

    def make(storage: str = "memory://tansu/", port: int | None = None, start: bool = True,
             **kwargs: Any) -> EmbeddedBroker:
        broker = EmbeddedBroker(port=port or free_port(), storage=storage,
                                log_path=tmp_path / f"broker-{len(made)}.log", **kwargs)
        made.append(broker)
        return broker.start() if start else broker

    yield make
    for broker in made:
        broker.kill()
