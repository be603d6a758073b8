"""When wall time counts as idle time for the windows' idle close (`streams.agents.window_idle.IdleClock`).

Only time spent waiting for input that is not there counts. Time the broker was away, the
seconds after it is back, and time the stage spent handling a batch or waiting for its
output to be delivered are held, so a slow delivery cannot close windows whose last signals
are still on their way. No broker is needed: the app is built, not started.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.agents.window_idle import REFETCH_HOLD_S
from streams.agents.windows import WindowWorker
from streams.app import create_app
from streams.settings import Settings


@pytest.fixture
def worker(tmp_path: Path) -> WindowWorker:
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1", store="memory", state_dir=tmp_path)
    made = WindowWorker(create_app(settings))
    made._update_hold(1000.0)  # the first tick only starts the clock
    return made


def test_idle_time_is_not_held(worker: WindowWorker) -> None:
    worker._update_hold(1005.0)
    assert worker.idle.held == 0.0


def test_time_spent_handling_and_delivering_is_held(worker: WindowWorker) -> None:
    worker.idle.busy = 3.5  # a batch took 3.5 s, most of it waiting for its output to be delivered
    worker._update_hold(1005.0)
    assert worker.idle.held == 3.5
    worker._update_hold(1006.0)  # counted once
    assert worker.idle.held == 3.5


def test_busy_time_is_held_at_most_for_the_interval(worker: WindowWorker) -> None:
    worker.idle.busy = 9.0  # a batch that began before the last tick
    worker._update_hold(1002.0)
    assert worker.idle.held == 2.0


def test_an_outage_and_the_refetch_after_it_are_held(worker: WindowWorker) -> None:
    worker.pipeline.broker_reachable = False
    worker._update_hold(1020.0)
    assert worker.idle.held == 20.0
    worker.pipeline.broker_reachable = True
    worker._update_hold(1020.0 + REFETCH_HOLD_S - 1)
    assert worker.idle.held == 20.0 + REFETCH_HOLD_S - 1
    worker._update_hold(1030.0 + REFETCH_HOLD_S)
    assert worker.idle.held == 20.0 + REFETCH_HOLD_S - 1
