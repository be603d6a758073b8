"""Shared pieces of the fault tests: a known input stream, its brute-force reference, the
comparison of what the worker published against it, and process probes (RSS, metrics).

Exactness is judged on `aggregates-final` (last value per key, so a final re-published after a
crash is harmless): every window cell the reference has must be there with the same count and
value, and there must be nothing else. `lost` / `double` are counted in input updates.
"""

from __future__ import annotations

import math
import random
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from models import MetricUpdate, encode, encode_many
from models.aggregate import window_key
from streams.kafka_io import producer
from streams.settings import Settings
from streams.topics import topic_names
from streams.windows import parse_windows
from tests.support.worker import WorkerProcess, read_topic
from tests.windows.reference import Event, reference

PLATFORMS = ("tiktok", "shopee", "noon", "amazon", "lazada", "temu", "shein", "qvc")
METRICS = (("sessions", "count"), ("orders", "count"), ("gmv", "USD"), ("active_users", "users"))


def floor_minute(at: datetime) -> datetime:
    return at.replace(second=0, microsecond=0)


def make_stream(n: int, seed: int, minutes: int = 5, platforms: Sequence[str] = PLATFORMS,
                end: datetime | None = None) -> list[MetricUpdate]:
    """`n` updates with unique ids and strictly increasing event times over `minutes` past minutes.

    The last event sits at second ~59 of its minute, so with a small grace and idle close the
    last window closes seconds after the stream ends instead of a minute later.
    """
    rng = random.Random(seed)
    stop = floor_minute(end or datetime.now(UTC)) - timedelta(minutes=1)
    start = stop - timedelta(minutes=minutes)
    span_us = minutes * 60_000_000 - 1_000_000
    made = []
    for i in range(n):
        at = start + timedelta(microseconds=span_us * i // n)
        metric, unit = METRICS[rng.randrange(len(METRICS))]
        value = float(rng.randint(0, 500)) if metric != "active_users" else float(rng.randint(1000, 90000))
        made.append(MetricUpdate(platform=platforms[i % len(platforms)], metric=metric, value=value, unit=unit,
                                 observed_at=at, region="US", update_id=f"s{seed}-{i}"))
    return made


def to_events(updates: Iterable[MetricUpdate]) -> list[Event]:
    from models import Signal

    events = []
    for u in updates:
        s = Signal.from_update(u)
        events.append(Event(s.signal_id, s.platform, s.metric, s.region, s.unit, s.value,
                            s.observed_at.timestamp(), s.is_increment))
    return events


def expected_finals(windows: str, published: Sequence[MetricUpdate], only: str | None = None) -> dict[str, dict]:
    """Brute-force finals, keyed like `aggregates-final`, for the updates in publish order."""
    specs = [s for s in parse_windows(windows) if only is None or s.name == only]
    _, cells = reference(specs, to_events(published))
    out = {}
    for (name, platform, metric, region, unit, start), fields_ in cells.items():
        stamp = datetime.fromtimestamp(start, UTC)
        out[window_key(name, platform, metric, region, unit, fields_["kind"], stamp)] = fields_
    return out


def latest_rows(settings: Settings, topic: str, idle_ms: int = 800) -> tuple[dict[str, dict], int]:
    """Last value per key on `topic`, and how many records were read."""
    rows: dict[str, dict] = {}
    n = 0
    for key, value in read_topic(settings, topic, idle_ms=idle_ms):
        n += 1
        if key is not None:
            rows[key.decode()] = orjson.loads(value)
    return rows, n


@dataclass
class Verdict:
    expected_keys: int
    got_keys: int
    records_read: int
    lost: int = 0
    double: int = 0
    wrong_values: int = 0
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        return not (self.lost or self.double or self.wrong_values or self.missing or self.extra)

    def summary(self) -> dict[str, Any]:
        return {"exact": self.exact, "expected_keys": self.expected_keys, "got_keys": self.got_keys,
                "final_records_read": self.records_read, "lost": self.lost, "double": self.double,
                "wrong_values": self.wrong_values, "missing": self.missing[:5], "extra": self.extra[:5],
                "wrong": self.wrong[:5]}


def compare(expected: dict[str, dict], got: dict[str, dict], records: int = 0,
            window_prefix: str | None = None) -> Verdict:
    if window_prefix is not None:
        got = {k: v for k, v in got.items() if k.startswith(window_prefix + "|")}
    v = Verdict(expected_keys=len(expected), got_keys=len(got), records_read=records)
    for key, want in expected.items():
        row = got.get(key)
        if row is None:
            v.missing.append(key)
            if want["kind"] != "derived":
                v.lost += want["count"]
            continue
        diff = row["count"] - want["count"]
        if want["kind"] != "derived":
            v.lost += max(0, -diff)
            v.double += max(0, diff)
        same = math.isclose(row["value"], want["value"], rel_tol=1e-9, abs_tol=1e-9)
        if not same or diff:
            v.wrong_values += 1
            v.wrong.append(f"{key}: got value={row['value']} count={row['count']}, "
                           f"want value={want['value']} count={want['count']}")
        if not row.get("final", False):
            v.wrong.append(f"{key}: not marked final")
            v.wrong_values += 1
    for key, row in got.items():
        if key not in expected:
            v.extra.append(key)
            if row.get("kind") != "derived":
                v.double += int(row.get("count", 0))
    return v


def wait_for_finals(settings: Settings, expected: dict[str, dict], timeout_s: float,
                    window_prefix: str | None = None) -> Verdict:
    """Poll `aggregates-final` until it is exact or stops changing after covering every key."""
    names = topic_names(settings)
    deadline = time.monotonic() + timeout_s
    verdict = None
    while True:
        rows, n = latest_rows(settings, names.aggregates_final)
        verdict = compare(expected, rows, n, window_prefix)
        if verdict.exact or time.monotonic() > deadline:
            return verdict
        time.sleep(1.0)


class Sender:
    """kafka-python producer on `metric-updates` that remembers (partition, offset) per message."""

    def __init__(self, settings: Settings, **options: Any) -> None:
        self.settings = settings
        self.topic = topic_names(settings).metric_updates
        self.producer = producer(settings, **options)
        self.futures: list[tuple[Any, Any]] = []
        self.messages = 0

    def send(self, value: bytes | None, key: bytes | None = None, tag: Any = None) -> None:
        self.futures.append((tag, self.producer.send(self.topic, key=key, value=value)))
        self.messages += 1

    def updates(self, batch: Sequence[MetricUpdate]) -> None:
        for key, value in self.encoded(batch):
            self.send(value, key=key)

    @staticmethod
    def encoded(batch: Sequence[MetricUpdate]) -> list[tuple[bytes, bytes]]:
        """(key, value) of one message per platform group, as the Publisher does (single record or array)."""
        groups: dict[str, list[MetricUpdate]] = {}
        for u in batch:
            groups.setdefault(u.platform, []).append(u)
        return [(platform.encode(), encode(group[0]) if len(group) == 1 else encode_many(group))
                for platform, group in groups.items()]

    def results(self, timeout_s: float = 60.0) -> list[tuple[Any, Any, Exception | None]]:
        """(tag, metadata, error) per message sent, in order."""
        self.producer.flush(timeout_s)
        out = []
        for tag, future in self.futures:
            try:
                out.append((tag, future.get(timeout_s), None))
            except Exception as error:
                out.append((tag, None, error))
        return out

    def close(self) -> None:
        self.producer.close(10)


def paced(sender: Sender, updates: Sequence[MetricUpdate], seconds: float, chunk: int = 40) -> None:
    """Publish `updates` in chunks spread evenly over `seconds` of wall time."""
    chunks = [updates[i:i + chunk] for i in range(0, len(updates), chunk)]
    started = time.monotonic()
    for i, part in enumerate(chunks):
        sender.updates(part)
        due = started + seconds * (i + 1) / max(1, len(chunks))
        pause = due - time.monotonic()
        if pause > 0:
            time.sleep(pause)
    sender.producer.flush(30)


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class RssSampler(threading.Thread):
    """Samples VmRSS of whatever process `worker` runs now (it may be restarted) every `every_s`."""

    def __init__(self, workers: Sequence[WorkerProcess], every_s: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.workers = workers
        self.every_s = every_s
        self.samples: list[tuple[float, float]] = []
        self._halt = threading.Event()
        self.t0 = time.monotonic()

    def run(self) -> None:
        while not self._halt.is_set():
            total = 0.0
            for w in self.workers:
                if w.process is not None and w.process.poll() is None:
                    total = max(total, rss_mb(w.process.pid))
            if total:
                self.samples.append((time.monotonic() - self.t0, total))
            self._halt.wait(self.every_s)

    def stop(self) -> float:
        self._halt.set()
        self.join(5)
        return self.peak

    @property
    def peak(self) -> float:
        return max((mb for _, mb in self.samples), default=0.0)


def samples(exposition: str, name: str, labels: dict[str, str] | None = None) -> Iterator[float]:
    """Values of the samples of `name` in the Prometheus text exposition whose labels all match."""
    for line in exposition.splitlines():
        m = re.match(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})?\s+(\S+)$", line)
        if not m or m.group(1) != name:
            continue
        got = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(3) or ""))
        if labels and any(got.get(k) != v for k, v in labels.items()):
            continue
        yield float(m.group(4))


