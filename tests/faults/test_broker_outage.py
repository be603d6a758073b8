"""Broker outage: a dedicated broker on S3 storage (moto) is stopped for 20 s and restarted while a
worker runs. The worker reconnects by itself, says so once in its log (no flood), shows
`souq_broker_connected 0.0` during the outage and counts the disconnect, and updates published
after the restart are aggregated: the finals of the whole stream equal the reference.

`memory://` storage, the embedded broker's default, loses everything on restart: documented below.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from streams.broker import EmbeddedBroker
from streams.kafka_io import admin
from tests.faults.conftest import Figures, MotoS3, fault_settings
from tests.faults.support import Sender, diagnose, expected_finals, make_stream, metric_value, wait_for_finals
from tests.support.worker import WorkerProcess, read_topic, wait_for

pytestmark = pytest.mark.broker

OUTAGE_S = 20.0


def log_lines(worker: WorkerProcess) -> list[str]:
    return worker.log_path.read_text(errors="replace").splitlines()


def test_worker_rides_out_a_20s_broker_outage(
    moto_s3: MotoS3, dedicated_broker: Callable[..., EmbeddedBroker], tmp_path: Path,
    start_worker: Callable[..., WorkerProcess], figures: Figures
) -> None:
    storage = moto_s3.bucket(f"outage-{uuid.uuid4().hex[:8]}")
    broker = dedicated_broker(storage=storage, env=moto_s3.env())
    settings = fault_settings(broker.bootstrap, tmp_path)
    worker = start_worker(settings)
    stream = make_stream(4000, seed=11, minutes=4)
    before, after = stream[:2000], stream[2000:]
    sender = Sender(settings)
    sender.updates(before)
    sender.producer.flush(30)
    sender.close()
    wait_for(lambda: metric_value(worker.metrics(), "souq_broker_connected") == 1.0, timeout_s=20,
             what="souq_broker_connected 1")
    # the first half is aggregated before the outage (its last minute stays open: later events follow)
    wait_for(lambda: (metric_value(worker.metrics(), "souq_events_processed_total",
                                   {"topic": settings.topic_prefix + "metric-updates"}) or 0) > 0, timeout_s=30,
             what="metric updates processed")
    lines_before = len(log_lines(worker))

    broker.stop()
    down_at = time.monotonic()
    samples: list[tuple[float, float | None, float | None]] = []
    while time.monotonic() - down_at < OUTAGE_S:
        text = worker.metrics()
        samples.append((round(time.monotonic() - down_at, 1), metric_value(text, "souq_broker_connected"),
                        metric_value(text, "souq_broker_disconnects_total")))
        time.sleep(1.0)
    lines_during = len(log_lines(worker)) - lines_before
    assert worker.process is not None and worker.process.poll() is None, worker.log_tail()
    broker.start()
    up_at = time.monotonic()

    wait_for(lambda: metric_value(worker.metrics(), "souq_broker_connected") == 1.0, timeout_s=30,
             what="souq_broker_connected back to 1")
    reconnected_s = time.monotonic() - up_at
    sender = Sender(settings)
    sender.updates(after)
    sender.producer.flush(60)
    sender.close()
    expected = expected_finals(settings.windows, stream)
    verdict = wait_for_finals(settings, expected, timeout_s=120)
    lines_total = len(log_lines(worker)) - lines_before
    text = worker.metrics()
    log = log_lines(worker)
    unreachable = [line for line in log if "unreachable; the worker keeps retrying" in line]
    back = [line for line in log if "reachable again" in line]
    figures.record("broker_outage", outage_s=OUTAGE_S, connected_samples=samples,
                   reconnected_after_s=round(reconnected_s, 1),
                   log_lines_during_outage=lines_during, log_lines_outage_to_end=lines_total,
                   unreachable_lines=len(unreachable), reachable_again_lines=len(back),
                   disconnects_total=metric_value(text, "souq_broker_disconnects_total"),
                   trials=1, exact_trials=int(verdict.exact), lost=verdict.lost, double=verdict.double,
                   diagnosis=None if verdict.exact else diagnose(settings, worker), **{"finals": verdict.summary()})
    assert any(connected == 0.0 for _, connected, _ in samples), samples
    assert (metric_value(text, "souq_broker_disconnects_total") or 0) >= 1
    assert metric_value(text, "souq_broker_connected") == 1.0
    assert len(unreachable) == 1 and len(back) == 1, (unreachable, back)
    assert lines_during <= 40, "\n".join(log_lines(worker)[lines_before:lines_before + 60])
    assert worker.process.poll() is None, worker.log_tail()
    assert verdict.exact, verdict.summary()


def test_memory_storage_loses_everything_on_restart(dedicated_broker: Callable[..., EmbeddedBroker],
                                                     tmp_path: Path, figures: Figures) -> None:
    """Documentation: with `memory://` a broker restart drops topics and records (use s3:// to keep them)."""
    broker = dedicated_broker(storage="memory://tansu/")
    settings = fault_settings(broker.bootstrap, tmp_path)
    sender = Sender(settings)
    sender.send(b"kept?", key=b"k")
    sender.results()
    sender.close()
    assert len(read_topic(settings, settings.topic_prefix + "metric-updates")) == 1
    broker.stop()
    broker.start()
    client = admin(settings)
    try:
        topics = set(client.list_topics())
    finally:
        client.close()
    figures.record("memory_storage_restart", topics_after_restart=len(topics))
    assert settings.topic_prefix + "metric-updates" not in topics


def test_sigterm_with_the_broker_away_still_stops_the_worker(
    dedicated_broker: Callable[..., EmbeddedBroker], tmp_path: Path, start_worker: Callable[..., WorkerProcess]
) -> None:
    """The last state commit cannot go out: the worker waits `stop_timeout_s` for it, says so, and
    exits 0 (it used to wait forever, its state commit and Faust's consumer thread both retrying)."""
    broker = dedicated_broker()
    settings = fault_settings(broker.bootstrap, tmp_path)
    worker = start_worker(settings)
    sender = Sender(settings)
    sender.updates(make_stream(2000, seed=3, minutes=2))
    sender.producer.flush(30)
    sender.close()
    wait_for(lambda: (metric_value(worker.metrics(), "souq_events_processed_total",
                                   {"topic": settings.topic_prefix + "metric-updates"}) or 0) > 0, timeout_s=30,
             what="metric updates processed")
    broker.stop()
    stopping = time.monotonic()
    worker.stop(timeout_s=60)
    took = time.monotonic() - stopping
    assert worker.process is not None and worker.process.returncode == 0, worker.log_tail()
    assert took < 3 * settings.stop_timeout_s + 15, took
    assert "the last state commit did not go out" in worker.log_path.read_text(errors="replace")
