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
_FROM_BEFORE = re.compile(r"(?<!\w)(?:from|من)\s*\Z", re.IGNORECASE)
# What may follow an elliptic figure ("... and aims to reach 80,000 by 2025"): no noun of its own.
_ELLIPSIS_NEXT = re.compile(
    r"\s*(?:[.,;:)]|\Z|(?:by|in|at|this|next|within|before|over|across|on|for|and|بحلول|في|خلال|مع|حتى|بنهايه"
    r"|و)(?!\w))"
)
_LEVEL_BEFORE = re.compile(r"(?<!\w)(?:الي|to|at|reached|بلغ|بلغت|يبلغ|تبلغ)\s*\Z", re.IGNORECASE)
_CAPRUN = re.compile(r"(?:[A-Z]|[a-z][A-Z])[A-Za-z0-9&.\-']*(?:\s+(?:&\s+|of\s+)?[A-Z][A-Za-z0-9&.\-']*)*")
_NAME_BEFORE = re.compile(
    r"(?P<name>[A-Z][A-Za-z0-9&.\-']*(?:\s+[A-Z][A-Za-z0-9&.\-']*)*)(?:\s*,[^,]{1,70},)?\s*\Z"
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
_MEMBERS_OF = re.compile(r"\s+(?:في|لدى|من|ب|at|from|with|of)\s", re.IGNORECASE)

# ------------------------------------------------------------------ platforms outside the lexicon
# The contract slugs any platform by its Latin name; it is recognised by how the text introduces it:
# an appositive or copula naming it a marketplace/app/platform ("Depop, the London-based resale app,"
# "Hepsiburada is a Turkish e-commerce platform"), the kind noun before it ("the resale platform
# Poshmark"), or in Arabic the kind noun before the Arabic name followed by the Latin one in brackets
# («منصة «ميشو» (Meesho)», «جوميا» (Jumia) للتجارة الإلكترونية). Data, research and analytics
# platforms are sources, not platforms.
_KIND_NOUN = (r"(?:marketplace|app|platform|e-commerce site|shopping site|online store|online retailer|e-tailer"
              r"|retailer|social network|super-?app|storefront|shopping service)s?")
_NAME = r"[A-Z][A-Za-z0-9]+(?:[ -][A-Z][A-Za-z0-9]+){0,2}"
_SOURCE_KINDS = re.compile(r"(?<!\w)(?:data|analytics|research|intelligence|measurement|payments?|advertising|ad"
                           r"|البيانات|الأبحاث|الابحاث|التحليلات|الاستشارات|الإعلانات|الاعلانات|الدفع)(?!\w)",
                           re.IGNORECASE)
_DISCOVER_EN = re.compile(
    r"(?<![\w.])(?P<appos>" + _NAME + r"),\s+(?P<appos_mod>(?:the|a|an|[A-Z][\w.-]*'s)(?:\s+[\w'-]+){0,5}?)\s+"
    + _KIND_NOUN + r"(?=\s*[,;.)]|\s+-)"
    r"|(?<![\w.])(?P<cop>" + _NAME + r")\s+(?:is|was|has become|remains)\s+(?P<cop_mod>(?:the|a|an|[A-Z][\w.-]*'s)"
    r"(?:\s+[\w'-]+){0,5}?)\s+" + _KIND_NOUN + r"(?!\w)"
    r"|(?<![\w-])(?:marketplace|platform|app|e-commerce site|retailer)\s+(?P<pre>" + _NAME + r")(?![\w'])"
)
_DISCOVER_EN_GATE = re.compile(r"marketplace|app|platform|site|store|retailer|network|storefront|service")
_PRE_MODIFIERS = re.compile(r"(?:[a-z][\w'-]*\s+){0,3}\Z")
_AR_WORD = r"[\u0621-\u064a]+"
_DISCOVER_AR = re.compile(
    r"(?<!\w)(?:[وفبلك]{0,2}|ال)(?:منصه|تطبيق|متجر|موقع)(?P<ar_mod>(?:\s+" + _AR_WORD + r"){0,3}?)\s+"
    r"(?:\"(?P<arq>[^\"()\n]{1,30})\"|(?P<arw>" + _AR_WORD + r"))\s*\((?P<lat>[A-Z][A-Za-z0-9.&' -]{0,40})\)"
    r"|\"(?P<arq2>[^\"()\n]{1,30})\"\s*\((?P<lat2>[A-Z][A-Za-z0-9.&' -]{0,40})\)\s+(?:لل|ل)?"
    r"(?:تجاره\s+الالكترونيه|تسوق)"
)
_NOT_NAMES = {"the", "a", "an", "it", "its", "this", "that", "however", "meanwhile", "still", "now", "yet", "but",
              "and", "also", "instead", "today", "monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "in", "on", "at", "for", "with", "analysts"}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _known(name: str) -> bool:
    return fold(name).lower() in TABLE


def discover_platforms(text: str) -> dict[str, tuple[str, str]]:
    """Aliases (as written) of platforms the text introduces that the lexicon lacks -> (slug, Latin name)."""
    found: dict[str, tuple[str, str]] = {}
    for match in _DISCOVER_EN.finditer(text) if _DISCOVER_EN_GATE.search(text) else ():
        kind = None
        for group in ("appos", "cop", "pre"):
            if match.group(group):
                kind = group
        if kind is None:
            continue
        name = match.group(kind)
        if kind == "pre":
            before = _PRE_MODIFIERS.search(text, max(0, match.start() - 60), match.start())
            modifiers = before.group() if before else ""
        else:
            modifiers = match.group(f"{kind}_mod") or ""
        if _SOURCE_KINDS.search(modifiers) or name.lower() in _NOT_NAMES or name.split()[0].lower() in _NOT_NAMES:
            continue
        if _known(name) or any(_known(word) for word in name.split()):
            continue
        found.setdefault(name, (_slug(name), name))
    for match in _DISCOVER_AR.finditer(text) if "(" in text else ():
        latin = (match.group("lat") or match.group("lat2") or "").strip()
        arabic = (match.group("arq") or match.group("arw") or match.group("arq2") or "").strip()
        if not latin or not arabic or _SOURCE_KINDS.search(match.group("ar_mod") or ""):
            continue
        if _known(latin) or _known(arabic) or latin.lower() in _NOT_NAMES:
            continue
        entry = (_slug(latin), latin)
        found.setdefault(latin, entry)
        found.setdefault(arabic, entry)
    return found


def _alias_matcher(aliases: dict[str, tuple[str, str]]) -> re.Pattern[str] | None:
    if not aliases:
        return None
    body = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    # Arabic aliases may carry one or two clitic letters («لبيندوودو», «وبيندوودو»).
    return re.compile(r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وفبلك]{2}))(?P<n>" + body + r")(?!\w)")


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
    sign: float = 1.0  # -1 for a decline ("fell 5%", «تراجعت بنسبة 7%»)


