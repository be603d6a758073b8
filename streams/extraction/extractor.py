"""Turn an article body into the figures ("signals") it states.

Pipeline: normalise (keeping offsets) -> sentences -> per sentence (:mod:`.figures`): lexicon hits,
quantities, period mentions, clauses -> for each quantity decide unit, metric, platform, qualifier,
kind, period, region, source, base period -> dedup (:mod:`.dedup`) -> map spans back to the original
body. A quantity becomes a signal only with a metric cue and a platform; everything else (years,
ages, prices, phone numbers, inflation...) falls out because nothing attributes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from .arabic_names import discover_arabic
from .candidate import Candidate
from .credit import credited_back
from .dedup import unique_figures
from .figures import sentence_figures
from .filings import defined_terms
from .hijri import hijri_years
from .hosts import host_platform, title_author
from .interviews import interview_answers, speaker_names
from .lexicon.matcher import Hit, scan
from .lexicon.platforms import OWNER_ALSO, PLATFORM_NAMES
from .memory import Memory
from .mentions import company_name
from .normalize import Normalized, fold
from .period_resolution import resolve_periods
from .platforms import X_CONTEXT, Discovered, alias_matcher, discover_latin, lexicon_slug, merge_extensions
from .regions import region_mentions
from .segments import sentences
from .sentence import Sentence
from .source_names import glossed_name
from .sources import GLOSS
from .tables import TableRow, find_tables, table_context
from .voices import author, quotations


@dataclass(frozen=True, slots=True)
class ExtractedFigure:
    """One signal found in an article, with its provenance."""

    platform: str
    metric: str
    value: float
    unit: str
    qualifier: str = "exact"
    kind: str = "actual"
    period: str | None = None
    region: str | None = None
    source: str | None = None
    base_period: str | None = None
    of_metric: str | None = None
    span: tuple[int, int] = (0, 0)  # character offsets of the figure in the ORIGINAL body
    sentence: str = ""  # the original sentence it came from
    confidence: float = 1.0  # in [0, 1]


# "for the April-June quarter", «خلال الربع الأول»: the period a text covers (not "after first-quarter checks")
_FOR_PERIOD = re.compile(r"(?<!\w)(?:for|in|during|over|خلال|في|عن)\s+(?:the\s+)?\Z", re.IGNORECASE)
_FULL_YEAR = re.compile(r"(?<!\w)(?:full|fiscal|financial)[- ]year\s+(?:of\s+)?\Z", re.IGNORECASE)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_THIS_NOTE = re.compile(r"(?<!\w)(?:هذا|هذه)\s+(?:الملخص|التقرير|النشره|الدراسه|المذكره|الورقه|الموجز|ارقامنا"
                        r"|الارقام|البيانات)(?!\w)")
_LATIN = re.compile(r"[A-Za-z]")


_LIVE_TITLE = re.compile(r"\A\s*live\s*[:|—–-]|as it happened|live updates|live blog|\blive:", re.IGNORECASE)
_TIMESTAMP_LINE = re.compile(r"^[^\S\n]*[0-2]?[0-9][:.][0-5][0-9](?:\s*[A-Z]{2,4})?\s*[—–-]\s", re.MULTILINE)


def _live_coverage(title: str | None, text: str) -> bool:
    """A live blog ("Live: ... as it happened", entries stamped "09:40 ICT —"): it covers its publication day."""
    return bool(title and _LIVE_TITLE.search(title)) or len(_TIMESTAMP_LINE.findall(text, 0, 20000)) >= 3


def detect_language(text: str) -> str:
    """``ar`` or ``en`` by which script dominates the first few thousand characters."""
    sample = text[:4000]
    return "ar" if len(_ARABIC.findall(sample)) >= len(_LATIN.findall(sample)) else "en"


# A thread's numbered posts ("1-", "١-", "2/", "3)", a keycap digit): the first names where its numbers come from.
_THREAD_ITEM = re.compile(r"^[^\S\n]*(?:[0-9\u0660-\u0669]{1,2}\s*[-/.)]|[1-9]\ufe0f?\u20e3)", re.MULTILINE)
_FROM_SOURCE = re.compile(r"(?<!\w)(?:من\s+(?:عرض|تقرير|بيانات|ارقام|نتائج)|حسب|بحسب|وفق|نقلا\s+عن|according\s+to"
                          r"|from)(?:\s+\S+){0,2}\s*\"?\s*\Z", re.IGNORECASE)


def _thread_source(text: str, read: list[tuple[Sentence, tuple[int, int], int]]) -> str | None:
    """The company or firm a thread's first post takes its numbers from («فخذوا الأرقام من عرض شركة «سناب»»,
    "1/ Numbers from Noon's results"): the source of the posts after it that credit nobody."""
    if not _THREAD_ITEM.match(text) or len(_THREAD_ITEM.findall(text, 0, 20000)) < 3:
        return None
    first_paragraph = read[0][2] if read else -1
    for sent, _span, paragraph in read:
        if paragraph != first_paragraph:
            break
        for hit in sent.hits:
            if hit.cat in ("owner", "org", "platform") and _FROM_SOURCE.search(sent.text, max(0, hit.start - 40),
                                                                               hit.start):
                if hit.cat == "owner":
                    return hit.payload.split("|")[0]
                return hit.payload if hit.cat == "org" else PLATFORM_NAMES.get(hit.payload, hit.payload)
    return None


class _Extractor:
    def __init__(self, body: str, title: str | None, published_at: datetime | None) -> None:
        self.norm = Normalized(body)
        self.text = self.norm.text
        self.published = published_at
        self.title = title
        self.memory = Memory()
        self.x_ok = bool(X_CONTEXT.search(self.text.lower())) or bool(title and X_CONTEXT.search(title.lower()))
        if title:
            # A title that names one quarter ("Q3 2025 results call", "fourth-quarter 2024 results"): the period the
            # article reports on, for figures that name none
            titled = {value for _m, value in resolve_periods(Sentence(fold(title), False), Memory(), published_at)
                      if value and "-Q" in value}
            self.memory.title_period = titled.pop() if len(titled) == 1 else None
            for hit in scan(fold(title)):
                if hit.cat == "platform" and (hit.payload != "x" or self.x_ok):
                    self.memory.topic = hit.payload
                    break
        if self.memory.title_period is None and published_at is not None and _live_coverage(title, self.text):
            self.memory.title_period = str(published_at.year)  # a live blog reports on the day it is published
            self.memory.live = True
        self.discovered = Discovered()
        discover_latin(self.text[:200000], self.discovered)
        # "Zentro investor day 2025": the speakers' own platform, maybe named only there
        self.memory.host = host_platform(title, self.discovered)
        if '("' in self.text or '(the "' in self.text:
            defined_terms(self.text[:200000], self.discovered)
        discover_arabic(self.text[:200000], self.discovered)
        # «X» (Latin): the text glosses an Arabic name with its Latin one; read once, for platforms and sources
        glosses = ({m.group("ar").strip(): m.group("lat").strip() for m in GLOSS.finditer(self.text)}
                   if "(" in self.text and '"' in self.text else {})
        merge_extensions(self.discovered, glosses if any(" " in name for name in self.discovered.platforms) else {})
        for person in speaker_names(self.text):  # "DANA: ...", "Marcus, QVC reported ...": people, not platforms
            self.discovered.platforms.pop(person, None)
        self.aliases = self.discovered.platforms
        self.extra = alias_matcher(self.discovered)
        for slug, name in self.aliases.values():
            self.memory.names.setdefault(slug, name)
        for platform, owner in self.discovered.owned.items():
            slug = self.aliases[platform][0] if platform in self.aliases else lexicon_slug(platform)
            self.memory.owners.setdefault(slug, owner)
        # the glosses of names that are not platforms': sources written in Arabic, credited by their Latin name
        self.memory.glosses = {arabic: latin for arabic, latin in glosses.items() if arabic not in self.aliases}

    def _voices(self, read: list[tuple[Sentence, tuple[int, int], int]]) -> None:
        """The note's author, and each quotation's speaker, handed to the sentences that hold them."""
        memory = self.memory
        memory.short_forms.update(self.discovered.short_forms)
        memory.firm_text = self.text[:200000]  # read for firms' full names only when a short one needs them
        memory.companies.update(name for _slug, name in self.aliases.values())
        memory.companies.update(memory.owners.values())
        memory.companies.update(self.discovered.companies)
        memory.author = author(self.text, {a: latin for a, (_slug, latin) in self.aliases.items()}) or _thread_source(
            self.text, read)
        if memory.host and not memory.author:  # the company's own event: its "we" and "our" are the company's
            memory.author = PLATFORM_NAMES.get(memory.host) or memory.names.get(memory.host)
        memory.author = memory.author or title_author(self.title)  # "X Capital: letter to partners"
        hits = [Hit(h.start + span[0], h.end + span[0], h.cat, h.payload.split("|")[-1])
                for sent, span, _paragraph in read for h in sent.hits if h.cat in ("platform", "owner")]
        answers = interview_answers(self.text, [h for h in hits if h.cat == "platform"])
        for quote in [*quotations(self.text, hits), *answers]:
            for sent, (start, end), _paragraph in read:
                if start < quote.end and quote.start < end:
                    sent.interview = sent.interview or quote in answers
                    name = ((glossed_name(quote.speaker, memory) or quote.speaker) if quote.speaker  # «وصل للأبحاث»
                            else company_name(quote.platform, memory) if quote.platform else None)
                    if quote.platform and quote.platform in memory.owners:
                        name = PLATFORM_NAMES.get(quote.platform) or memory.names.get(quote.platform, name)
                    sent.quotes.append((max(0, quote.start - start), min(end, quote.end) - start, name,
                                        quote.platform))
                    if quote.platform:
                        sent.read_numbers()

    def _intro_period(self, intro: list[Sentence]) -> None:
        """An opening paragraph with no figure that names one quarter ("an excerpt from the call for the
        April-June quarter", «تقرير ... خلال الربع الأول من العام الجاري») or one full year ("results for the full
        year 2025"): the period the article reports on; one place an Arabic note's opening names where it says what
        the note is («هذا الملخص», «هذه أرقامنا») is the place it reports on, and its one period the period."""
        this_note = bool(intro) and any(_THIS_NOTE.search(sent.text) for sent in intro)
        if this_note:  # «هذا الملخص عن حملات ... في الكويت»
            places = {code for sent in intro for _at, code, _local in region_mentions(sent, Memory())}
            self.memory.intro_region = places.pop() if len(places) == 1 else None
        if self.memory.title_period is None:
            named = {value for sent in intro for m, value in resolve_periods(sent, Memory(), self.published)
                     if value and ((_FOR_PERIOD.search(sent.text, max(0, m.start - 12), m.start)
                                    or sent.text.startswith("لل", m.start)) if "-Q" in value
                                   # "reported results for the full year 2025": a release on one whole year
                                   else _FULL_YEAR.search(sent.text, max(0, m.start - 16), m.start))}
            if not named and this_note:  # «هذه أرقامنا للنصف الأول من 2025»: any one period the note says it covers
                named = {value for sent in intro for _m, value in resolve_periods(sent, Memory(), self.published)
                         if value}
            if not named:  # «مع انقضاء رمضان 1446هـ ...»: the Hijri season the article reports on
                named = {str(year) for sent in intro for _start, _end, year in hijri_years(sent.text)}
            self.memory.title_period = named.pop() if len(named) == 1 else None

    def _table_figures(self, start: int, end: int, rows: list[TableRow]) -> list[Candidate]:
        """A table's figures, dated and placed by its notes, credited to the source the text named last."""
        period, region = table_context(self.text, start, end, self.published)
        source = self.memory.last_source
        return [replace(figure, period=figure.period or period, region=region, source=source) for row in rows
                for figure in row.figures]

    def run(self) -> list[ExtractedFigure]:
        memory = self.memory
        read: list[tuple[Sentence, tuple[int, int], int]] = []
        seen: dict[str, Sentence] = {}  # a sentence stated twice (a repeated paragraph) is read once
        for start, end, paragraph in sentences(self.text):
            words = self.text[start:end]
            known = seen.get(words)
            sent = known.copy() if known is not None else Sentence(words, self.x_ok, self.extra, self.aliases)
            seen.setdefault(words, sent)
            read.append((sent, (start, end), paragraph))
        # Owners named anywhere in the text are credited for their platform's figures from the first sentence.
        for sent, _span, _paragraph in read:
            for hit in sent.cat("owner"):
                name, slug = hit.payload.split("|")
                memory.owners.setdefault(slug, name)
        self._voices(read)
        owners = {name for name in memory.owners.values() if name in OWNER_ALSO}
        if owners:  # PDD Holdings beside Pinduoduo: its own figures are the company's
            named = {h.payload for sent, _span, _paragraph in read for h in sent.hits if h.cat == "platform"}
            memory.split_owners = {owner for owner in owners if named & OWNER_ALSO[owner]}
        raw: list[Candidate] = []
        tables = find_tables(self.text[:200000], self.aliases)
        unread = list(tables)
        paragraph_start = 0
        for sent, span, paragraph in read:
            table = next((t for t in tables if t[0] <= span[0] < t[1]), None) if tables else None
            if table is not None:  # a table's lines are read as its cells, once, where it starts
                if table in unread:
                    unread.remove(table)
                    raw.extend(self._table_figures(*table))
                continue
            if paragraph != memory.paragraph and memory.paragraph == read[0][2] and not raw:
                self._intro_period([s for s, _span, p in read if p == memory.paragraph])
            if paragraph != memory.paragraph:
                paragraph_start = len(raw)
                memory.paragraph = paragraph
                memory.prev_sentence_region = None
                memory.prev_sentence_platforms = frozenset()
                memory.last_figure = memory.heading = None
                memory.last_context = (None, None, None)
            raw.extend(sentence_figures(sent, span, memory, self.published, self.x_ok))
            back = credited_back(sent.text)
            for figure in raw[paragraph_start:] if back else ():
                figure.source = figure.source or back  # «وقد وردت هذه الأرقام كلها في تقرير X»
        out: list[ExtractedFigure] = []
        for f in unique_figures(raw):
            s0, s1 = f.sentence
            q_start = s0 + f.q.start
            q_end = s0 + f.q.end
            span = self.norm.span_to_original(q_start, q_end)
            sent_span = self.norm.span_to_original(s0, s1)
            out.append(ExtractedFigure(
                platform=f.platform, metric=f.metric, value=f.q.value * f.sign, unit=f.unit, qualifier=f.qualifier,
                kind=f.kind, period=f.period, region=f.region, source=f.source, base_period=f.base_period,
                of_metric=f.of_metric, span=span, sentence=self.norm.original[sent_span[0] : sent_span[1]].strip(),
                confidence=round(f.confidence, 3),
            ))
        out.sort(key=lambda fig: fig.span)
        return out


def extract_figures(body: str, *, title: str | None = None, published_at: datetime | None = None,
                    lang: str | None = None) -> list[ExtractedFigure]:
    """All signals stated in ``body``, once each, ordered by their span in the original body.

    ``lang`` is accepted for callers that know it; the lexicons cover both languages at once, so it
    only matters for :func:`detect_language` consumers. ``published_at`` resolves relative periods
    («هذا العام», "last year", "this quarter") and marks figures for future periods as forecasts.
    """
    if not body:
        return []
    del lang  # both languages are matched together
    return _Extractor(body, title, published_at).run()


_SCORED = ("platform", "metric", "value", "unit", "qualifier", "kind", "period", "region", "source",
           "base_period", "of_metric")


def figures_to_scorer_lines(article_id: str, figures: list[ExtractedFigure]) -> list[dict[str, Any]]:
    """One dict per signal with ``article_id`` and the fields the scorer reads."""
    lines = []
    for figure in figures:
        line: dict[str, Any] = {"article_id": article_id}
        for name in _SCORED:
            line[name] = getattr(figure, name)
        lines.append(line)
    return lines

