"""Publish-to-window-update latency of a running worker at a fixed rate.

Method: single-update messages with event time = now go to `metric-updates` at `rate`/s
(aiokafka producer, paced every 5 ms), round-robin over the 48 series, each publish time
kept per window key in publish order. A reader in its own process (so the publisher never
holds it off the CPU) reads `aggregates` from its end and notes, for every counter row, the
window's cumulative `count` and the wall time it read the row; a row with count c answers
every probe of that window with index <= c not answered yet. So latency = read time -
publish time: producer, both stages, the flush interval and the reader's fetch (max wait
10 ms) included. The first `warmup_s` seconds are not counted.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event

import orjson
from aiokafka import AIOKafkaProducer
from kafka import KafkaConsumer, TopicPartition

from bench.input import SERIES, WINDOW_S, Update, encode_update
from bench.reference import row_key, window_key

PACE_S = 0.005


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


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _read_rows(bootstrap: str, topic: str, ready: Event, stop: Event, out: Connection) -> None:
    """Child process: (window key, count, read time) of every counter row until `stop`."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None,
                             fetch_max_wait_ms=10, consumer_timeout_ms=100)
    parts = consumer.partitions_for_topic(topic) or {0}
    consumer.assign([TopicPartition(topic, p) for p in parts])
    consumer.seek_to_end()
    for tp in consumer.assignment():
        consumer.position(tp)
    ready.set()
    rows: list[tuple[str, int, float]] = []
    while not stop.is_set():
        for message in consumer:
            seen = time.time()
            row = orjson.loads(message.value)
            if row.get("kind") == "counter":
                rows.append((row_key(row), int(row["count"]), seen))
    consumer.close()
    out.send(rows)
    out.close()


async def _publish(bootstrap: str, topic: str, rate: float, duration_s: float,
                   published: dict[str, deque[float]]) -> tuple[int, float]:
    """Publish at `rate` for `duration_s`; returns (probes sent, seconds taken)."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks=1, linger_ms=1)
    await producer.start()
    nseries = len(SERIES)
    sent = 0
    futures = []
    started = time.time()
    end = started + duration_s
    try:
        while (now := time.time()) < end:
            due = int((now - started) * rate)
            while sent < due:
                series = sent % nseries
                ts_ms = int(now * 1000)
                update = Update(series, ts_ms, 1.0, f"lat{int(started)}-{sent}")
                key = window_key(SERIES[series].label, ts_ms // 1000 // WINDOW_S * WINDOW_S)
                published.setdefault(key, deque()).append(time.time())
                futures.append(await producer.send(topic, key=SERIES[series].platform.encode(),
                                                   value=encode_update(update)))
                sent += 1
            if len(futures) > 5000:
                await asyncio.gather(*futures)
                futures = []
            await asyncio.sleep(PACE_S)
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    return sent, time.time() - started


def measure(bootstrap: str, updates_topic: str, aggregates_topic: str, rate: float, duration_s: float,
            warmup_s: float = 2.0, drain_s: float = 5.0) -> LatencyResult:
    result = LatencyResult(rate_target=round(rate, 1))
    context = multiprocessing.get_context("spawn")
    ready, stop = context.Event(), context.Event()
    receive, send = context.Pipe(duplex=False)
    reader = context.Process(target=_read_rows, args=(bootstrap, aggregates_topic, ready, stop, send), daemon=True)
    reader.start()
    if not ready.wait(60):
        reader.kill()
        raise TimeoutError("the latency reader did not start")
    published: dict[str, deque[float]] = {}
    started = time.time()
    sent, seconds = asyncio.run(_publish(bootstrap, updates_topic, rate, duration_s, published))
    result.rate_achieved = round(sent / seconds, 1)
    time.sleep(drain_s)
    stop.set()
    rows: list[tuple[str, int, float]] = receive.recv()
    reader.join(10)
    counting_from = started + warmup_s
    result.counted = sum(1 for times in published.values() for at in times if at >= counting_from)
    answered: dict[str, int] = {}
    latencies: list[float] = []
    timeline: list[tuple[float, float]] = []
    for key, count, seen in sorted(rows, key=lambda r: r[2]):
        times = published.get(key)
        done = answered.get(key, 0)
        while times and done < count:
            at = times.popleft()
            done += 1
            if at >= counting_from:
                latencies.append(seen - at)
                timeline.append((at, seen - at))
        answered[key] = done
    result.probes = sent
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
