"""Turn an article body into the figures ("signals") it states.

Pipeline: normalise (keeping offsets) -> sentences -> per sentence: lexicon hits, quantities,
period mentions, clauses -> for each quantity decide unit, metric, platform, qualifier, kind,
period, region, source, base period -> dedup -> map spans back to the original body.
A quantity becomes a signal only with a metric cue and a platform; everything else (years, ages,
prices, phone numbers, inflation...) falls out because nothing attributes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from . import attribution as attr
from .lexicon import PLATFORM_NAMES, TABLE, Hit, scan
from .normalize import Normalized, ascii_lower, fold
from .numbers import Quantity, find_quantities
from .periods import PeriodMention, find_periods, period_start, quarter_of, shift


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


_CURRENCY_METRICS = {"gmv", "revenue", "average_order_value"}
_PERCENT_METRICS = {"conversion_rate", "engagement_rate", "market_share"}
_COUNT_METRICS = {"sellers", "orders"}
_LEVEL_BEFORE = re.compile(r"(?<!\w)(?:الي|to|at|reached|بلغ|بلغت|يبلغ|تبلغ)\s*\Z", re.IGNORECASE)
_CAPRUN = re.compile(r"(?:[A-Z]|[a-z][A-Z])[A-Za-z0-9&.\-']*(?:\s+(?:&\s+|of\s+)?[A-Z][A-Za-z0-9&.\-']*)*")
_NAME_BEFORE = re.compile(
    r"(?P<name>[A-Z][A-Za-z0-9&.\-']*(?:\s+[A-Z][A-Za-z0-9&.\-']*)*)(?:\s*,[^,]{1,30},)?\s*\Z"
)
_BY_COUNT = re.compile(
    r"(?<!\w)(?:[Bb]y\s+(?P<name>[A-Z][A-Za-z0-9&.\-]*(?:\s+[A-Z][A-Za-z0-9&.\-]*)*)(?:'s|')?\s+"
    r"(?:count|estimates?|calculations?|tally|reckoning|data|figures)"
    r"|per\s+(?P<per>(?:[A-Z]|[a-z][A-Z])[A-Za-z0-9&.\-]*(?:\s+[A-Z][A-Za-z0-9&.\-]*)*))"
)
_STOP = {"the", "a", "an", "in", "on", "at", "by", "for", "according", "it", "its", "this", "that", "these",
         "those", "analysts", "shoppers", "across", "but", "and", "meanwhile", "however", "while", "daily",
         "monthly", "sources", "data", "as", "with", "from", "of", "to", "he", "she", "they", "we", "our",
         "their", "his", "her", "after", "before", "last", "next", "q1", "q2", "q3", "q4", "ceo", "cfo"}
_X_CONTEXT = re.compile(r"twitter|تويتر|x corp|formerly|سابقا", re.IGNORECASE)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")
_SOURCE_REACH = 70


@dataclass(slots=True)
class _Figure:
    q: Quantity
    clause: int
    platform: str
    metric: str
    unit: str
    qualifier: str
    kind: str
    period: str | None
    region: str | None
    source: str | None
    base_period: str | None
    of_metric: str | None
    confidence: float
    sentence: tuple[int, int]


def detect_language(text: str) -> str:
    """``ar`` or ``en`` by which script dominates the first few thousand characters."""
    sample = text[:4000]
    return "ar" if len(_ARABIC.findall(sample)) >= len(_LATIN.findall(sample)) else "en"


class _Sentence:
    """Everything found in one sentence, positions relative to the sentence."""

    def __init__(self, text: str, x_ok: bool) -> None:
        self.text = text
        low = ascii_lower(text)
        self.quantities = find_quantities(text, low)
        covered = bytearray(len(text) + 1)  # characters inside a quantity (its unit words too)
        for q in self.quantities:
            covered[q.start : q.end] = b"\x01" * (q.end - q.start)
        self.hits = [h for h in scan(text, low) if not (covered[h.start] or covered[h.end - 1])]
        self.by_cat: dict[str, list[Hit]] = {}
        for hit in self.hits:
            self.by_cat.setdefault(hit.cat, []).append(hit)
        self.clauses = attr.clauses(text, low)
        self.periods = [p for p in find_periods(text, low) if not covered[p.start]]
        self.x_ok = x_ok

    def cat(self, name: str) -> list[Hit]:
        return self.by_cat.get(name, [])

    def clause_of(self, position: int) -> int:
        return attr.clause_of(self.clauses, position)


def _nearest(items: list[Any], position: int) -> Any:
    return min(items, key=lambda item: abs(item[0] - position)) if items else None


class _Extractor:
    def __init__(self, body: str, title: str | None, published_at: datetime | None) -> None:
        self.norm = Normalized(body)
        self.text = self.norm.text
        self.published = published_at
        self.memory = attr.Memory()
        self.x_ok = bool(_X_CONTEXT.search(self.text)) or bool(title and _X_CONTEXT.search(title))
        if title:
            for hit in scan(fold(title)):
                if hit.cat == "platform" and (hit.payload != "x" or self.x_ok):
                    self.memory.topic = hit.payload
                    break
        for hit in scan(self.text[:200000]):
            if hit.cat == "owner":
                name, slug = hit.payload.split("|")
                self.memory.owners.setdefault(slug, name)

    # ------------------------------------------------------------------ periods

    def _resolve_periods(self, sent: _Sentence) -> list[tuple[PeriodMention, str | None]]:
        """Resolve each mention against the running memory, in text order."""
        memory = self.memory
        out: list[tuple[PeriodMention, str | None]] = []
        pub = self.published
        launch = sent.cat("launch")
        for mention in sent.periods:
            value: str | None = None
            if mention.kind == "year" and mention.year is not None:
                if mention.year >= 1995 and (pub is None or mention.year <= pub.year + 20):
                    clause = sent.clauses[sent.clause_of(mention.start)]
                    launched = any(clause.start <= h.start < mention.start for h in launch)
                    value = None if launched else str(mention.year)
            elif mention.kind == "quarter" and mention.quarter:
                year = mention.year
                if year is None:
                    year = int(memory.last_year[:4]) if memory.last_year else (pub.year if pub else None)
                value = f"{year}-Q{mention.quarter}" if year else None
            elif mention.kind == "rel_year_quarter" and pub and mention.quarter:
                value = f"{pub.year + mention.offset}-Q{mention.quarter}"
            elif mention.kind == "rel_year" and pub:
                value = str(pub.year + mention.offset)
            elif mention.kind == "rel_quarter" and pub:
                value = shift(f"{pub.year}-Q{quarter_of(pub)}", quarters=mention.offset)
            elif mention.kind == "ref_year":
                value = memory.last_year
            elif mention.kind == "ref_quarter":
                value = memory.last_quarter
            elif mention.kind == "ref_period":
                value = memory.last_period
            out.append((mention, value))
            if value and not mention.base_prep and mention.kind not in ("yoy", "qoq"):
                memory.last_period = value
                if "-Q" in value:
                    memory.last_quarter = value
                    memory.last_year = value[:4]
                else:
                    memory.last_year = value
        return out

    # ------------------------------------------------------------------ sources

    def _sources(self, sent: _Sentence, mentions: list[attr.Mention]) -> list[tuple[int, str | None]]:
        """(position, credited name or None for unnamed sources) for each source phrase."""
        memory = self.memory
        text = sent.text
        entities: list[tuple[int, int, str, str | None]] = []  # start, end, kind, value
        covered: list[tuple[int, int]] = []
        for hit in sent.hits:
            if hit.cat == "platform" and (hit.payload != "x" or sent.x_ok):
                entities.append((hit.start, hit.end, "name", PLATFORM_NAMES.get(hit.payload, hit.payload)))
            elif hit.cat == "owner":
                entities.append((hit.start, hit.end, "name", hit.payload.split("|")[0]))
            elif hit.cat == "org":
                entities.append((hit.start, hit.end, "name", hit.payload))
            elif hit.cat == "company_ref":
                entities.append((hit.start, hit.end, "company", None))
            elif hit.cat == "src_same":
                entities.append((hit.start, hit.end, "same", None))
            elif hit.cat == "src_unnamed":
                entities.append((hit.start, hit.end, "unnamed", None))
            else:
                continue
            covered.append((hit.start, hit.end))
        regions = [(h.start, h.end) for h in sent.hits if h.cat in ("region", "region_global")]
        for match in _CAPRUN.finditer(text):
            name = _clean_name(match.group())
            if not name:
                continue
            start = match.start() + match.group().find(name.split()[0])
            if any(s <= start < e for s, e in covered) or any(s == start for s, e in regions):
                continue
            entities.append((start, start + len(name), "name", name))
        entities.sort()

        def resolve(kind: str, value: str | None, position: int) -> tuple[bool, str | None]:
            if kind == "name":
                return True, value
            if kind == "same":
                return True, memory.last_source
            if kind == "unnamed":
                return True, None
            subject = next((m.platform for m in mentions if m.explicit and m.start < position), None)
            platform = subject or memory.topic
            return (True, attr.company_name(platform, memory)) if platform else (False, None)

        found: list[tuple[int, str | None]] = []
        for cue in sent.cat("src_prep"):
            for start, _end, kind, value in entities:
                if start < cue.end:
                    continue
                if start > cue.end + _SOURCE_REACH:
                    break
                ok, credited = resolve(kind, value, start)
                if ok:
                    found.append((cue.start, credited))
                    break
        for cue in sent.cat("src_verb"):
            before = [e for e in entities if 0 <= cue.start - e[1] <= 2]
            if before:
                ok, credited = resolve(before[-1][2], before[-1][3], before[-1][0])
                if ok:
                    found.append((cue.start, credited))
                continue
            named = _NAME_BEFORE.search(text, max(0, cue.start - 60), cue.start)
            if named:
                name = _clean_name(named.group("name"))
                if name:
                    found.append((cue.start, _platform_name(name) or name))
        for by_count in _BY_COUNT.finditer(text):
            name = _clean_name(by_count.group("name") or by_count.group("per"))
            if name:
                found.append((by_count.start(), _platform_name(name) or name))
        return found

    # ------------------------------------------------------------------ one figure

    def _metric(self, sent: _Sentence, q: Quantity, back: int, fwd: int, clause: attr.Clause
                ) -> tuple[str | None, str | None, str | None, int]:
        """(metric, unit, of_metric, cue position) for a quantity, or (None, ...) to reject."""
        text = sent.text
        unit = q.unit
        metrics_back = [h for h in sent.cat("metric") if back <= h.start and h.end <= q.lead]
        metrics_fwd = [h for h in sent.cat("metric") if q.end <= h.start < fwd]
        negatives = [h for h in sent.cat("negative")
                     if (clause.start <= h.start < q.lead) or (q.end <= h.start < min(fwd, q.end + 40))]

        def nearest(cands: list[Hit], allowed: set[str]) -> Hit | None:
            ok = [h for h in cands if h.payload in allowed]
            if not ok:
                return None
            return min(ok, key=lambda h: min(abs(h.end - q.lead), abs(h.start - q.end)))

        def blocked(cue: Hit | None) -> bool:
            if not negatives:
                return False
            if cue is None:
                return True
            cue_gap = min(abs(cue.end - q.lead), abs(cue.start - q.end))
            return any(min(abs(h.end - q.lead), abs(h.start - q.end)) < cue_gap for h in negatives)

        def grown() -> tuple[bool, str | None]:
            """What grew: the nearest metric or rejected noun before the figure in its clause."""
            nouns = [h for h in sent.hits if h.cat in ("metric", "negative") and clause.start <= h.start < q.lead]
            if nouns:
                last = nouns[-1]
                return last.cat == "metric", last.payload if last.cat == "metric" else None
            after = [h for h in sent.cat("metric") if q.end <= h.start < clause.end]
            return True, after[0].payload if after else None

        if unit == "multiple":
            ok, of = grown()
            if not ok:
                return None, None, None, -1
            return "growth_multiple", "multiple", of, q.start
        if unit == "percent":
            growth = [h for h in sent.cat("growth") if max(back, clause.start) <= h.start < q.lead]
            growth += [h for h in sent.cat("growth") if q.end <= h.start <= q.end + 12 and h.start < clause.end]
            level = _LEVEL_BEFORE.search(text, max(0, q.lead - 10), q.lead)
            if growth and not level:
                ok, of = grown()
                if not ok:
                    return None, None, None, -1
                return "growth_percent", "percent", of, growth[-1].start
            cue = nearest(metrics_back, _PERCENT_METRICS) or nearest(metrics_fwd, _PERCENT_METRICS)
            if cue is None:
                weak = [h for h in sent.cat("metric_weak") if back <= h.start < fwd]
                cue = weak[0] if weak else None
            if cue is None or blocked(cue):
                return None, None, None, -1
            return cue.payload, "percent", None, cue.start
        if unit in ("users", "people") or unit is None or unit == "count":
            if q.noun_metric and unit in ("users", "count"):
                cue = nearest(metrics_back, {q.noun_metric})
                if blocked(cue) and cue is None and unit == "users":
                    return None, None, None, -1
                return q.noun_metric, unit, None, q.start
            cue = nearest(metrics_back, {"active_users", "sellers", "orders"})
            if cue is None or blocked(cue):
                return None, None, None, -1
            return cue.payload, "users" if cue.payload == "active_users" else "count", None, cue.start
        if unit == "minutes":
            window = [h for h in sent.hits if h.cat == "daily" and clause.start <= h.start < clause.end]
            spend = nearest(metrics_back, {"time_spent"})
            if not window and spend is None:
                return None, None, None, -1
            return "time_spent", "minutes", None, q.start
        if unit and unit.isupper() and len(unit) == 3:
            cue = nearest(metrics_back, _CURRENCY_METRICS) or nearest(metrics_fwd, _CURRENCY_METRICS)
            if cue is None or blocked(cue):
                return None, None, None, -1
            return cue.payload, unit, None, cue.start
        return None, None, None, -1

    def _sentence(self, start: int, end: int, paragraph: int) -> list[_Figure]:
        memory = self.memory
        if paragraph != memory.paragraph:
            memory.paragraph = paragraph
            memory.prev_sentence_region = None
        sent = _Sentence(self.text[start:end], self.x_ok)
        text = sent.text
        periods = self._resolve_periods(sent)
        mentions = attr.platform_mentions(text, sent.hits, sent.clauses, memory, self.x_ok)
        subject = mentions[0].platform if mentions else None

        regions: list[tuple[int, str, bool]] = []  # position, code, chunk-local only
        hq = sent.cat("hq")
        for hit in sent.hits:
            code: str | None = None
            local = False
            if hit.cat == "region":
                if any(0 <= hit.start - h.end <= 2 for h in hq) or text[hit.end : hit.end + 6] == "-based":
                    continue
                code = hit.payload
            elif hit.cat == "region_global":
                code, local = "global", True
            elif hit.cat == "region_ref":
                code = memory.last_region
            elif hit.cat == "kingdom":
                code = memory.last_region if memory.last_region in ("SA", "GB", "JO", "MA", "BH") else "SA"
            if code:
                regions.append((hit.start, code, local))
                if not local:
                    memory.last_region = code

        sources = self._sources(sent, mentions)
        same_source = bool(sent.cat("src_same"))
        kinds = [(h.start, h.payload) for h in sent.cat("kind")]

        figures: list[_Figure] = []
        prev: _Figure | None = None
        quantities = sent.quantities
        clause_has_q = [False] * len(sent.clauses)
        for q in quantities:
            clause_has_q[sent.clause_of(q.start)] = True
        for index, q in enumerate(quantities):
            ci = sent.clause_of(q.start)
            clause = sent.clauses[ci]
            back = quantities[index - 1].end if index else 0
            fwd = min(clause.end, quantities[index + 1].lead if index + 1 < len(quantities) else len(text))
            inherit = prev if prev is not None and (prev.clause == ci or clause.adjunct) else None
            metric, unit, of_metric, _cue = self._metric(sent, q, back, fwd, clause)
            confidence = 0.9
            if (metric is None and prev is not None and prev.clause == ci and prev.of_metric
                    and q.unit is not None and q.unit.isupper() and prev.of_metric in _CURRENCY_METRICS):
                metric, unit = prev.of_metric, q.unit  # "grew 21% to $12.6bn": the level of what grew
            if metric is None and inherit is not None and q.unit is not None:
                same_kind = (q.unit == inherit.unit or (q.unit.isupper() and inherit.unit.isupper()))
                if same_kind and inherit.metric not in ("growth_percent", "growth_multiple"):
                    metric, unit = inherit.metric, q.unit
                    confidence -= 0.1
            if metric is None or unit is None:
                continue

            # platform
            in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
            explicit = [(m.start, m) for m in in_clause if m.explicit]
            backrefs = [(m.start, m) for m in in_clause if not m.explicit]
            centre = (q.start + q.end) // 2
            chosen = _nearest(explicit, centre) or _nearest(backrefs, centre)
            platform = chosen[1].platform if chosen else None
            if platform is None and clause.adjunct and prev is not None:
                platform = prev.platform
            if platform is None:
                platform = subject
                confidence -= 0.1
            if platform is None:
                continue
            if chosen and not chosen[1].explicit:
                confidence -= 0.1

            # base period (growth only) and period
            base_mention: PeriodMention | None = None
            if metric in ("growth_percent", "growth_multiple"):
                nxt = ci + 1 if ci + 1 < len(sent.clauses) and not clause_has_q[ci + 1] else ci
                limit = sent.clauses[nxt].end
                for mention, _value in periods:
                    if q.end <= mention.start < limit and (mention.base_prep or mention.kind in ("yoy", "qoq")):
                        base_mention = mention
                        break
            own = [(m.start, v) for m, v in periods
                   if v and m is not base_mention and m.kind not in ("yoy", "qoq")
                   and clause.start <= m.start < clause.end and not (m.base_prep and base_mention is None
                                                                      and metric.startswith("growth"))]
            period = _nearest(own, centre)[1] if own else None
            if period is None and inherit is not None and clause.adjunct:
                period = inherit.period
            if period is None:
                free = [(m.start, v) for m, v in periods
                        if v and m.kind not in ("yoy", "qoq") and not m.base_prep
                        and not clause_has_q[sent.clause_of(m.start)]]
                period = _nearest(free, centre)[1] if free else None
            base_period: str | None = None
            if base_mention is not None:
                if base_mention.kind == "yoy":
                    base_period = shift(period, years=-1) if period else None
                elif base_mention.kind == "qoq":
                    base_period = shift(period, quarters=-1) if period and "-Q" in period else None
                else:
                    base_period = next((v for m, v in periods if m is base_mention), None)
            if metric.startswith("growth") and of_metric is None and prev is not None:
                of_metric = prev.metric

            # region
            own_regions = [(p, c) for p, c, _local in regions if clause.start <= p < clause.end]
            region = _nearest(own_regions, centre)[1] if own_regions else None
            if region is None and clause.adjunct and prev is not None:
                region = prev.region
            if region is None:
                wide = [(p, c) for p, c, local in regions if not local]
                before = [(p, c) for p, c in wide if p < q.start]
                region = before[-1][1] if before else (wide[0][1] if wide else None)
            if region is None and same_source:
                region = memory.prev_sentence_region

            # kind
            kind = "actual"
            own_kinds = [k for p, k in kinds if clause.start <= p < q.lead]
            free_kinds = [k for p, k in kinds if not clause_has_q[sent.clause_of(p)]]
            if own_kinds:
                kind = "target" if "target" in own_kinds else own_kinds[-1]
            elif clause.adjunct and prev is not None:
                kind = prev.kind
            elif free_kinds:
                kind = "target" if "target" in free_kinds else free_kinds[-1]
            # A period that has not started when the article appeared can only be a forecast.
            published = self.published
            if kind == "actual" and period and published is not None and period_start(period) > (
                published.year, published.month, published.day
            ):
                kind = "forecast"

            clause_sources = [(p, n) for p, n in sources if clause.start <= p < clause.end]
            source_pick = _nearest(clause_sources or sources, centre)
            source = source_pick[1] if source_pick else None

            figure = _Figure(q, ci, platform, metric, unit, q.qualifier, kind, period, region, source,
                             base_period, of_metric, max(0.05, min(1.0, confidence)), (start, end))
            qualifier_verbs = [h for h in sent.cat("qual_verb") if max(back, clause.start) <= h.start < q.lead]
            if figure.qualifier == "exact" and qualifier_verbs:
                figure.qualifier = "more_than"
            figures.append(figure)
            prev = figure

        # memory for the next sentences
        explicit_mentions = [m for m in mentions if m.explicit]
        if mentions:
            memory.topic = mentions[0].platform  # the sentence's subject, back-references resolved
        if explicit_mentions:
            memory.last_explicit = explicit_mentions[-1].platform
        named = [s for _p, s in sources if s]
        if named:
            memory.last_source = named[-1]
        concrete = [c for _p, c, local in regions if not local]
        memory.prev_sentence_region = concrete[-1] if concrete else (
            figures[-1].region if figures and figures[-1].region != "global" else None)
        return figures

    def run(self) -> list[ExtractedFigure]:
        raw: list[_Figure] = []
        for start, end, paragraph in attr.sentences(self.text):
            raw.extend(self._sentence(start, end, paragraph))
        seen: set[tuple[Any, ...]] = set()
        out: list[ExtractedFigure] = []
        for f in raw:
            key = (f.platform, f.metric, f.unit, round(f.q.value, 6), f.period, f.kind)
            if key in seen:
                continue
            seen.add(key)
            s0, s1 = f.sentence
            q_start = s0 + f.q.start
            q_end = s0 + f.q.end
            span = self.norm.span_to_original(q_start, q_end)
            sent_span = self.norm.span_to_original(s0, s1)
            out.append(ExtractedFigure(
                platform=f.platform, metric=f.metric, value=f.q.value, unit=f.unit, qualifier=f.qualifier,
                kind=f.kind, period=f.period, region=f.region, source=f.source, base_period=f.base_period,
                of_metric=f.of_metric, span=span, sentence=self.norm.original[sent_span[0] : sent_span[1]].strip(),
                confidence=round(f.confidence, 3),
            ))
        out.sort(key=lambda fig: fig.span)
        return out


def _clean_name(raw: str) -> str:
    words = raw.replace("’", "'").split()
    while words and words[0].lower().strip(".,'") in _STOP:
        words.pop(0)
    name = " ".join(words).rstrip(".,'")
    if name.endswith("'s"):
        name = name[:-2]
    return name if len(name) >= 2 else ""


def _platform_name(name: str) -> str | None:
    for entry in TABLE.get(fold(name).lower(), []):
        if entry.cat == "platform":
            return PLATFORM_NAMES.get(entry.payload, name)
        if entry.cat == "owner":
            return entry.payload.split("|")[0]
    return None


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

