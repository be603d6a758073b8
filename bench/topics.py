"""Kafka plumbing for the harness (kafka-python): pre-load and read topics."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import orjson
from kafka import KafkaConsumer, KafkaProducer

from bench.reference import row_key


def preload(bootstrap: str, topic: str, messages: list[tuple[bytes, bytes]]) -> float:
    """Produce every message (keyed: same partitioner as Faust and the Publisher); returns seconds."""
    started = time.perf_counter()
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks=1, linger_ms=20, batch_size=1024 * 1024,
                             max_request_size=16 * 1024 * 1024)
    try:
        for key, value in messages:
            producer.send(topic, key=key, value=value)
        producer.flush()
    finally:
        producer.close()
    return time.perf_counter() - started


@dataclass
class FinalsCollector:
    """Reads a final-windows topic from the beginning in a thread until every expected key arrived.

    `done_at` is the wall time at which the record that completed the expected set was read
    (record timestamps cannot be used: Quix stamps a window's row with the window start).
    The reader fetches with `fetch_max_wait_ms=50`, so it adds at most ~50 ms to either system.
    """

    bootstrap: str
    topic: str
    expected: set[str]
    finals: dict[str, tuple[float, int]] = field(default_factory=dict)
    stamps: dict[str, float] = field(default_factory=dict)
    duplicates: int = 0
    records: int = 0
    others: int = 0
    """Final rows whose key is not checked (derived metrics, the watermark updates' windows)."""
    done: threading.Event = field(default_factory=threading.Event)
    stop: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = None
    error: str = ""
    last_read: float = 0.0

    def start(self) -> FinalsCollector:
        self.thread = threading.Thread(target=self._run, name=f"finals-{self.topic}", daemon=True)
        self.thread.start()
        return self

    def _run(self) -> None:
        try:
            consumer = KafkaConsumer(self.topic, bootstrap_servers=self.bootstrap, auto_offset_reset="earliest",
                                     enable_auto_commit=False, group_id=None, fetch_max_wait_ms=50,
                                     consumer_timeout_ms=200)
        except Exception as error:  # surfaced in the report rather than a silent thread death
            self.error = f"{type(error).__name__}: {error}"
            self.done.set()
            return
        remaining = set(self.expected)
        try:
            while not self.stop.is_set():
                for message in consumer:
                    self.records += 1
                    self.last_read = time.time()
                    row = orjson.loads(message.value)
                    key = row_key(row) if row.get("kind") == "counter" else ""
                    if key not in self.expected:
                        self.others += 1
                        continue
                    if key in self.finals:
                        self.duplicates += 1
                    self.finals[key] = (float(row["value"]), int(row["count"]))
                    self.stamps[key] = time.time()
                    if row.get("final") is not True:
                        self.finals[key] = (float("nan"), -1)
                    remaining.discard(key)
                    if not remaining and not self.done.is_set():
                        self.done.set()
        finally:
            consumer.close()

    def wait(self, timeout_s: float, quiet_s: float = 15.0) -> bool:
        """True once every expected final arrived. False at `timeout_s`, or earlier when finals
        stopped arriving for `quiet_s` (some are missing for good: the rate is then up to the
        last final read, and flagged as not exact)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.done.wait(0.2):
                return True
            if self.stamps and time.time() - self.last_read > quiet_s:
                return False
        return self.done.is_set()

    def close(self) -> None:
        self.stop.set()
        if self.thread is not None:
            self.thread.join(5)

    @property
    def done_at(self) -> float:
        """Epoch seconds when the last expected final was read."""
        return max(self.stamps.values()) if self.stamps else float("nan")
