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
    sources_named: list[str] = field(default_factory=list)  # every source credited so far, in order
    glosses: dict[str, str] = field(default_factory=dict)  # Arabic name -> the Latin name the text glosses it with
    last_company_source: str | None = None  # the last source that is a company (a platform, owner or group)
    last_group: str | None = None  # the last group named («مجموعة «X»», "X Group"), for «المجموعة», "the group"
    last_quoted: str | None = None  # the company of the one quoted last
    last_figure: tuple[str, str] | None = None  # (metric, unit) of the paragraph's last figure
    last_context: tuple[str | None, str | None, str | None] = (None, None, None)  # its period, region, source
    heading: str | None = None  # the platform a paragraph's heading names ("HSN.")
    author: str | None = None  # the author of an analyst's note, credited by its "we" and "our"
    companies: set[str] = field(default_factory=set)  # names the text uses as companies (platforms, owners)
    short_forms: dict[str, str] = field(default_factory=dict)  # "SDL" -> "Saigon Data Lab"
    firms: set[str] | None = None  # names of research firms and the like the text names in full (read when needed)
    firm_text: str = ""  # the text they are read from
    executives: dict[str, bool] | None = None  # whether the text introduces a surname with an executive's title
    last_year: str | None = None
    last_quarter: str | None = None
    last_period: str | None = None
    host: str | None = None  # the platform whose own call, investor day or letter the text is (its title says)
    title_period: str | None = None  # the one quarter (or full year) the article reports on, from its title or opening
    intro_region: str | None = None  # the one place an Arabic opening paragraph with no figure reports on
    live: bool = False  # a live blog: every figure is of its publication day
    year_paragraph: int = -1  # the paragraph in which ``last_year`` was named
    prev_sentence_region: str | None = None
    platforms_seen: set[str] = field(default_factory=set)  # platforms named so far (not as owners or speakers)
    recent: list[str] = field(default_factory=list)  # platforms named so far, the last named last
    prev_sentence_platforms: frozenset[str] = frozenset()  # platforms the previous sentence of the paragraph named
    paragraph: int = -1
    owners: dict[str, str] = field(default_factory=dict)  # platform -> owner name seen in the text
    split_owners: set[str] = field(default_factory=set)  # owners the text names with two of their platforms
    names: dict[str, str] = field(default_factory=dict)  # platform slug -> name, for platforms found in the text
