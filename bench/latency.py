"""Publish-to-window-update latency of a running worker at a fixed rate.

Method: single-update messages with event time = now go to `metric-updates` at `rate`/s,
round-robin over the 48 series, each publish time kept per window key in publish order.
A reader on `aggregates` (started at the end of the topic before the first publish) sees
rows with the window's cumulative `count`; a row with count c answers every probe of that
window with index <= c not answered yet, at the wall time the row was read. So latency =
read time - publish time: producer, both agent hops, the flush interval and the reader's
fetch (max wait 10 ms) included. The first `warmup_s` seconds are not counted.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field

import orjson
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from bench.input import SERIES, WINDOW_S, Update, encode_update
from bench.reference import row_key, window_key


@dataclass
class LatencyResult:
    rate_target: float
    rate_achieved: float = 0.0
    probes: int = 0
    counted: int = 0
    """Probes published after the warm-up (each should be answered)."""
    answered: int = 0
    p50_s: float = float("nan")
    p90_s: float = float("nan")
    p99_s: float = float("nan")
    max_s: float = float("nan")
    p50_first_third_s: float = float("nan")
    p50_last_third_s: float = float("nan")
    """Growing from the first to the last third of the probing: the rate was not sustained."""
    method: str = __doc__.split("\n\n")[1].replace("\n", " ") if __doc__ else ""


@dataclass
class _Window:
    published: int = 0
    answered: int = 0
    times: deque[float] = field(default_factory=deque)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(bootstrap: str, updates_topic: str, aggregates_topic: str, rate: float, duration_s: float,
            warmup_s: float = 2.0, drain_s: float = 5.0) -> LatencyResult:
    result = LatencyResult(rate_target=round(rate, 1))
    windows: dict[str, _Window] = {}
    lock = threading.Lock()
    latencies: list[float] = []
    timeline: list[tuple[float, float]] = []
    counting_from = [float("inf")]
    counted = [0]
    stop = threading.Event()

    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None,
                             fetch_max_wait_ms=10, consumer_timeout_ms=100)
    parts = consumer.partitions_for_topic(aggregates_topic) or {0}
    consumer.assign([TopicPartition(aggregates_topic, p) for p in parts])
    consumer.seek_to_end()
    for tp in consumer.assignment():
        consumer.position(tp)

    def read() -> None:
        while not stop.is_set():
            for message in consumer:
                seen = time.time()
                row = orjson.loads(message.value)
                key = row_key(row) if row.get("kind") == "counter" else ""
                with lock:
                    window = windows.get(key)
                    if window is None:
                        continue
                    count = int(row["count"])
                    while window.answered < count and window.times:
                        published = window.times.popleft()
                        window.answered += 1
                        if published >= counting_from[0]:
                            latencies.append(seen - published)
                            timeline.append((published, seen - published))

    reader = threading.Thread(target=read, name="latency-reader", daemon=True)
    reader.start()
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks=1, linger_ms=0)
    nseries = len(SERIES)
    started = time.time()
    counting_from[0] = started + warmup_s
    end = started + duration_s
    sent = 0
    try:
        while True:
            now = time.time()
            if now >= end:
                break
            due = started + sent / rate
            if due > now:
                time.sleep(min(due - now, 0.01))
                continue
            series = sent % nseries
            ts_ms = int(now * 1000)
            update = Update(series, ts_ms, 1.0, f"lat{int(started)}-{sent}")
            key = window_key(SERIES[series].label, ts_ms // 1000 // WINDOW_S * WINDOW_S)
            with lock:
                window = windows.setdefault(key, _Window())
                window.published += 1
                window.times.append(time.time())
            producer.send(updates_topic, key=SERIES[series].platform.encode(), value=encode_update(update))
            sent += 1
            if now >= counting_from[0]:
                counted[0] += 1
        producer.flush()
        result.rate_achieved = round(sent / (time.time() - started), 1)
        deadline = time.time() + drain_s
        while time.time() < deadline:
            with lock:
                if all(not w.times for w in windows.values()):
                    break
            time.sleep(0.1)
    finally:
        stop.set()
        reader.join(2)
        producer.close()
        consumer.close()
    with lock:
        result.probes = sent
        result.counted = counted[0]
        result.answered = len(latencies)
        result.p50_s = round(_percentile(latencies, 0.50), 4)
        result.p90_s = round(_percentile(latencies, 0.90), 4)
        result.p99_s = round(_percentile(latencies, 0.99), 4)
        result.max_s = round(max(latencies), 4) if latencies else float("nan")
        timeline.sort()
        third = len(timeline) // 3
        if third:
            result.p50_first_third_s = round(_percentile([x for _, x in timeline[:third]], 0.5), 4)
            result.p50_last_third_s = round(_percentile([x for _, x in timeline[-third:]], 0.5), 4)
    return result
