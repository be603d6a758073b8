"""Publishing to our topics from Python (the CLI, the demo feed, tests, users' scripts)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from models import Article, MetricUpdate, encode, encode_many
from streams.kafka_io import producer
from streams.settings import Settings
from streams.topics import topic_names


class Publisher:
    """Batches metric updates per platform into JSON arrays (one Kafka message per batch).

    One message per update also works, but costs the worker one Faust event each.
    """

    def __init__(self, settings: Settings, batch_size: int = 500, **producer_options: Any) -> None:
        self.settings = settings
        self.names = topic_names(settings)
        self.batch_size = batch_size
        self.producer = producer(settings, **producer_options)
        self._pending: dict[str, list[MetricUpdate]] = defaultdict(list)
        self.messages = 0

    def metric(self, update: MetricUpdate) -> None:
        pending = self._pending[update.platform]
        pending.append(update)
        if len(pending) >= self.batch_size:
            self._send_batch(update.platform)

    def metrics(self, updates: Iterable[MetricUpdate]) -> None:
        for update in updates:
            self.metric(update)

    def raw(self, topic: str, value: bytes, key: bytes | None = None, partition: int | None = None) -> None:
        """Bytes as they are: for replaying files and for testing the dead-letter path."""
        self.producer.send(topic, key=key, value=value, partition=partition)
        self.messages += 1

    def article(self, article: Article) -> None:
        self.raw(self.names.articles, encode(article), key=article.id.encode())

    def _send_batch(self, platform: str) -> None:
        batch = self._pending.pop(platform, [])
        if not batch:
            return
        value = encode(batch[0]) if len(batch) == 1 else encode_many(batch)
        self.raw(self.names.metric_updates, value, key=platform.encode())

    def flush(self) -> None:
        for platform in list(self._pending):
            self._send_batch(platform)
        self.producer.flush()

    def close(self) -> None:
        self.flush()
        self.producer.close()

    def __enter__(self) -> Publisher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
