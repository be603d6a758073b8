"""What earlier sentences of an article established, for the sentences that refer back to it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Memory:
    """What earlier sentences established."""

    topic: str | None = None  # platform the text is about
    topic_company: bool = False  # the topic was set by a company-level mention (Meta, «المجموعة»)
    app_topic: str | None = None  # first platform (not a company-level mention) of the last sentence naming one
    last_explicit: str | None = None
    last_region: str | None = None
    last_source: str | None = None
    last_year: str | None = None
    last_quarter: str | None = None
    last_period: str | None = None
    prev_sentence_region: str | None = None
    paragraph: int = -1
    owners: dict[str, str] = field(default_factory=dict)  # platform -> owner name seen in the text
    names: dict[str, str] = field(default_factory=dict)  # platform slug -> name, for platforms found in the text
