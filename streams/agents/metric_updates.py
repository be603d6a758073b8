"""metric-updates → signals: validate each message (one update, an array or a batch)."""

from __future__ import annotations

import time
from typing import Any

from models import DecodeError, Signal, decode_updates, signals_from_updates
from streams.agents.dead_letters import send_dead_letter
from streams.agents.publishing import delivered, publish_signals
from streams.app import Pipeline


def register(pipeline: Pipeline) -> None:
    settings = pipeline.settings
    telemetry = pipeline.telemetry
    topic_name = pipeline.names.metric_updates
    processed = telemetry.processed.labels(topic=topic_name)
    latency = telemetry.processing_latency.labels(topic=topic_name)

    @pipeline.app.agent(pipeline.metric_updates, name="souq.metric_updates")
    async def validate_metric_updates(stream: Any) -> None:
        async for events in stream.take_events(settings.batch_max, within=settings.flush_interval_s):
            started = time.perf_counter()
            signals: list[Signal] = []
            futures = []
            for event in events:
                message = event.message
                data = message.value
                try:
                    if not isinstance(data, bytes | bytearray):
                        raise DecodeError("malformed", "empty message")
                    updates = decode_updates(bytes(data))
                    if len(updates) > settings.max_batch_updates:
                        raise DecodeError("too_large", f"{len(updates)} updates in one message; "
                                          f"the limit is {settings.max_batch_updates}")
                except DecodeError as error:
                    futures.append(await send_dead_letter(pipeline, message, error.reason, error.detail))
                    continue
                signals.extend(signals_from_updates(updates))
            futures.extend(await publish_signals(pipeline, signals))
            await delivered(futures)
            pipeline.progress.record(events)
            processed.inc(len(events))
            if events:
                latency.observe((time.perf_counter() - started) / len(events))
