"""articles → signals in two steps.

1. `souq.articles` validates (size, JSON, text) and forwards each valid article keyed by its
   body's fingerprint, so every copy of a body (redelivered, or re-published under another
   id) lands on the same partition;
2. `souq.extract` drops bodies it has seen, extracts every figure and publishes the signals.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from models import Article, DecodeError, Signal, decode
from models.errors import describe
from streams.agents.dead_letters import send_dead_letter
from streams.agents.publishing import delivered, publish_signals
from streams.dedup import SeenSet
from streams.pipeline import Pipeline

if TYPE_CHECKING:
    from streams.extraction import ExtractedFigure

log = logging.getLogger(__name__)
ARTICLES_PER_BATCH = 100


def article_signals(article: Article, fingerprint: str, figures: list[ExtractedFigure]) -> list[Signal]:
    """Signals of one article; ids come from the body's fingerprint and the figure's span, so the
    same body published again (even under another id) yields the same ids and counts once."""
    observed_at = article.published_at or datetime.now(UTC)
    signals = []
    for figure in figures:
        try:
            signals.append(Signal(
                signal_id=f"art-{fingerprint[:24]}-{figure.span[0]}-{figure.span[1]}",
                origin="article", platform=figure.platform, metric=figure.metric, value=figure.value,
                unit=figure.unit, observed_at=observed_at, qualifier=figure.qualifier,  # type: ignore[arg-type]
                kind=figure.kind, period=figure.period, region=figure.region,  # type: ignore[arg-type]
                source=figure.source, base_period=figure.base_period, of_metric=figure.of_metric,
                article_id=article.id, span=figure.span, sentence=figure.sentence[:1000],
                confidence=figure.confidence,
            ))
        except ValidationError as error:
            log.warning("article %s: figure dropped, it does not fit the contract: %s", article.id, describe(error))
    return signals


def not_text(body: str) -> bool:
    """Binary junk decoded as text: mostly control characters."""
    sample = body[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t")
    return controls > len(sample) * 0.1


def validate_article(data: bytes, max_bytes: int) -> Article:
    if len(data) > max_bytes:
        raise DecodeError("too_large", f"article of {len(data)} bytes; the limit is {max_bytes} "
                          "(SOUQ_MAX_ARTICLE_BYTES)")
    article = decode(data, Article)
    if not article.body.strip():
        raise DecodeError("empty", "article body is empty or only white space")
    if not_text(article.body):
        raise DecodeError("not_text", "article body is not text (mostly control characters)")
    return article


def register(pipeline: Pipeline) -> None:
    settings = pipeline.settings
    telemetry = pipeline.telemetry
    names = pipeline.names
    processed = telemetry.processed.labels(topic=names.articles)
    duplicates = telemetry.duplicates.labels(topic=names.articles)
    latency = telemetry.processing_latency.labels(topic=names.articles)
    path = settings.state_dir / settings.app_id / "articles-seen" if settings.store == "rocksdb" else None
    seen: dict[int, SeenSet] = {}

    def seen_for(partition: int) -> SeenSet:
        if partition not in seen:
            seen[partition] = SeenSet(path / f"p{partition}" if path else None, max_items=200_000)
        return seen[partition]

    # The extraction library (its lexicon, ~0.3 s to import) is imported when the agents start, not
    # with the worker: by then both consumer groups have sent their joins, and the import runs while
    # the broker holds them, so the worker is ready that much sooner and the first article pays nothing.
    @pipeline.app.agent(pipeline.articles, name="souq.articles")
    async def validate_articles(stream: Any) -> None:
        from streams.extraction import content_fingerprint

        async for events in stream.take_events(ARTICLES_PER_BATCH, within=settings.flush_interval_s):
            futures = []
            for event in events:
                message = event.message
                data = bytes(message.value or b"")
                try:
                    article = validate_article(data, settings.max_article_bytes)
                except DecodeError as error:
                    futures.append(await send_dead_letter(pipeline, message, error.reason, error.detail))
                    continue
                fingerprint = content_fingerprint(article.body)
                futures.append(await pipeline.articles_by_content.send(key=fingerprint.encode(), value=data))
            await delivered(futures)
            pipeline.progress.record(event.message for event in events)

    @pipeline.app.agent(pipeline.articles_by_content, name="souq.extract")
    async def extract_articles(stream: Any) -> None:
        from streams.extraction import extract_figures

        async for events in stream.take_events(ARTICLES_PER_BATCH, within=settings.flush_interval_s):
            started = time.perf_counter()
            signals: list[Signal] = []
            fresh: list[tuple[SeenSet, str]] = []
            batch_seen: set[str] = set()
            for event in events:
                message = event.message
                article = decode(bytes(message.value), Article)  # validated by souq.articles
                fingerprint = message.key.decode()
                known = seen_for(message.partition)
                if fingerprint in known or fingerprint in batch_seen:
                    duplicates.inc()
                    continue
                batch_seen.add(fingerprint)
                figures = extract_figures(article.body, title=article.title, published_at=article.published_at,
                                          lang=article.lang)
                signals.extend(article_signals(article, fingerprint, figures))
                fresh.append((known, fingerprint))
            await delivered(await publish_signals(pipeline, signals))
            for known, fingerprint in fresh:  # only once the signals are on the broker
                known.add(fingerprint)
            pipeline.progress.record(event.message for event in events)
            processed.inc(len(events))
            if events:
                latency.observe((time.perf_counter() - started) / len(events))
