"""Debian's Prometheus scraping a real worker on the session broker, with our rule files.

The demo feed (streams.demo) is published in two phases, every update with one fixed event
time inside the current minute, so the 1m window holds all of it whatever the wall clock
does meanwhile (its watermark never passes the window's end).  Prometheus takes its first
sample of the counters after phase 1 (the test waits for it; a platform's phase arrives in
one signals message, so a scrape sees all of it or none), so over the scrapes it has:

* the 1m window's conversion rate, computed by the worker from the window's sums:
  100 * (orders1 + orders2) / (sessions1 + sessions2)                           (a)
* souq:conversion_rate:1h, computed by Prometheus from increase() of the counters, which
  only sees what happened after the first sample: 100 * orders2 / sessions2     (b)

and every dashboard query that needs nothing but a running worker returns series (c).
An article's conversion-rate figure (kind="gauge") for the first platform sits next to the
derived one, so a query that does not select `kind` would return two series.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import pytest

from models import MetricUpdate
from streams.demo import feed
from streams.publisher import Publisher
from streams.settings import Settings
from tests.support.grafana import all_queries
from tests.support.prometheus import PrometheusServer, panel_query_problems, prometheus_binary
from tests.support.worker import WorkerProcess
from tests.web.live import article_figure, publish_signals

pytestmark = [pytest.mark.broker, pytest.mark.prometheus, pytest.mark.timeout(150)]

PLATFORMS = ["tiktok", "noon", "shopee"]  # demo regions US, AE, ID
TICKS = 20  # per phase
ARTICLE_RATE = 1.85  # percent, "reported" for PLATFORMS[0]

Totals = dict[tuple[str, str], float]  # (platform, metric) -> sum of the published values


def phase(updates: Iterator[list[MetricUpdate]], at: datetime, tag: str) -> list[MetricUpdate]:
    """TICKS ticks of the demo feed, moved to event time `at`, plus revenue (10 % of GMV)."""
    out: list[MetricUpdate] = []
    for tick, batch in zip(range(TICKS), updates, strict=False):
        for update in batch:
            out.append(update.model_copy(update={"observed_at": at}))
            if update.metric == "gmv":
                out.append(update.model_copy(update={
                    "observed_at": at, "metric": "revenue", "value": round(update.value * 0.1, 2),
                    "update_id": f"{tag}-{update.platform}-{tick}-r"}))
    return out


def totals(updates: list[MetricUpdate]) -> Totals:
    out: Totals = defaultdict(float)
    for u in updates:
        if u.metric in ("sessions", "orders", "gmv", "revenue"):
            out[u.platform, u.metric] += u.value
    return dict(out)


def rate(t: Totals, platform: str) -> float:
    return 100.0 * t[platform, "orders"] / t[platform, "sessions"]


def by_platform(rows: list[dict[str, Any]]) -> dict[str, float]:
    return {r["metric"]["platform"]: float(r["value"][1]) for r in rows}


def close(got: dict[str, float], want: dict[str, float], rel: float = 1e-9) -> bool:
    return got.keys() == want.keys() and all(got[k] == pytest.approx(want[k], rel=rel) for k in want)


@pytest.fixture
def live(make_settings: Callable[..., Settings],
         start_worker: Callable[..., WorkerProcess]) -> Iterator[tuple[WorkerProcess, PrometheusServer]]:
    if not prometheus_binary():
        pytest.skip("prometheus not installed (Debian: apt-get install prometheus)")
    settings = make_settings(windows="1m:5s,1h:1m", flush_interval_s=0.2, store="memory")
    worker = start_worker(settings)
    with PrometheusServer(targets=[f"127.0.0.1:{settings.web_port}"]) as prom:
        prom.wait_for_targets(timeout=20)
        yield worker, prom


def test_prometheus_over_a_live_worker(live: tuple[WorkerProcess, PrometheusServer],
                                       dashboards_module: ModuleType) -> None:
    worker, prom = live
    at = datetime.now(UTC).replace(microsecond=0)
    window_start = int(at.timestamp()) // 60 * 60
    demo = feed(PLATFORMS, rate=0, seed=11, limit=2 * TICKS)
    first, second = phase(demo, at, "p1"), phase(demo, at, "p2")
    t1, t2 = totals(first), totals(second)
    both = {k: t1[k] + t2[k] for k in t1}

    def counters_are(expected: Totals) -> None:
        want = {f"{p}/{m}": v for (p, m), v in expected.items()}
        prom.wait_for('sum by (platform, metric) (souq_metric_total)', timeout=20, predicate=lambda rows: close(
            {f"{r['metric']['platform']}/{r['metric']['metric']}": float(r["value"][1]) for r in rows}, want))

    with Publisher(worker.settings) as publisher:
        publisher.metrics(first)
        publisher.flush()
        publish_signals(publisher, [article_figure(PLATFORMS[0], "conversion_rate", ARTICLE_RATE, "percent",
                                                   "Momentum Works", "live-prom-1", at)])
        counters_are(t1)  # Prometheus's first samples of the counters
        publisher.metrics(second)
        publisher.flush()
    counters_are(both)

    # (a) the worker's derived conversion rate of the current minute's window
    implied_window = {p: rate(both, p) for p in PLATFORMS}
    derived = 'souq_window_value{metric="conversion_rate", kind="derived", stat="value", window="1m"}'
    rows = prom.wait_for(derived, timeout=15, predicate=lambda r: close(by_platform(r), implied_window))
    assert len(rows) == len(PLATFORMS), rows  # one series per platform: the article's figure is kind="gauge"
    assert {r["metric"]["region"] for r in rows} == {"US", "AE", "ID"}
    sessions = by_platform(prom.query('souq_window_value{metric="sessions", kind="counter", stat="value", '
                                      'window="1m"}'))
    assert close(sessions, {p: both[p, "sessions"] for p in PLATFORMS})
    gauge = prom.query('souq_window_value{metric="conversion_rate", kind="gauge", stat="value", window="1m"}')
    assert by_platform(gauge) == {PLATFORMS[0]: ARTICLE_RATE}
    for platform in PLATFORMS:  # the window the gauges show is the one the events fell in
        windows = worker.json(f"/windows/{platform}?metric=conversion_rate&size=1m&last=5")
        [row] = [w for w in windows if w["kind"] == "derived"]
        assert datetime.fromisoformat(row["window_start"]).timestamp() == window_start
        assert row["value"] == pytest.approx(implied_window[platform], rel=1e-9)

    # (b) the recording rule: increase() since the first sample saw phase 2 only
    implied_rule = {p: rate(t2, p) for p in PLATFORMS}
    rows = prom.wait_for("souq:conversion_rate:1h", timeout=15,
                         predicate=lambda r: close(by_platform(r), implied_rule, rel=1e-6))
    # and it is exactly the rule's expression over the raw counters at the rule's evaluation time
    evaluated_at = float(prom.query("max(timestamp(souq:conversion_rate:1h))")[0]["value"][1])
    raw = prom.query('100 * sum by (platform) (increase(souq_metric_total{metric="orders"}[1h])) '
                     '/ sum by (platform) (increase(souq_metric_total{metric="sessions"}[1h]))', at=evaluated_at)
    rule_at = prom.query("souq:conversion_rate:1h", at=evaluated_at)
    assert close(by_platform(rule_at), by_platform(raw), rel=1e-12)
    assert by_platform(rows) != pytest.approx(implied_window)  # the two definitions differ here
    print(f"1m window starting {datetime.fromtimestamp(window_start, UTC):%H:%M:%S}, rule evaluated at "
          f"{datetime.fromtimestamp(evaluated_at, UTC):%H:%M:%S.%f}")
    window_rows = by_platform(prom.query(derived))
    for p in PLATFORMS:  # pytest -s shows the comparison
        print(f"{p:8} window 1m: {window_rows[p]:.6f} (implied {implied_window[p]:.6f} = 100 * "
              f"{both[p, 'orders']:.0f} / {both[p, 'sessions']:.0f});  souq:conversion_rate:1h: "
              f"{by_platform(rows)[p]:.6f} (implied {implied_rule[p]:.6f} = 100 * {t2[p, 'orders']:.0f} / "
              f"{t2[p, 'sessions']:.0f}; raw counters {by_platform(raw)[p]:.6f})")

    # (c) every dashboard query that needs only a running worker returns series
    queries = [q for q in all_queries(dashboards_module, {"platform": PLATFORMS[0]}) if q.requires is None]
    assert len(queries) > 30
    problems = panel_query_problems(prom, queries, timeout=20)
    assert problems == [], "\n".join(problems)
