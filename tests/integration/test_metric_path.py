"""Metric updates published with kafka-python come out on `aggregates` exact, and on /metrics."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import orjson

from models import DeadLetter, MetricUpdate, decode, encode
from streams.agents.publishing import signal_partition
from streams.publisher import Publisher
from streams.settings import Settings
from tests.support.worker import WorkerProcess, read_topic, wait_for


def minute_ago() -> datetime:
    """A window start in the past; events sit near its end so that the idle wall-clock fallback
    (event time advancing with the wall clock once a partition is idle) closes it within seconds."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    return now - timedelta(minutes=2)


def updates(start: datetime, platform: str, sessions: list[int], orders: list[int]) -> list[MetricUpdate]:
    made = []
    for i, (s, o) in enumerate(zip(sessions, orders, strict=True)):
        at = start + timedelta(seconds=52 + i)
        made.append(MetricUpdate(platform=platform, metric="sessions", value=float(s), unit="count",
                                 observed_at=at, region="US", update_id=f"{platform}-s-{i}"))
        made.append(MetricUpdate(platform=platform, metric="orders", value=float(o), unit="count",
                                 observed_at=at, region="US", update_id=f"{platform}-o-{i}"))
    return made


def latest_rows(settings: Settings, topic: str) -> dict[str, dict[str, object]]:
    rows: dict[str, dict[str, object]] = {}
    for key, value in read_topic(settings, topic, idle_ms=800):
        if key is not None:
            rows[key.decode()] = orjson.loads(value)
    return rows


def test_updates_aggregate_exactly_with_dead_letters_beside_them(
    make_settings: Callable[..., Settings], start_worker: Callable[..., WorkerProcess]
) -> None:
    settings = make_settings(windows="1m:5s", idle_close_s=2.0)
    worker = start_worker(settings)
    start = minute_ago()
    names = worker.names
    with Publisher(settings, batch_size=3) as publisher:
        # 37 orders over 2,000 sessions in one minute, in single and batched messages
        publisher.metrics(updates(start, "tiktok", [500, 700, 800], [10, 12, 15]))
        publisher.flush()
        publisher.raw(names.metric_updates, b'{"platform": "tiktok", "metric": "ord', key=b"tiktok")
        publisher.raw(names.metric_updates, b'{"platform": "tiktok", "metric": "clicks", "value": 1, '
                      b'"unit": "count", "observed_at": "2024-03-01T12:00:00Z"}', key=b"tiktok")
        publisher.metrics(updates(start, "noon", [100], [3]))

    key = f"1m|tiktok|conversion_rate|US|percent|derived|{start.strftime('%Y-%m-%dT%H:%M:%SZ')}"

    def converged() -> dict[str, dict[str, object]] | None:
        rows = latest_rows(settings, names.aggregates)
        row = rows.get(key)
        return rows if row and row["value"] == 1.85 else None

    rows = wait_for(converged, timeout_s=60, what="conversion rate 1.85 on aggregates")
    stamp = start.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert rows[f"1m|tiktok|sessions|US|count|counter|{stamp}"]["value"] == 2000.0
    assert rows[f"1m|tiktok|orders|US|count|counter|{stamp}"]["value"] == 37.0
    assert rows[f"1m|tiktok|orders|US|count|counter|{stamp}"]["count"] == 3
    assert rows[f"1m|noon|conversion_rate|US|percent|derived|{stamp}"]["value"] == 3.0

    letters = [decode(value, DeadLetter) for _, value in read_topic(settings, names.dead_letters)]
    reasons = sorted(letter.reason for letter in letters)
    assert reasons == ["invalid", "malformed"]
    invalid = next(letter for letter in letters if letter.reason == "invalid")
    assert "unknown metric 'clicks'" in invalid.detail
    assert invalid.original.startswith(b'{"platform": "tiktok", "metric": "clicks"')
    assert invalid.topic == names.metric_updates

    finals = wait_for(lambda: latest_rows(settings, names.aggregates_final).get(key), timeout_s=30,
                      what="the final conversion rate")
    assert finals["final"] is True and finals["value"] == 1.85

    exposition = worker.metrics()
    gauge = re.search(r'souq_window_value\{kind="derived",metric="conversion_rate",platform="tiktok",region="US",'
                      r'stat="value",unit="percent",window="1m"\} ([0-9.]+)', exposition)
    assert gauge is not None, exposition[:2000]
    assert float(gauge.group(1)) == 1.85
    assert f'souq_dead_letters_total{{reason="invalid",topic="{names.metric_updates}"}} 1.0' in exposition
    assert f'souq_dead_letters_total{{reason="malformed",topic="{names.metric_updates}"}} 1.0' in exposition
    assert worker.process is not None and worker.process.poll() is None

    # the windows stage reads with its own consumer group: it shows on /healthz, its lag on
    # /metrics (drained: 0, for each partition it has read), and its group's committed offsets
    # cover every message published
    assigned = orjson.loads(worker.get("/healthz"))["assigned"]
    assert {f"{names.metric_updates}:{p}" for p in range(settings.partitions)} <= set(assigned)
    assert {f"{names.signals}:{p}" for p in range(settings.partitions)} <= set(assigned)
    lags = re.findall(rf'souq_consumer_lag\{{partition="\d+",topic="{names.metric_updates}"\}} ([0-9.]+)', exposition)
    assert lags and all(float(lag) == 0.0 for lag in lags), exposition[-3000:]
    published = len(read_topic(settings, names.metric_updates))
    assert committed_total(settings, f"{settings.app_id}-windows", names.metric_updates) == published
    # one hop: updates keyed by platform are windowed where they are read; nothing crosses `signals`
    assert read_topic(settings, names.signals) == []
    assert f'souq_repartitioned_total{{topic="{names.metric_updates}"}} 0.0' in exposition


