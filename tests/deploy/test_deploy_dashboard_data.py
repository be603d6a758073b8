"""Every dashboard query returns series when Prometheus scrapes an exporter with the
worker's real metric definitions (streams.telemetry.Telemetry) filled with sample data.

This checks labels, recording rules and joins, not only syntax, and that panels select
the right `kind` (window sums, gauges and derived ratios of the same metric name carry
different values here).  Every series exists, so even the queries a fresh worker cannot
answer (dead letters, reported figures, window changes) are checked; only the ones that
need a day of history are not.  test_live_prometheus.py does the same against a real worker.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from types import ModuleType

import pytest

from tests.support.grafana import all_queries
from tests.support.prometheus import PrometheusServer, free_port, panel_query_problems, prometheus_binary

pytestmark = pytest.mark.prometheus

PLATFORMS = {"tiktok": "USD", "noon": "AED"}
REGIONS = ("US", "AE", "none")  # "none": a signal without a region
WINDOWS = ("1m", "1h", "1d", "1h/5m", "1d/1h")
# (metric, unit, kind, headline value) as the worker exports them; "CUR" is the platform's currency.
# The gauge rows are figures observed in articles: same metric names, other kind, other
# values, so a panel that forgets to select `kind` shows the wrong number.
SERIES = (
    ("sessions", "count", "counter", 1000.0), ("orders", "count", "counter", 50.0),
    ("gmv", "CUR", "counter", 5000.0), ("revenue", "CUR", "counter", 500.0),
    ("active_users", "users", "gauge", 300.0),
    ("conversion_rate", "percent", "derived", 5.0), ("average_order_value", "CUR", "derived", 100.0),
    ("gmv", "CUR", "gauge", 2e9), ("conversion_rate", "percent", "gauge", 1.85),
)


def fill(t, tick: int) -> None:  # t: streams.telemetry.Telemetry
    for platform, currency in PLATFORMS.items():
        for region in REGIONS:
            for metric, unit, kind, value in SERIES:
                unit = currency if unit == "CUR" else unit
                for window in WINDOWS:
                    for stat in ("sum", "count", "last", "min", "max", "mean", "value"):
                        t.window_value.labels(platform, metric, region, unit, kind, window, stat).set(
                            value + tick if metric == "sessions" else value)
                    t.window_change.labels(platform, metric, region, unit, kind, window, "abs").set(10.0)
                    t.window_change.labels(platform, metric, region, unit, kind, window, "pct").set(
                        -40.0 if kind == "gauge" else 2.5)
            t.metric_total.labels(platform, "sessions", region, "count").inc(100)
            t.metric_total.labels(platform, "orders", region, "count").inc(5)
            t.metric_total.labels(platform, "gmv", region, currency).inc(300)
            t.metric_total.labels(platform, "revenue", region, currency).inc(30)
            t.late.labels("signals", platform).inc()
        t.reported_value.labels(platform, "gmv", currency, "none", "2023", "target").set(2e10)
        t.reported_info.labels(platform, "gmv", "example-news").set(1)
    for topic in ("articles", "metric-updates", "signals"):
        t.processed.labels(topic).inc(50)
        t.published.labels(topic).inc(20)
        t.duplicates.labels(topic).inc()
        t.processing_latency.labels(topic).observe(0.02)
        for partition in range(4):
            t.consumer_lag.labels(topic, str(partition)).set(10 + partition)
    t.dead_letters.labels("articles", "invalid_json").inc()
    t.end_to_end_latency.observe(0.7)
    t.table_keys.labels("windows").set(123)
    t.broker_connected.set(1)
    if tick == 0:
        t.rebalances.inc()


@pytest.fixture(scope="module")
def exporter() -> Iterator[str]:
    telemetry_mod = pytest.importorskip("streams.telemetry")
    from prometheus_client import start_http_server

    telemetry = telemetry_mod.Telemetry()
    fill(telemetry, 0)
    port = free_port()
    server, thread = start_http_server(port, addr="127.0.0.1", registry=telemetry.registry)
    stop = threading.Event()

    def tick() -> None:
        n = 1
        while not stop.wait(0.5):
            fill(telemetry, n)
            n += 1

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    yield f"127.0.0.1:{port}"
    stop.set()
    ticker.join(5)
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_every_dashboard_query_returns_series(exporter: str, dashboards_module: ModuleType) -> None:
    if not prometheus_binary():
        pytest.skip("prometheus not installed (Debian: apt-get install prometheus)")
    queries = all_queries(dashboards_module, {"platform": "tiktok"})
    # Everything but history-bound queries: the exporter also produces the sparse series
    # (dead letters, reported figures, window changes); SouqDeadLetters has no `for`,
    # so ALERTS has a firing alert too.
    wanted = [q for q in queries if not (q.requires and "history" in q.requires)]
    assert len(wanted) >= len(queries) - 2
    with PrometheusServer(targets=[exporter]) as prom:
        prom.wait_for_targets(timeout=20)
        problems = panel_query_problems(prom, wanted, timeout=30)
        assert problems == [], "\n".join(problems)
        # spot checks on values
        assert prom.value('souq:conversion_rate:1h{platform="tiktok"}') == pytest.approx(5.0)
        assert prom.value('sum(up{job="souq"})') == 1
        table = prom.query(dashboards_module.reported_with_source('platform=~"tiktok"'))
        assert [r["metric"]["source"] for r in table] == ["example-news"]
        # panels select the kind: window sums, not the article figures of the same metric
        by_panel = {(q.dashboard, q.panel): q.expr for q in queries}
        platform = "Souq signals / Platform drill-down"
        for panel, expected in (("GMV by region", 5000.0), ("Conversion rate by region", 5.0),
                                ("Average order value by region", 100.0), ("Active users by region", 300.0)):
            rows = prom.query(by_panel[platform, panel])
            assert {r["metric"]["region"] for r in rows} == set(REGIONS), panel
            assert {float(r["value"][1]) for r in rows} == {expected}, (panel, rows)
        gmv_change = prom.query(by_panel["Souq signals / Platforms overview", "GMV change vs previous hour (%)"])
        assert {float(r["value"][1]) for r in gmv_change} == {2.5}
        headline = prom.query(by_panel[platform, "Headline value by metric and region"])
        kinds = {(r["metric"]["metric"], r["metric"]["kind"]) for r in headline}
        assert {("gmv", "counter"), ("gmv", "gauge"), ("conversion_rate", "derived"),
                ("conversion_rate", "gauge"), ("active_users", "gauge")} <= kinds
