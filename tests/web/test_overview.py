"""`/api/overview`'s content from a real window engine, without a broker (milliseconds)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry

from models import Signal
from streams.agents.windows import WindowWorker
from streams.reported import ReportedTable
from streams.telemetry import Telemetry
from streams.web.history import History
from streams.web.overview import health, overview, platform_series, snapshot
from streams.web.views import static_file
from streams.windows import WindowEngine, parse_windows

T0 = 1_709_294_400  # 2024-03-01T12:00:00Z


@dataclass
class Partition:
    engine: WindowEngine
    reported: ReportedTable = field(default_factory=ReportedTable)


@dataclass
class FakeWindowWorker:
    """What the views use of streams.agents.windows.WindowWorker."""

    partitions: dict[int, Partition]
    latest_start: dict[tuple[str, ...], datetime] = field(default_factory=dict)

    # the worker's own queries, over `partitions`
    query = WindowWorker.query
    reported_for = WindowWorker.reported_for

    def flush(self, now: float) -> None:
        """As the worker does: publish (here: drop) the changes, remember the newest start per series."""
        for state in self.partitions.values():
            result = state.engine.flush(now)
            for row in [*result.updates, *result.finals]:
                series = (row.platform, row.metric, row.region or "none", row.unit, row.window)
                self.latest_start[series] = max(row.window_start, self.latest_start.get(series, row.window_start))


class Clock:
    def __init__(self) -> None:
        self.now = float(T0)

    def __call__(self) -> float:
        return self.now


def feed(engine: WindowEngine, platform: str, region: str, minute: int, sessions: float, orders: float,
         gmv: float, users: float) -> None:
    ts = T0 + minute * 60 + 5
    tag = f"{platform}-{region}-{minute}"
    engine.apply(f"{tag}-s", platform, "sessions", region, "count", sessions, ts, True)
    engine.apply(f"{tag}-o", platform, "orders", region, "count", orders, ts, True)
    engine.apply(f"{tag}-g", platform, "gmv", region, "USD" if region == "US" else "AED", gmv, ts, True)
    engine.apply(f"{tag}-u", platform, "active_users", region, "users", users, ts, False)


def worker_with_data() -> tuple[FakeWindowWorker, Clock]:
    clock = Clock()
    engines = {p: WindowEngine(parse_windows("1m:10s,1h:1m"), clock=clock) for p in (0, 1)}
    worker = FakeWindowWorker({p: Partition(e) for p, e in engines.items()})
    feed(engines[0], "tiktok", "US", 0, 2000, 37, 1234.5, 1.5e8)
    feed(engines[1], "noon", "AE", 0, 100, 3, 300, 2e6)
    worker.flush(clock.now)
    return worker, clock


def test_overview_has_every_platform_with_its_latest_window() -> None:
    worker, _ = worker_with_data()
    body = overview(worker, Telemetry().registry, window="1m", last=30, windows=["1m", "1h"],
                    platforms=["noon", "tiktok"])
    by_platform = {p["platform"]: p for p in body["platforms"]}
    assert set(by_platform) == {"tiktok", "noon"}
    tiktok = by_platform["tiktok"]["latest"]
    assert tiktok["window_start"] == "2024-03-01T12:00:00Z"
    assert (tiktok["sessions"], tiktok["orders"], tiktok["conversion_rate"]) == (2000, 37, 1.85)
    assert tiktok["gmv"] == {"USD": 1234.5}
    assert tiktok["active_users"] == 1.5e8
    assert by_platform["noon"]["latest"]["conversion_rate"] == 3.0
    assert by_platform["noon"]["regions"] == ["AE"]
    assert body["window"] == "1m" and body["windows"] == ["1m", "1h"]


def test_history_keeps_windows_the_engine_has_forgotten() -> None:
    worker, clock = worker_with_data()
    engine = worker.partitions[0].engine
    history = History()
    for minute in range(1, 4):
        snapshot(worker, history, ["1m"], None)  # what the views' 2 s timer does
        feed(engine, "tiktok", "US", minute, 1000, 10 * minute, 100, 1e8)
        clock.now = T0 + minute * 60 + 5
        worker.flush(clock.now)
    body = overview(worker, CollectorRegistry(), window="1m", last=30, windows=["1m"], history=history,
                    platforms=["tiktok"])
    points = body["platforms"][0]["series"]
    assert [p["window_start"][11:16] for p in points] == ["12:00", "12:01", "12:02", "12:03"]
    assert [p["conversion_rate"] for p in points] == [1.85, 1.0, 2.0, 3.0]
    short = overview(worker, CollectorRegistry(), window="1m", last=2, windows=["1m"], history=history,
                     platforms=["tiktok"])
    assert [p["ts"] - T0 for p in short["platforms"][0]["series"]] == [120, 180]


def test_platforms_are_found_without_being_named() -> None:
    worker, _ = worker_with_data()
    worker.latest_start.clear()
    worker.latest_start[("tiktok", "orders", "US", "count", "1m")] = datetime.now(UTC)
    telemetry = Telemetry()
    telemetry.metric_total.labels("noon", "orders", "AE", "count").inc(3)
    body = overview(worker, telemetry.registry, window="1m", last=5, windows=["1m"])
    assert [p["platform"] for p in body["platforms"]] == ["noon", "tiktok"]


def test_ratio_of_sums_across_regions_and_article_figures_stay_out_of_sums() -> None:
    clock = Clock()
    engine = WindowEngine(parse_windows("1m:10s"), clock=clock)
    feed(engine, "amazon", "US", 0, 1000, 10, 100, 5e7)
    feed(engine, "amazon", "AE", 0, 3000, 90, 50, 1e6)
    engine.apply("article-gmv", "amazon", "gmv", None, "USD", 9e9, T0 + 20, False)
    series = platform_series(engine.query("amazon", window="1m", last=5), 5)
    point = series["points"][-1]
    assert point["conversion_rate"] == 2.5  # 100 orders / 4000 sessions, not the mean of 1% and 3%
    assert point["gmv"] == {"AED": 50.0, "USD": 100.0}
    assert point["active_users"] == 5.1e7
    assert series["regions"] == ["AE", "US"]


def test_reported_figures_come_with_their_sources() -> None:
    worker, _ = worker_with_data()
    signal = Signal(signal_id="art-1-0-4", origin="article", platform="tiktok", metric="conversion_rate",
                    value=1.85, unit="percent", observed_at=datetime(2024, 3, 1, 12, tzinfo=UTC), period="2023",
                    source="Momentum Works", article_id="seed-001")
    worker.partitions[0].reported.update(signal)
    body = overview(worker, CollectorRegistry(), window="1m", last=5, windows=["1m"], platforms=["tiktok"])
    [row] = body["platforms"][0]["reported"]
    assert (row["metric"], row["value"], row["unit"], row["period"], row["kind"], row["source"]) == (
        "conversion_rate", 1.85, "percent", "2023", "actual", "Momentum Works")


def test_health_sums_the_registry_and_drops_the_topic_prefix() -> None:
    t = Telemetry()
    t.processed.labels(topic="p-metric-updates").inc(5)
    t.processed.labels(topic="p-signals").inc(7)
    t.published.labels(topic="p-signals").inc(7)
    t.dead_letters.labels(topic="p-metric-updates", reason="invalid").inc(2)
    t.late.labels(topic="p-signals", platform="noon").inc()
    t.broker_connected.set(1)
    t.end_to_end_latency.observe(0.5)
    t.end_to_end_latency.observe(1.5)
    h = health(t.registry, "p-")
    assert (h["processed"], h["published"], h["dead_letters"], h["late"]) == (12, 7, 2, 1)
    assert h["processed_by_topic"] == {"metric-updates": 5, "signals": 7}
    assert h["dead_letters_by_reason"] == {"invalid": 2}
    assert h["broker_connected"] is True and h["mean_end_to_end_s"] == 1.0


def test_static_files_are_served_and_nothing_outside_them() -> None:
    page = static_file("index.html")
    assert page is not None and page[1] == "text/html" and b"/static/app.js" in page[0]
    script = static_file("vendor/uplot/uPlot.iife.min.js")
    assert script is not None and script[1] == "text/javascript"
    for bad in ("../views.py", "vendor/../../views.py", "", "/etc/passwd", "vendor//x", ".hidden", "nope.js"):
        assert static_file(bad) is None, bad
