"""Every dashboard query returns series when Prometheus scrapes an exporter with the
worker's real metric definitions (streams.telemetry.Telemetry) filled with sample data.

This checks labels, recording rules and joins, not only syntax.  The lead's live test
does the same against a real worker; the pattern is:

    with PrometheusServer(targets=[f"127.0.0.1:{port}"]) as prom:
        prom.wait_for_targets()
        for q in all_queries({"platform": "tiktok"}):
            if q.requires is None:
                prom.wait_for(q.expr)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from types import ModuleType

import pytest

from tests.support.prometheus import PrometheusServer, free_port, prometheus_binary

pytestmark = pytest.mark.prometheus

PLATFORMS = {"tiktok": "USD", "noon": "AED"}
REGIONS = ("global", "gcc")
WINDOWS = ("1m", "1h", "1d", "1h/5m", "1d/1h")


def fill(t, tick: int) -> None:  # t: streams.telemetry.Telemetry
    for platform, currency in PLATFORMS.items():
        for region in REGIONS:
            for metric, unit, value in (
                ("sessions", "count", 1000.0 + tick), ("orders", "count", 50.0), ("gmv", currency, 5000.0),
                ("revenue", currency, 500.0), ("active_users", "count", 300.0),
                ("conversion_rate", "percent", 5.0), ("average_order_value", currency, 100.0),
            ):
                for window in WINDOWS:
                    for stat in ("sum", "count", "last", "min", "max", "mean", "value"):
                        t.window_value.labels(platform, metric, region, unit, window, stat).set(value)
                    t.window_change.labels(platform, metric, region, unit, window, "abs").set(10.0)
                    t.window_change.labels(platform, metric, region, unit, window, "pct").set(2.5)
            t.metric_total.labels(platform, "sessions", region, "count").inc(100)
            t.metric_total.labels(platform, "orders", region, "count").inc(5)
            t.metric_total.labels(platform, "gmv", region, currency).inc(300)
            t.metric_total.labels(platform, "revenue", region, currency).inc(30)
            t.late.labels("signals", platform).inc()
        t.reported_value.labels(platform, "gmv", currency, "global", "2023", "target").set(2e10)
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
    queries = dashboards_module.all_queries({"platform": "tiktok"})
    # Everything but history-bound queries: the exporter also produces the sparse series
    # (dead letters, reported figures, window changes); SouqDeadLetters has no `for`,
    # so ALERTS has a firing alert too.
    wanted = [q for q in queries if not (q.requires and "history" in q.requires)]
    assert len(wanted) >= len(queries) - 2
    with PrometheusServer(targets=[exporter]) as prom:
        prom.wait_for_targets(timeout=20)
        deadline = time.monotonic() + 30
        empty = []
        for q in wanted:
            try:
                rows = prom.wait_for(q.expr, timeout=max(0.1, deadline - time.monotonic()))
            except TimeoutError:
                empty.append(f"{q.dashboard} / {q.panel} / {q.ref_id}: {q.expr}")
                continue
            for row in rows:  # no NaN / Inf from empty ratios
                assert row["value"][1] not in ("NaN", "+Inf", "-Inf"), (q.panel, row)
        assert empty == []
        # spot checks on values
        assert prom.value('souq:conversion_rate:1h{platform="tiktok"}') == pytest.approx(5.0)
        assert prom.value('sum(up{job="souq"})') == 1
        table = prom.query(dashboards_module.reported_with_source('platform=~"tiktok"'))
        assert [r["metric"]["source"] for r in table] == ["example-news"]
