"""Crash and restart: SIGKILL a worker mid-stream (twice per trial), restart it, and the finals on
`aggregates-final` equal a brute-force reference of the input: nothing lost, nothing counted twice.

One trial: the worker runs while the first part of the stream is published at a steady pace and
is SIGKILLed at a random moment of it; the next part is published while it is down (a backlog);
it restarts and is SIGKILLed again at a random moment of the catch-up; it restarts and the rest
is published, with a slice of already-published updates sent again (same update ids: a producer
retry / replayed file). Event times are increasing over five past minutes, windows `1m:5s`.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from streams.broker import EmbeddedBroker
from tests.faults.conftest import FaultRun, fault_settings
from tests.faults.support import RssSampler, Sender, diagnose, expected_finals, make_stream, paced, wait_for_finals
from tests.support.variants import quick_and_soak
from tests.support.worker import WorkerProcess

pytestmark = pytest.mark.broker


def run_trial(broker: EmbeddedBroker, tmp: Path, start_worker: Callable[..., WorkerProcess], n: int, seed: int,
              pace_s: float) -> dict:
    rng = random.Random(seed)
    settings = fault_settings(broker.bootstrap, tmp)
    stream = make_stream(n, seed)
    a, b = int(n * 0.4), int(n * 0.7)
    worker = start_worker(settings)
    sampler = RssSampler([worker])
    sampler.start()
    sender = Sender(settings)
    kills: list[dict] = []
    try:
        # 1. steady stream, SIGKILL at a random moment of it
        kill_at = rng.uniform(0.25, 0.85) * pace_s
        publisher = threading.Thread(target=paced, args=(sender, stream[:a], pace_s))
        publisher.start()
        time.sleep(kill_at)
        worker.kill()
        kills.append({"phase": "streaming", "after_s": round(kill_at, 2)})
        publisher.join()
        # the same updates again right away: a duplicate publish of ids whose windows are open
        dup_now = stream[a - 500:a]
        for i in range(0, len(dup_now), 40):
            sender.updates(dup_now[i:i + 40])
        # 2. backlog while down (as fast as the producer goes, in live-sized messages: one message per
        #    platform of the whole backlog would span ~90 s of event time, see the report on producer
        #    batching); restart; SIGKILL again during the catch-up
        for i in range(a, b, 40):
            sender.updates(stream[i:min(i + 40, b)])
        sender.producer.flush(30)
        worker.start()
        second = rng.uniform(0.0, 1.5)
        time.sleep(second)
        worker.kill()
        kills.append({"phase": "catch-up", "after_ready_s": round(second, 2)})
        # 3. restart, the rest of the stream, and a late duplicate of earlier ids
        worker.start()
        paced(sender, stream[b:], pace_s * 0.5)
        dup_late = sorted(rng.sample(stream[:b], min(1000, b)), key=lambda u: u.observed_at)
        for i in range(0, len(dup_late), 40):
            sender.updates(dup_late[i:i + 40])
        sender.producer.flush(30)
        published = [*stream[:a], *dup_now, *stream[a:]]
        expected = expected_finals(settings.windows, [*published, *dup_late])
        verdict = wait_for_finals(settings, expected, timeout_s=60)
        diagnosis = {} if verdict.exact else diagnose(settings, worker)
        alive = worker.process is not None and worker.process.poll() is None
    finally:
        sampler.stop()
        sender.close()
        worker.kill()
    return {"seed": seed, "updates": n, "messages": sender.messages,
            "duplicates_published": len(dup_now) + len(dup_late),
            "kills": kills, "peak_rss_mb": round(sampler.peak, 1), "worker_alive": alive, "diagnosis": diagnosis,
            **verdict.summary()}


def crash_trials(run: FaultRun, name: str, trials: int, n: int, pace_s: float) -> None:
    results = []
    for t in range(trials):
        seed = random.SystemRandom().randrange(1 << 30)
        results.append(run_trial(run.broker, run.tmp / f"trial{t}", run.start_worker, n, seed, pace_s))
    exact = sum(1 for r in results if r["exact"])
    run.figures.record(name, trials=trials, exact_trials=exact, updates_per_trial=n,
                       lost=sum(r["lost"] for r in results), double=sum(r["double"] for r in results),
                       peak_rss_mb=max(r["peak_rss_mb"] for r in results), results=results)
    assert exact == trials, [r for r in results if not r["exact"]]
    assert all(r["worker_alive"] for r in results)


@quick_and_soak(
    {"name": "crash_restart", "trials": 1, "n": 20_000, "pace_s": 4.0},
    {"name": "crash_restart_soak", "trials": 4, "n": 100_000, "pace_s": 12.0},
    soak_timeout_s=1800,
)
def test_sigkill_mid_stream_loses_nothing_and_counts_nothing_twice(fault_run: FaultRun,
                                                                   variant: dict[str, Any]) -> None:
    crash_trials(fault_run, **variant)
