"""Run one system over one pre-loaded input and measure it: ours (a real worker) and Quix."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson

from bench.procstat import CpuMark, peak_rss_mb
from bench.reference import compare
from bench.topics import FinalsCollector
from streams.broker import free_port
from streams.processes import stop_processes
from streams.settings import EMBEDDED_HEARTBEAT_INTERVAL_S, EMBEDDED_SESSION_TIMEOUT_S, Settings
from streams.topics import topic_names
from tests.support.worker import settings_env

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"


@dataclass
class RunResult:
    system: str
    input: str
    updates: int
    messages: int
    ok: bool = False
    exact: bool = False
    verdict: str = ""
    rate: float = 0.0
    """Updates per second from the first input consumed to the last correct final window."""
    seconds: float = 0.0
    ready_s: float = 0.0
    """Ours: process start to /readyz answering ready with its share of partitions. Quix: to its first message."""
    worker_cpu_s: float = 0.0
    broker_cpu_s: float = 0.0
    worker_cpu_per_update_us: float = 0.0
    peak_rss_mb: float = 0.0
    finals_checked: int = 0
    finals_other: int = 0
    """Final rows not in the reference (ours: derived conversion_rate/AOV; both: watermark windows)."""
    log: str = ""
    error: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Measured:
    """What is common to both systems once their processes run (one, or a group of workers)."""

    pids: list[int]
    broker_pid: int
    t0: float
    cpu: list[CpuMark] = field(default_factory=list)
    broker_cpu: CpuMark | None = None

    def begin(self) -> None:
        self.cpu = [CpuMark(pid).begin() for pid in self.pids]
        self.broker_cpu = CpuMark(self.broker_pid).begin()


def finish(result: RunResult, measured: Measured, collector: FinalsCollector, expected: dict[str, tuple[float, int]],
           timeout_s: float) -> None:
    """Wait for every expected final, then fill the result (rates, CPU, RSS, exactness)."""
    completed = collector.wait(timeout_s)
    assert measured.cpu and measured.broker_cpu is not None
    result.worker_cpu_s = round(sum(mark.finish() for mark in measured.cpu), 3)
    result.broker_cpu_s = round(measured.broker_cpu.finish(), 3)
    result.peak_rss_mb = round(max(peak_rss_mb(pid) for pid in measured.pids), 1)
    if not completed:
        # finals that arrive late still say which windows are wrong: give them one more second
        time.sleep(1.0)
    verdict = compare(expected, dict(collector.finals), collector.duplicates)
    result.exact = verdict.exact
    result.verdict = verdict.summary()
    result.finals_checked = verdict.matched
    result.finals_other = collector.others
    if collector.error:
        result.error = f"final-topic reader: {collector.error}"
    result.ok = completed
    if collector.stamps:
        # complete: up to the last expected final; incomplete: up to the last final read (flagged)
        result.seconds = round(collector.done_at - measured.t0, 3)
        result.rate = round(result.updates / result.seconds, 1) if result.seconds > 0 else 0.0
        result.worker_cpu_per_update_us = round(result.worker_cpu_s / result.updates * 1e6, 2)
    if not completed:
        result.error = result.error or (f"incomplete: {len(collector.finals)}/{len(expected)} expected finals "
                                        f"arrived (rate is up to the last one read)")


def stop_process(process: subprocess.Popen[bytes], timeout_s: float = 15.0) -> None:
    stop_processes([process], timeout_s=timeout_s, group=True)


def log_tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# ---------------------------------------------------------------------------------------- ours


GROUP_TIMEOUTS = {"session_timeout_s": EMBEDDED_SESSION_TIMEOUT_S,
                  "heartbeat_interval_s": EMBEDDED_HEARTBEAT_INTERVAL_S}
"""Both systems join their groups on the embedded broker with the pair `make run` uses there."""


def souq_settings(bootstrap: str, prefix: str, state_dir: Path, extra: dict[str, str] | None = None) -> Settings:
    """Defaults except what the benchmark fixes: one 1-minute window, 4 partitions, own topics,
    the embedded broker's group timeouts (and `extra`, lower-case field names, for experiments)."""
    fixed: dict[str, Any] = {"kafka_bootstrap_servers": bootstrap, "topic_prefix": prefix, "app_id": f"{prefix}souq",
                             "windows": "1m:10s", "partitions": 4, "web_port": free_port(), "state_dir": state_dir}
    return Settings(**{**GROUP_TIMEOUTS, **(extra or {}), **fixed})


