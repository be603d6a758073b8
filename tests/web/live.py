"""Feed a running worker so the live page has something to draw: a few minutes of metric
updates published minute by minute (each one seen by the page's history before the next closes
it), article figures for the reported table, and waits on `/api/overview`.

Shared by tests/web/test_live_page.py and the scripts that picture `make run`
(scripts/screenshots.py, scripts/prometheus_graph.py), which also start their broker and worker
with `demo_worker` and run the demo feed with `demo_feed_running`.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from models import MetricUpdate, Signal, encode
from models.vocab import Kind, Qualifier
from streams.broker import EmbeddedBroker, free_port
from streams.demo import feed
from streams.kafka_io import ensure_topics
from streams.publisher import Publisher
from streams.settings import Settings
from tests.support.worker import WorkerProcess, wait_for


def minute_start(at: datetime) -> datetime:
    return at.replace(second=0, microsecond=0)


def updates(platform: str, region: str, currency: str, at: datetime, sessions: list[int], orders: list[int],
            gmv: float, active_users: float, tag: str) -> list[MetricUpdate]:
    """One minute of one platform: sessions and orders in several updates, GMV and a users gauge."""
    made = []
    common: dict[str, Any] = {"platform": platform, "region": region, "observed_at": at, "source": "test"}
    for i, (s, o) in enumerate(zip(sessions, orders, strict=True)):
        made.append(MetricUpdate(metric="sessions", value=float(s), unit="count", update_id=f"{tag}-s{i}", **common))
        made.append(MetricUpdate(metric="orders", value=float(o), unit="count", update_id=f"{tag}-o{i}", **common))
    made.append(MetricUpdate(metric="gmv", value=gmv, unit=currency, update_id=f"{tag}-g", **common))
    made.append(MetricUpdate(metric="active_users", value=active_users, unit="users", update_id=f"{tag}-u", **common))
    return made


def article_figure(platform: str, metric: str, value: float, unit: str, source: str, article_id: str,
                   observed_at: datetime, *, qualifier: Qualifier = "exact", period: str | None = None,
                   kind: Kind = "actual", span: tuple[int, int] = (0, 1)) -> Signal:
    """A signal as the articles agent makes it from one figure (published straight to `signals`)."""
    return Signal(signal_id=f"art-{article_id}-{span[0]}-{span[1]}", origin="article", platform=platform,
                  metric=metric, value=value, unit=unit, observed_at=observed_at, qualifier=qualifier,
                  kind=kind, period=period, source=source, article_id=article_id, span=span, confidence=0.9)


def publish_signals(publisher: Publisher, signals: Iterable[Signal]) -> None:
    for signal in signals:
        publisher.raw(publisher.names.signals, encode(signal), key=signal.platform.encode())
    publisher.flush()


def overview(worker: WorkerProcess, window: str = "1m", last: int = 30) -> dict[str, Any]:
    result: dict[str, Any] = worker.json(f"/api/overview?window={window}&last={last}")
    return result


def window_starts(body: dict[str, Any]) -> dict[str, set[str]]:
    return {p["platform"]: {pt["window_start"] for pt in p["series"]} for p in body["platforms"]}


def wait_for_window(worker: WorkerProcess, platforms: Iterable[str], start: datetime, window: str = "1m",
                    timeout_s: float = 20.0) -> dict[str, Any]:
    """Until `/api/overview` shows the window starting at `start` for every platform (which also
    records it into the page's history before a later minute closes it)."""
    stamp = start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    wanted = list(platforms)

    def seen() -> dict[str, Any] | None:
        body = overview(worker, window)
        starts = window_starts(body)
        return body if all(stamp in starts.get(p, set()) for p in wanted) else None

    result: dict[str, Any] = wait_for(seen, timeout_s=timeout_s, interval_s=0.1, what=f"window {stamp} of {wanted}")
    return result


def minutes_back(now: datetime, count: int, offset_s: int = 30) -> list[datetime]:
    """Event times in the `count` minutes before the current one (oldest first), `offset_s` into each."""
    start = minute_start(now)
    return [start - timedelta(minutes=k) + timedelta(seconds=offset_s) for k in range(count, 0, -1)]


DEMO_PLATFORMS = ["tiktok", "facebook", "instagram", "snapchat", "shopee", "noon"]
"""What `make run` publishes, and what the scripts that picture it publish."""
DEMO_RATE = 2.0
"""Demo ticks a second, as `make run` publishes them."""


def live_feed(settings: Settings, stop: threading.Event, seed: int) -> None:
    """The demo feed with event time now, until `stop` is set (run it in a thread)."""
    with Publisher(settings, batch_size=100) as publisher:
        for batch in feed(DEMO_PLATFORMS, rate=DEMO_RATE, seed=seed):
            publisher.metrics(batch)
            publisher.flush()
            if stop.is_set():
                return


@contextmanager
def demo_feed_running(settings: Settings, seed: int) -> Iterator[None]:
    """`live_feed` in a thread for the duration of the block."""
    stop = threading.Event()
    thread = threading.Thread(target=live_feed, args=(settings, stop, seed), daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(10)


@contextmanager
def demo_worker(name: str) -> Iterator[tuple[Settings, WorkerProcess]]:
    """The embedded broker on a free port and a worker on it (topics `<name>-*`, app `souq-<name>`,
    in-memory state, logs in a temporary directory), both stopped when the block ends."""
    with tempfile.TemporaryDirectory(prefix=f"souq-{name}-") as tmp:
        root = Path(tmp)
        broker = EmbeddedBroker(port=free_port(), log_path=root / "tansu.log").start()
        worker: WorkerProcess | None = None
        try:
            settings = Settings(kafka_bootstrap_servers=broker.bootstrap, topic_prefix=f"{name}-",
                                app_id=f"souq-{name}", web_port=free_port(), state_dir=root / "state",
                                store="memory", session_timeout_s=6.0, flush_interval_s=0.2)
            ensure_topics(settings)
            worker = WorkerProcess(settings, root / "worker.log").start()
            print(f"worker on {worker.url}", flush=True)
            yield settings, worker
        finally:
            if worker is not None:
                worker.kill()
            broker.stop()
