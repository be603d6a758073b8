"""Scale-out and rebalance: three workers in one group over 12 partitions; mid-stream a fourth joins
and one of the first three is stopped. Every partition's window state moves with it (changelog
replay), so the finals of the whole stream still equal the reference.

The cluster runs once per module; the routing test reuses its live workers.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from models import MetricUpdate
from streams.broker import EmbeddedBroker
from streams.settings import Settings
from tests.faults.conftest import Figures, fault_settings, member
from tests.faults.support import PLATFORMS, Sender, diagnose, expected_finals, make_stream, paced, wait_for_finals
from tests.support.worker import WorkerProcess, wait_for

pytestmark = pytest.mark.broker


@dataclass
class Cluster:
    settings: Settings
    workers: list[WorkerProcess] = field(default_factory=list)
    live: list[WorkerProcess] = field(default_factory=list)
    result: dict[str, Any] = field(default_factory=dict)


def run_cluster(broker: EmbeddedBroker, tmp: Path, n: int, pace_s: float) -> Cluster:
    # a 1h window beside the 1m one keeps live rows for the routing test (only 1m finals are compared)
    settings = fault_settings(broker.bootstrap, tmp, partitions=12, windows="1m:5s,1h:1m")
    cluster = Cluster(settings)

    def start(wait: bool) -> WorkerProcess:
        own = member(settings, tmp)
        worker = WorkerProcess(own, tmp / f"member-{len(cluster.workers)}.log")
        cluster.workers.append(worker)
        return worker.start(wait=wait)

    first = [start(wait=False) for _ in range(3)]
    for worker in first:
        worker.wait_ready(90)
    stream = make_stream(n, seed=random.randrange(1 << 30))
    sender = Sender(settings)
    publisher = threading.Thread(target=paced, args=(sender, stream, pace_s))
    publisher.start()
    events = []
    time.sleep(pace_s * 0.25)
    fourth = start(wait=False)
    events.append(("joined", round(pace_s * 0.25, 1)))
    time.sleep(pace_s * 0.25)
    first[1].stop()
    events.append(("stopped", round(pace_s * 0.5, 1)))
    publisher.join()
    sender.close()
    fourth.wait_ready(90)
    cluster.live = [first[0], first[2], fourth]
    expected = expected_finals(settings.windows, stream, only="1m")
    verdict = wait_for_finals(settings, expected, timeout_s=120, window_prefix="1m")
    alive = all(w.process is not None and w.process.poll() is None for w in cluster.live)
    cluster.result = {"updates": n, "partitions": 12, "events": events, "workers_alive": alive,
                      "diagnosis": None if verdict.exact else diagnose(settings), **verdict.summary()}
    return cluster


@pytest.fixture(scope="module")
def cluster(broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    made = run_cluster(broker, tmp_path_factory.mktemp("cluster"), n=20_000, pace_s=10.0)
    yield made
    for worker in made.workers:
        worker.kill()


def test_scale_out_and_stop_mid_stream_keeps_finals_exact(cluster: Cluster, figures: Figures) -> None:
    r = cluster.result
    figures.record("rebalance", trials=1, exact_trials=int(r["exact"]), lost=r["lost"], double=r["double"], **{
        k: v for k, v in r.items() if k not in ("lost", "double")})
    assert r["workers_alive"]
    assert r["exact"], r


def test_every_worker_answers_windows_for_every_platform(cluster: Cluster, figures: Figures) -> None:
    """GET /windows/{platform} on any worker returns the platform's rows, wherever its partition lives."""
    now = datetime.now(UTC)
    sender = Sender(cluster.settings)
    sender.updates([MetricUpdate(platform=p, metric="orders", value=1.0, unit="count", observed_at=now,
                                 region="US", update_id=f"route-{p}-{now.timestamp()}") for p in PLATFORMS])
    sender.close()

    def owners_have_rows() -> bool:
        return all(any(w.json(f"/windows/{p}") for w in cluster.live) for p in PLATFORMS)

    wait_for(owners_have_rows, timeout_s=30, what="each platform's owner to have rows")
    answers = {(i, p): len(w.json(f"/windows/{p}")) for i, w in enumerate(cluster.live) for p in PLATFORMS}
    empty = sorted(k for k, v in answers.items() if not v)
    figures.record("routing", workers=len(cluster.live), platforms=len(PLATFORMS), empty_answers=len(empty))
    assert not empty, f"{len(empty)} of {len(answers)} (worker, platform) queries came back empty: {empty[:8]}"


@pytest.mark.soak
@pytest.mark.timeout(1800)
def test_soak_scale_out_and_stop(broker: EmbeddedBroker, tmp_path: Path, figures: Figures) -> None:
    results = []
    for t in range(2):
        trial = tmp_path / f"trial{t}"
        trial.mkdir()
        made = run_cluster(broker, trial, n=60_000, pace_s=20.0)
        for worker in made.workers:
            worker.kill()
        results.append(made.result)
    exact = sum(1 for r in results if r["exact"])
    figures.record("rebalance_soak", trials=len(results), exact_trials=exact, lost=sum(r["lost"] for r in results),
                   double=sum(r["double"] for r in results), results=results)
    assert all(r["workers_alive"] for r in results)
    assert exact == len(results), results
