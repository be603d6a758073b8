"""The one place that knows topic names and how each topic is configured."""

from __future__ import annotations

from dataclasses import dataclass

from streams.settings import Settings


@dataclass(frozen=True, slots=True)
class TopicNames:
    articles: str
    metric_updates: str
    signals: str
    aggregates: str
    aggregates_final: str
    dead_letters: str
    late_signals: str
    changelog: str
    """The window state's commits, partition for partition with `signals` (internal)."""
    articles_by_content: str
    """Valid articles re-keyed by body fingerprint, so every copy of a body meets its twin (internal)."""

    def all(self) -> tuple[str, ...]:
        return (self.articles, self.metric_updates, self.signals, self.aggregates,
                self.aggregates_final, self.dead_letters, self.late_signals, self.changelog,
                self.articles_by_content)

    def compacted(self) -> frozenset[str]:
        """Keyed by window or figure: a compacting cluster keeps the latest value per key."""
        return frozenset({self.aggregates})


def topic_names(settings: Settings) -> TopicNames:
    p = settings.topic_prefix
    return TopicNames(
        articles=f"{p}articles",
        metric_updates=f"{p}metric-updates",
        signals=f"{p}signals",
        aggregates=f"{p}aggregates",
        aggregates_final=f"{p}aggregates-final",
        dead_letters=f"{p}dead-letters",
        late_signals=f"{p}late-signals",
        changelog=f"{p}{settings.app_id}-windows-changelog",
        articles_by_content=f"{p}{settings.app_id}-articles-by-content",
    )


def topic_configs(settings: Settings, name: str) -> dict[str, str]:
    """Set explicitly on creation: the embedded broker reports only configs that were set."""
    policy = "compact" if name in topic_names(settings).compacted() else "delete"
    return {"cleanup.policy": policy, "retention.ms": str(settings.retention_ms)}