def metric_value(exposition: str, name: str, labels: dict[str, str] | None = None) -> float | None:
    """The value of the first matching sample, or None."""
    return next(samples(exposition, name, labels), None)


def metric_sum(exposition: str, name: str, labels: dict[str, str] | None = None) -> float:
    return sum(samples(exposition, name, labels))


def diagnose(settings: Settings, worker: WorkerProcess | None = None) -> dict[str, Any]:
    """Figures that say where records went when a trial is not exact."""
    names = topic_names(settings)
    out: dict[str, Any] = {}
    for topic in (names.metric_updates, names.signals, names.late_signals, names.dead_letters, names.changelog):
        records = read_topic(settings, topic, idle_ms=500)
        items = 0
        for _, value in records:
            if value and value[:1] == b"[":
                items += len(orjson.loads(value))
            else:
                items += 1
        out[topic.removeprefix(settings.topic_prefix)] = {"records": len(records), "items": items}
    out["signals_order"] = signals_order(settings)
    late = [orjson.loads(v) for _, v in read_topic(settings, names.late_signals, idle_ms=500)]
    if late:
        times = sorted(x["observed_at"] for x in late)
        out["late_observed_at"] = [times[0], times[len(times) // 2], times[-1]]
    if worker is not None and worker.process is not None and worker.process.poll() is None:
        try:
            text = worker.metrics()
            for name in ("souq_events_processed_total", "souq_late_events_total", "souq_duplicates_total",
                         "souq_dead_letters_total", "souq_events_published_total"):
                out[name] = metric_sum(text, name)
        except OSError as error:
            out["metrics_error"] = str(error)
    return out


def signals_order(settings: Settings, grace_s: float = 5.0) -> dict[str, Any]:
    """Per `signals` partition: first-seen signals that arrived more than the grace behind the newest."""
    from kafka import TopicPartition

    from streams.kafka_io import consumer

    names = topic_names(settings)
    source = consumer(settings, timeout_ms=500)
    parts = [TopicPartition(names.signals, p) for p in range(settings.partitions)]
    source.assign(parts)
    source.seek_to_beginning()
    seen: set[str] = set()
    newest: dict[int, float] = {}
    behind: dict[int, int] = {}
    first_behind: dict[int, Any] = {}
    try:
        for m in source:
            for s in orjson.loads(m.value):
                if s["signal_id"] in seen:
                    continue
                seen.add(s["signal_id"])
                ts = datetime.fromisoformat(s["observed_at"].replace("Z", "+00:00")).timestamp()
                top = newest.get(m.partition, ts)
                if ts < top - grace_s:
                    behind[m.partition] = behind.get(m.partition, 0) + 1
                    first_behind.setdefault(m.partition, (m.offset, s["platform"], s["observed_at"], top))
                newest[m.partition] = max(top, ts)
    finally:
        source.close()
    return {"unique": len(seen), "behind_by_partition": behind, "first_behind": first_behind}