def test_updates_on_the_wrong_partition_take_the_hop_through_signals_and_are_counted(
    make_settings: Callable[..., Settings], start_worker: Callable[..., WorkerProcess]
) -> None:
    """A producer that does not key by platform: every update still lands in its platform's one
    state (the windows stay exact), by way of `signals`, and /metrics says how many took the hop."""
    settings = make_settings(windows="1m:5s", idle_close_s=2.0)
    worker = start_worker(settings)
    names = worker.names
    start = minute_ago()
    home = signal_partition("tiktok", settings.partitions)
    wrong = (home + 1) % settings.partitions
    batch = updates(start, "tiktok", [500, 700, 800], [10, 12, 15]) + updates(start, "noon", [100], [3])
    with Publisher(settings) as publisher:
        for update in batch:  # every message on one partition, whatever its platform
            publisher.raw(names.metric_updates, encode(update), key=b"any", partition=wrong)
    key = f"1m|tiktok|conversion_rate|US|percent|derived|{start.strftime('%Y-%m-%dT%H:%M:%SZ')}"
    final = wait_for(lambda: latest_rows(settings, names.aggregates_final).get(key), timeout_s=60,
                     what="the final conversion rate")
    assert final["value"] == 1.85 and final["count"] == 6
    crossed = {"tiktok": 6, "noon": 2}
    crossed = {p: n for p, n in crossed.items() if signal_partition(p, settings.partitions) != wrong}
    hopped = [signal for _, value in read_topic(settings, names.signals) for signal in orjson.loads(value)]
    assert sorted(s["platform"] for s in hopped) == sorted(p for p, n in crossed.items() for _ in range(n))
    exposition = worker.metrics()
    assert f'souq_repartitioned_total{{topic="{names.metric_updates}"}} {float(sum(crossed.values()))}' in exposition


def committed_total(settings: Settings, group: str, topic: str) -> int:
    """Sum of a group's committed offsets over the topic's partitions (kafka-python)."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=group, enable_auto_commit=False)
    try:
        return sum(consumer.committed(TopicPartition(topic, p)) or 0 for p in range(settings.partitions))
    finally:
        consumer.close()


def test_redelivered_updates_do_not_change_any_sum(
    make_settings: Callable[..., Settings], start_worker: Callable[..., WorkerProcess]
) -> None:
    settings = make_settings(windows="1m:5s", idle_close_s=2.0)
    names = start_worker(settings).names
    start = minute_ago()
    batch = updates(start, "shopee", [1000, 1000], [20, 30])
    with Publisher(settings, batch_size=2) as publisher:
        publisher.metrics(batch)
        publisher.flush()
        publisher.metrics(batch)  # the same updates again: a producer retry or a replayed file
    key = f"1m|shopee|orders|US|count|counter|{start.strftime('%Y-%m-%dT%H:%M:%SZ')}"
    final = wait_for(lambda: latest_rows(settings, names.aggregates_final).get(key), timeout_s=60,
                     what="the final orders window")
    assert final["value"] == 50.0
    assert final["count"] == 2