def detect_language(text: str) -> str:
    """``ar`` or ``en`` by which script dominates the first few thousand characters."""
    sample = text[:4000]
    return "ar" if len(_ARABIC.findall(sample)) >= len(_LATIN.findall(sample)) else "en"


class _Sentence:
    """Everything found in one sentence, positions relative to the sentence."""

    def __init__(self, text: str, x_ok: bool, extra: re.Pattern[str] | None = None,
                 aliases: dict[str, tuple[str, str]] | None = None) -> None:
        self.text = text
        low = ascii_lower(text)
        self.quantities = find_quantities(text, low)
        covered = bytearray(len(text) + 1)  # characters inside a quantity (its unit words too)
        for q in self.quantities:
            covered[q.start : q.end] = b"\x01" * (q.end - q.start)
        hits = scan(text, low)
        if extra is not None and aliases:
            hits.extend(Hit(m.start("n"), m.end("n"), "platform", aliases[m.group("n")][0])
                        for m in extra.finditer(text))
            hits.sort(key=lambda h: h.start)
        self.hits = [h for h in hits if not (covered[h.start] or covered[h.end - 1])]
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
        self.aliases = discover_platforms(self.text[:200000])
        self.extra = _alias_matcher(self.aliases)
        for slug, name in self.aliases.values():
            self.memory.names.setdefault(slug, name)

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
            elif mention.kind == "same_in_year" and mention.year is not None:
                focus = memory.last_quarter if memory.last_period == memory.last_quarter else None
                value = f"{mention.year}-Q{focus[-1]}" if focus else str(mention.year)
            elif mention.kind == "prev_year":
                latest = memory.last_year or (str(pub.year) if pub else None)
                value = str(int(latest[:4]) - 1) if latest else None
            out.append((mention, value))
            if value and not mention.base_prep and mention.kind not in ("yoy", "qoq", "prev_year", "same_in_year"):
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
                name = PLATFORM_NAMES.get(hit.payload) or memory.names.get(hit.payload, hit.payload)
                entities.append((hit.start, hit.end, "name", name))
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
            name = _clean_name(match.group(), keep_the=match.start() > 0)
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
            for start, end, kind, value in entities:
                if start < cue.end:
                    continue
                if start > cue.end + _SOURCE_REACH:
                    break
                if kind == "unnamed" and _MEMBERS_OF.match(text, end):
                    continue  # «محللون في «غولدمان ساكس»», "analysts at Jefferies": the firm is credited
                ok, credited = resolve(kind, value, start)
                if ok:
                    found.append((cue.start, credited))
                    break
            else:
                # «أما «أمازون»، فقالت إن ...»: an Arabic speech verb with its subject fronted before it.
                fronted = [m for m in mentions if m.explicit and m.end <= cue.start]
                if fronted and _ARABIC.match(text, cue.start):
                    found.append((cue.start, attr.company_name(fronted[-1].platform, memory)))
        for cue in sent.cat("src_verb"):
            # "Mercado Libre, the largest marketplace in Latin America, said": the platform before the
            # appositive speaks, not the last capitalised words inside it.
            spoken = [m for m in mentions if m.explicit and m.speaker and m.end <= cue.start
                      and cue.start - m.end <= 80 and attr.SPEAKER_GAP_AFTER.fullmatch(text, m.end, cue.start)]
            if spoken:
                found.append((cue.start, attr.company_name(spoken[-1].platform, memory)))
                continue
            before = [e for e in entities if 0 <= cue.start - e[1] <= 2]
            if before:
                ok, credited = resolve(before[-1][2], before[-1][3], before[-1][0])
                if ok:
                    found.append((cue.start, credited))
                continue
            named = _NAME_BEFORE.search(text, max(0, cue.start - 100), cue.start)
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
        if q.bare:
            return None, None, None, -1  # only ever an elliptic figure, decided by the caller
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

        # A clause continuing the previous one (", up 9% from a year earlier") grows what that one named.
        scope = clause.start
        if clause.adjunct:
            index = sent.clauses.index(clause)
            scope = sent.clauses[index - 1].start if index else clause.start

        def grown() -> tuple[bool, str | None]:
            """What grew: the nearest metric or rejected noun before the figure in its clause."""
            nouns = [h for h in sent.hits if h.cat in ("metric", "negative") and scope <= h.start < q.lead]
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
        sent = _Sentence(self.text[start:end], self.x_ok, self.extra, self.aliases)
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
            metric, unit, of_metric, cue_at = self._metric(sent, q, back, fwd, clause)
            confidence = 0.9
            sign = 1.0
            if metric == "growth_percent":
                if any(h.start == cue_at and h.payload == "-" for h in sent.cat("growth")):
                    sign = -1.0
                if (prev is not None and prev.unit == "percent" and not prev.metric.startswith("growth")
                        and _FROM_BEFORE.search(text, max(0, q.lead - 8), q.lead)):
                    metric, of_metric, sign = prev.metric, None, 1.0  # "to 24%, up from 13%": the old level
            if (metric is None and prev is not None and prev.clause == ci and prev.of_metric
                    and q.unit is not None and q.unit.isupper() and prev.of_metric in _CURRENCY_METRICS):
                metric, unit = prev.of_metric, q.unit  # "grew 21% to $12.6bn": the level of what grew
            elif (metric is None and prev is not None and prev.clause == ci
                  and prev.of_metric in ("active_users", "sellers", "orders")
                  and (q.unit is None or q.unit == "people") and (q.scaled or q.bare or q.unit == "people")
                  and _LEVEL_BEFORE.search(text, max(0, q.lead - 10), q.lead)):
                # "users rose 4.5% to 144 million": the level of what grew
                metric = prev.of_metric
                unit = "users" if metric == "active_users" else "count"
            elif (metric is None and prev is not None and q.unit is None and (q.scaled or q.bare)
                  and prev.metric in ("active_users", "sellers", "orders")
                  and _ELLIPSIS_NEXT.match(text, q.end)
                  and not any(clause.start <= h.start < q.lead for h in sent.cat("negative"))):
                # "60,000 sellers ..., and it aims to reach 80,000 by 2025": the noun is left out
                metric, unit = prev.metric, prev.unit
                confidence -= 0.2
            if metric is None and inherit is not None and q.unit is not None:
                same_kind = (q.unit == inherit.unit or (q.unit.isupper() and inherit.unit.isupper()))
                if same_kind and inherit.metric not in ("growth_percent", "growth_multiple"):
                    metric, unit = inherit.metric, q.unit
                    confidence -= 0.1
            if metric is None or unit is None:
                continue

            # platform
            in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
            # What the figure is about: a platform named in the clause, else a back-reference, and only
            # then the one credited ("Meta said the app's orders doubled": the app's).
            explicit = [(m.start, m) for m in in_clause if m.explicit and not m.speaker]
            backrefs = [(m.start, m) for m in in_clause if not m.explicit]
            speakers = [(m.start, m) for m in in_clause if m.explicit and m.speaker]
            centre = (q.start + q.end) // 2
            chosen = _nearest(explicit, centre) or _nearest(backrefs, centre) or _nearest(speakers, centre)
            platform = chosen[1].platform if chosen else None
            if platform is None and clause.adjunct and prev is not None:
                platform = prev.platform
            if platform is None:
                platform = subject
                confidence -= 0.1
            if platform is None:
                continue
            if metric != "market_share" and not any(not m.speaker for m in in_clause) and any(
                    clause.start <= h.start < q.lead for h in sent.cat("market_total")):
                continue  # "Google and Temasek expect Indonesia's e-commerce GMV to reach ...": the market's
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
            if metric.startswith("growth") and base_mention is None and period and "-Q" not in period:
                base_period = str(int(period) - 1)  # "doubled last year": growth over a year is on the year before
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

            candidates = [(p, n) for p, n in sources if clause.start <= p < clause.end] or sources
            if any(n for _p, n in candidates):  # "sources cited by Reuters": the named one is credited
                candidates = [(p, n) for p, n in candidates if n]
            source_pick = _nearest(candidates, centre)
            source = source_pick[1] if source_pick else None

            figure = _Figure(q, ci, platform, metric, unit, q.qualifier, kind, period, region, source,
                             base_period, of_metric, max(0.05, min(1.0, confidence)), (start, end), sign)
            qualifier_verbs = [h for h in sent.cat("qual_verb") if max(back, clause.start) <= h.start < q.lead]
            if figure.qualifier == "exact" and qualifier_verbs:
                figure.qualifier = "more_than"
            figures.append(figure)
            prev = figure

        # memory for the next sentences
        explicit_mentions = [m for m in mentions if m.explicit]
        if mentions:
            memory.topic = mentions[0].platform  # the sentence's subject, back-references resolved
            memory.topic_company = mentions[0].company
        if explicit_mentions:
            memory.last_explicit = explicit_mentions[-1].platform
        apps = [m for m in explicit_mentions if not m.company]
        if apps:
            memory.app_topic = apps[0].platform
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
        # One figure stated twice is one signal; a repeat that lacks the period ("In Germany, Temu now
        # counts about 12 million users") is the same figure, and fills what the first statement left open.
        kept: dict[tuple[Any, ...], list[_Figure]] = {}
        unique: list[_Figure] = []
        for f in raw:
            key = (f.platform, f.metric, f.unit, round(f.q.value * f.sign, 6))
            same = next((g for g in kept.get(key, []) if (g.period == f.period and g.kind == f.kind)
                         or f.period is None or (g.period is None and g.kind == f.kind)), None)
            if same is not None:
                if same.kind == f.kind:
                    for name in ("period", "region", "source", "base_period"):
                        if getattr(same, name) is None and getattr(f, name) is not None:
                            setattr(same, name, getattr(f, name))
                continue
            kept.setdefault(key, []).append(f)
            unique.append(f)
        out: list[ExtractedFigure] = []
        for f in unique:
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


def _clean_name(raw: str, keep_the: bool = False) -> str:
    """A credited name without leading function words; a capitalised "The" inside a sentence is part of
    a title ("The Information reported")."""
    words = raw.replace("’", "'").split()
    if keep_the and len(words) > 1 and words[0] == "The" and words[1].lower() not in _STOP:
        return " ".join(words).rstrip(".,'")
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