@dataclass
class SouqWorker:
    settings: Settings
    log_path: Path
    tree: Path | None = None
    """Where `streams` and `models` are imported from (default: this repo)."""
    cpu: int | None = None
    """Pin the worker to this core (`taskset`), for the scale-out figure."""
    process: subprocess.Popen[bytes] | None = None
    launched: float = 0.0

    def start(self) -> SouqWorker:
        env = {**os.environ, **settings_env(self.settings), "PYTHONUNBUFFERED": "1"}
        log = self.log_path.open("ab")
        self.launched = time.time()
        pin = ["taskset", "-c", str(self.cpu)] if self.cpu is not None and shutil.which("taskset") else []
        self.process = subprocess.Popen([*pin, sys.executable, "-m", "streams.cli", "worker"], cwd=self.tree or REPO,
                                        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def assigned(self) -> set[str]:
        """`topic:partition` of every input partition this worker holds and is ready to answer for
        (/readyz: groups joined, window states restored); empty until then. A tree from before
        /readyz (`--souq-tree` experiments) is asked /healthz, which knows only the assignment."""
        base = f"http://127.0.0.1:{self.settings.web_port}"
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=1.0) as response:
                return set(orjson.loads(response.read()).get("assigned") or [])
        except urllib.error.HTTPError as error:
            if error.code != 404:
                return set()  # 503: not ready yet
        except (OSError, ValueError):
            return set()
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1.0) as response:
                return set(orjson.loads(response.read()).get("assigned") or [])
        except (OSError, ValueError):
            return set()

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)


def wait_ready(workers: list[SouqWorker], timeout_s: float = 90.0) -> float:
    """Polls /readyz every 50 ms until the workers are ready and hold every partition of both inputs
    between them, each its own share (the windows group settled; Faust's joins beside it); returns
    that wall time."""
    settings = workers[0].settings
    names = topic_names(settings)
    wanted = {f"{topic}:{p}" for topic in (names.metric_updates, names.signals) for p in range(settings.partitions)}
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for worker in workers:
            assert worker.process is not None
            if worker.process.poll() is not None:
                raise RuntimeError(f"worker exited with {worker.process.returncode}:\n{log_tail(worker.log_path)}")
        held = [worker.assigned() & wanted for worker in workers]
        # every worker has its share and no partition is held twice (the group settled)
        if all(held) and set().union(*held) == wanted and sum(map(len, held)) == len(wanted):
            return time.time()
        time.sleep(0.05)
    raise TimeoutError(f"workers not ready in {timeout_s:.0f} s:\n{log_tail(workers[0].log_path)}")


# ---------------------------------------------------------------------------------------- Quix


@dataclass
class QuixJob:
    bootstrap: str
    input_topic: str
    output_topic: str
    group: str
    state_dir: Path
    log_path: Path
    batched: bool
    changelog: bool = False
    process: subprocess.Popen[bytes] | None = None
    launched: float = 0.0

    @property
    def started_file(self) -> Path:
        return self.state_dir.parent / f"{self.group}.started"

    def start(self) -> QuixJob:
        cmd = [sys.executable, str(REPO / "bench" / "peers" / "quix_job.py"), "--broker", self.bootstrap,
               "--input", self.input_topic, "--output", self.output_topic, "--group", self.group,
               "--state-dir", str(self.state_dir), "--started-file", str(self.started_file),
               "--session-timeout-s", str(GROUP_TIMEOUTS["session_timeout_s"]),
               "--heartbeat-interval-s", str(GROUP_TIMEOUTS["heartbeat_interval_s"])]
        if self.batched:
            cmd.append("--batched")
        if self.changelog:
            cmd.append("--changelog")
        self.started_file.unlink(missing_ok=True)
        log = self.log_path.open("ab")
        self.launched = time.time()
        self.process = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                        env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONWARNINGS": "ignore"})
        return self

    def wait_started(self, timeout_s: float = 90.0) -> float:
        """Wall time at which the job saw its first message (it writes that time to a file)."""
        assert self.process is not None
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"quix job exited with {self.process.returncode}:\n{log_tail(self.log_path)}")
            try:
                return float(self.started_file.read_text())
            except (OSError, ValueError):
                time.sleep(0.02)
        raise TimeoutError(f"quix job consumed nothing in {timeout_s:.0f} s:\n{log_tail(self.log_path)}")

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)


def quix_topics(prefix: str) -> tuple[str, str]:
    """(input, output): the input is our `metric-updates` topic itself, the same bytes."""
    return topic_names(Settings(topic_prefix=prefix)).metric_updates, f"{prefix}quix-final"


def clean_state(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
