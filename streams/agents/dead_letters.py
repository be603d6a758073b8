"""Bad input never stops the worker and never vanishes: it goes here, with why and its bytes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from models import DeadLetter, encode
from streams.pipeline import Pipeline


async def send_dead_letter(pipeline: Pipeline, message: Any, reason: str, detail: str,
                           original: bytes | None = None) -> Any:
    """Publish a DeadLetter for a consumed Faust message; returns the delivery future."""
    topic = message.topic
    letter = DeadLetter(
        topic=topic, partition=message.partition, offset=message.offset,
        key=message.key.decode("utf-8", "replace") if isinstance(message.key, bytes) else None,
        reason=reason, detail=detail[:2000],
        original=original if original is not None else (message.value or b""),
        failed_at=datetime.now(UTC),
    )
    pipeline.telemetry.dead_letters.labels(topic=topic, reason=reason).inc()
    pipeline.telemetry.published.labels(topic=pipeline.names.dead_letters).inc()
    return await pipeline.dead_letters.send(key=message.key, value=encode(letter))
