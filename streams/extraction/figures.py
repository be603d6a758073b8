"""The figures of one sentence: each quantity with a metric and a platform becomes a candidate.

For each quantity, in order: what it measures (:mod:`.measures`), which platform it is about
(:mod:`.subjects`), its period and base period (:mod:`.period_resolution`), region
(:mod:`.regions`), kind and qualifier (:mod:`.kinds`) and source (:mod:`.sources`). What the
sentence established is then kept in the article's memory for the sentences after it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from .candidate import Candidate
from .corrections import retracted_span
from .credit import figure_source
from .disowned import NotOnesFigure, counterfactual_start, disowned_span
from .focus import InFocus
from .groups import group_names
from .kinds import NOW, figure_kind, figure_qualifier
from .lexicon.platforms import COMPANY_SLUGS
from .measures import continues_list, metric_in_context
from .memory import Memory
from .mentions import Mention, platform_mentions
from .numbers.currencies import for_region
from .period_resolution import figure_periods, resolve_periods
from .regions import MANY, Regions, figure_region, region_mentions
from .respectively import LISTED_FIGURE, lists_respectively, respective
from .sentence import Sentence
from .sources import Credit, credited_sources
from .subjects import figure_platform

_HEADING = re.compile(r"\s*[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2}\.\s*")
# A clause in the present tense states a figure for now, not for the period of the figure before it.
_PRESENT = re.compile(r"(?<!\w)(?:is|are|has|have|remains|stays|now|still)(?!\w)")
_CONDITION = re.compile(r"(?<![\w'])(?:[Ii]f|[Ww]ere\s+[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?\s+to|[Ss]uppose"
                        r"|[Hh]ad\s+[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?\s+(?:hit|reached|kept|grown|added))(?![\w'])")
_MODAL = re.compile(r"(?<![\w'])(?:would|could|might)(?![\w'])")
_COMPANY_ENDINGS = (" Group", " Technologies", " Inc", " Inc.", " Limited", " Ltd", " Ltd.", " plc", " PLC", " Corp",
                    " Corp.", " Corporation", " S.A.")
_CORRECTED = re.compile(r"\s*(?:[—–-]+|,)\s*(?:sorry|actually|I mean|correction|no|rather|عفوا|عذرا|بل"
                        r"|اقصد)"
                        r"(?:\s*[,—–-]+\s*|\s+)(?:(?:it's|it is|that's|make that|about|roughly|nearer|closer to)"
                        r"\s+)?\Z")
_OWN_PART = re.compile(r"\s+of\s+(?:(?:its|their|our|the\s+company's|the\s+group's|[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?'s)"
                       r"\s+)(?:own\s+)?(?:total\s+|gross\s+|online\s+|overall\s+){0,2}(?:orders|sales|revenues?|gmv"
                       r"|merchandise value|users|customers|buyers|traffic|visits)(?!\w)")
# A seller's own numbers in a first-person post ("my store converts at 2.3%", "My own numbers: 1,140 orders"):
# one account's, not the platform's
_MINE = re.compile(r"(?<![\w'])[Mm]y\s+(?:own\s+)?(?:numbers|figures|stats|store|shop|sales|orders|lives|live streams"
                   r"|streams|average|basket|conversion|business|brand|page|channel|listings|account's)(?!\w)")
# Several platforms' figure summed ("X and Y together processed"), or none's ("no single platform has"): no signal
_JOINT = re.compile(r"(?<!\w)(?:(?:together|between them|combined|jointly)\s+(?:processed|handled|sold|had|have|hold"
                    r"|held|accounted|account|took|take|made|make|generated|did|do|control|controlled|served|shipped)"
                    r"|no\s+(?:single\s+|one\s+)?(?:platform|app|marketplace|company|player|rival|retailer)s?"
                    r"\s+(?:has|had|holds|held|have|controls|controlled|commands|takes|took|accounts|accounted))(?!\w)",
                    re.IGNORECASE)
# "the app accounted for more than half of sales.": sales of no market named, the company's own
_OF_SALES_ALONE = re.compile(r"(?:\s+of)?\s+(?:total\s+|group\s+)?(?:sales|revenues?|orders|turnover)\s*(?:[.;]|\Z)")
_JOINT_GATE = ("ogether", "between them", "ointly", "ombined", "No ", "no ")
_CONVERSION = re.compile(r"\s*(?:\(\s*(?:about|around|roughly|nearly|some|approximately|almost|نحو|حوالي)?\s*"
                         r"|,\s+or\s+(?:about\s+|around\s+|roughly\s+)?|\s+أي\s+(?:ما\s+يعادل\s+)?(?:نحو\s+)?)")


def sentence_figures(sent: Sentence, span: tuple[int, int], memory: Memory, published: datetime | None,
                     x_ok: bool) -> list[Candidate]:
    """Candidates of the sentence at ``span`` (body offsets), in order; updates ``memory``."""
    text = sent.text
    periods = resolve_periods(sent, memory, published)
    mentions = platform_mentions(text, sent.hits, lambda: sent.clauses, memory, x_ok, sent.quotes, sent.interview)
    regions = region_mentions(sent, memory)
    sources = credited_sources(sent, mentions, memory)
    same_source = bool(sent.cat("src_same"))

    figures: list[Candidate] = []
    prev: Candidate | None = None
    quantities = sent.quantities
    clause_has_q = [False] * len(sent.clauses) if quantities else []
    for q in quantities:
        clause_has_q[sent.clause_of(q.start)] = True
    # Clauses that name a platform of their own but no metric: a list or comparison that leaves it out.
    gapped: set[int] = set()
    if len(quantities) > 1:
        named = {sent.clause_of(m.start) for m in mentions if m.explicit and not m.owner}
        gapped = named - {sent.clause_of(h.start) for h in sent.cat("metric")}
    # "If the rate ever hit 10%, ... would", "Were Zentro to repeat ..., its share would approach 10%": a scenario
    conditional = _CONDITION.search(text) if quantities and ("f " in text or "ere " in text or "ppose" in text
                                                             or "ad " in text) else None
    scenario = conditional.start() if conditional and _MODAL.search(text, conditional.end()) else len(text)
    taken_back = retracted_span(text) if quantities else None  # "An earlier version of this article said ... 11%"
    joint = list(_JOINT.finditer(text)) if quantities and any(word in text for word in _JOINT_GATE) else []
    mine = _MINE.search(text) if quantities and "y " in text else None
    counterfactual = counterfactual_start(text) if quantities else None
    if counterfactual is not None:  # «ولو بلغت هدفها لتجاوزت إيراداتها ...»
        scenario = min(scenario, counterfactual)
    disowned = disowned_span(sent) if quantities else (0, 0)  # «ونفت X تقريراً عن أن ...»
    retracted_before = False
    respectively = len(quantities) > 1 and lists_respectively(text)
    not_ones = NotOnesFigure(sent) if quantities else None
    focus = InFocus(sent, mentions, memory) if quantities else None
    for index, q in enumerate(quantities):
        if (q.start > scenario or disowned[0] < q.start < disowned[1]
                or (taken_back and taken_back[0] <= q.start < taken_back[1])):
            continue
        if mine and mine.start() < q.start:
            continue
        if joint and any(sent.clauses[sent.clause_of(q.start)].start <= m.start() < q.lead for m in joint):
            continue
        if not_ones is not None and not_ones(q):
            continue  # «أي منصة أخرى», «موزعاً على متاجر صغيرة», «ربع للأبحاث»: no one platform's figure
        ci = sent.clause_of(q.start)
        clause = sent.clauses[ci]
        gap = prev is not None and ci in gapped and prev.clause != ci
        if retracted_before:
            clause = replace(clause, adjunct=True)  # "18%, sorry, 17%": the correction stands for what it corrects
        if gap:
            clause = replace(clause, adjunct=True)  # "..., followed by X at 19%": it continues the previous clause
        listed = bool(respectively and prev is not None and prev.clause != ci and q.unit and q.unit == prev.q.unit
                      and LISTED_FIGURE.fullmatch(text, prev.q.end, q.lead))
        if listed:
            clause = replace(clause, adjunct=True)  # "were 2.1%, 1.7% and 3.4% respectively": one list of figures
        back = quantities[index - 1].end if index else 0
        if (index and q.qualifier == "up_to" and quantities[index - 1].qualifier == "at_least"
                and quantities[index - 1].unit == q.unit):
            back = quantities[index - 2].end if index > 1 else 0  # "growth of between 40 and 50%": the range's cue
        fwd = min(clause.end, quantities[index + 1].lead if index + 1 < len(quantities) else len(text))
        if (q.qualifier == "at_least" and index + 1 < len(quantities) and quantities[index + 1].qualifier == "up_to"
                and quantities[index + 1].unit == q.unit):
            # "between 55 and 60 percent of transactions": the lower bound measures what the upper does
            upper = sent.clauses[sent.clause_of(quantities[index + 1].start)]
            fwd = min(upper.end, quantities[index + 2].lead if index + 2 < len(quantities) else len(text))
        inherit = prev if prev is not None and (prev.clause == ci or clause.adjunct) else None
        if prev is not None and _CONVERSION.fullmatch(text, prev.q.end, q.lead) and q.unit and prev.unit.isupper():
            continue  # "68.4 trillion rupiah ($4.5 billion)": the same figure in another currency
        # "nearer one percent — actually, one point two percent": the first is taken back (read, for the second)
        retracted = index + 1 < len(quantities) and _CORRECTED.match(text, q.end, quantities[index + 1].lead)
        measured = metric_in_context(sent, q, ci, back, fwd, prev, gap or retracted_before or listed,
                                     memory.last_figure if index == 0 else None)
        if measured is None:
            continue
        metric, unit, of_metric, confidence, sign = measured
        if metric == "market_share" and (_OWN_PART.match(text, q.end) or _OF_SALES_ALONE.match(text, q.end)):
            continue  # "62% of its orders", "10% of Zentro's gross orders": a part of its own business, no market
        if q.words and q.value == 1 and unit in ("count", "users"):
            continue  # "at least one order", "one seller": a single one is never a platform's figure
        # An article about one platform only: a sentence naming none ("Revenue for the quarter was ...") is its.
        lone = memory.topic if not mentions and (len(memory.platforms_seen) == 1 or (
            sent.opens_with_growth and memory.last_figure is not None)) else None
        if memory.host and not mentions:
            lone = memory.host  # the company's own call or investor day: what names no platform is its
        if lone is None and not mentions:
            # a company-wide name beside one app (Meta's report on Instagram): the article is about the app
            apps = memory.platforms_seen - COMPANY_SLUGS
            lone = next(iter(apps)) if len(apps) == 1 and len(memory.platforms_seen) == 2 else None
        about = figure_platform(sent, mentions, q, clause, metric, prev, confidence, memory.heading or lone)
        if about is None:
            continue
        platform, confidence = about
        if focus is not None:  # «وقالت إنها ...», an owner beside two of its platforms
            platform = focus.platform(platform, q, clause)
        period, base_period, implied_base = figure_periods(sent, periods, q, ci, metric, inherit, clause_has_q,
                                                           clause.adjunct, memory.last_period)
        # "... in the quarter, SDL said, and the number of sellers topped 150,000": the sentence's period so far
        earlier = next((f for f in reversed(figures) if f.platform == platform and f.kind == "actual" and f.period),
                       None) if period is None else None
        if (earlier is not None and not (metric.startswith("growth") and base_period is None)
                and not NOW.search(text, clause.start, clause.end)
                and not _PRESENT.search(text, clause.start, clause.end)):
            period = earlier.period
        if period is None and memory.title_period and (memory.live or (
                not metric.startswith("growth") and not NOW.search(text, clause.start, clause.end)
                and not _PRESENT.search(text, clause.start, clause.end))):
            period = memory.title_period  # a live blog's "is", "now", "so far" are its day's too
        if period is None and focus is not None:
            period = focus.period(periods, q, clause, metric)  # the paragraph's quarter, «خلال العام»
        if metric.startswith("growth") and of_metric is None and prev is not None:
            of_metric = prev.metric
        region = figure_region(regions, q, clause, prev, same_source, memory, platform,
                               not any(m.explicit for m in mentions), metric)
        if region == MANY:
            region = None  # "across Lebanon and Iraq": several countries, no one code
        if q.currency_noun:
            unit = for_region(q.currency_noun, unit, region or memory.last_region)
        kind = figure_kind(sent, q, clause, prev, clause_has_q, period, published)
        if base_period is None:
            base_period = implied_base
        source = figure_source(sources, sent, q, clause.start, clause.end, memory)
        qualifier = figure_qualifier(sent, q, clause, back)
        if retracted_before and qualifier == "exact" and prev is not None:
            qualifier = prev.qualifier  # "roughly 18, sorry, 17 percent": the correction changes the number only
        if index == 0 and memory.last_figure and continues_list(sent, q, clause, memory.last_figure):
            last_period, last_region, last_source = memory.last_context  # "Otto was at 22%": the list's
            period, region, source = period or last_period, region or last_region, source or last_source
        figure = Candidate(q, ci, platform, metric, unit, qualifier, kind, period,
                           region, source, base_period, of_metric, max(0.05, min(1.0, confidence)), span, sign)
        if not retracted:
            figures.append(figure)
        prev = figure
        retracted_before = bool(retracted)
    figures = respective(text, mentions, figures)
    # "GMS $2.8B, down 6.5% y/y": the growth of a figure, dated by the period in focus, dates the figure too
    for index, figure in enumerate(figures[:-1]):
        growth = figures[index + 1]
        if (figure.period is None and growth.period and growth.metric.startswith("growth")
                and growth.of_metric == figure.metric and growth.platform == figure.platform
                and figure.kind == "actual" == growth.kind):
            figures[index] = replace(figure, period=growth.period)
    _remember(sent, memory, mentions, sources, regions, figures)
    return figures


def _remember(sent: Sentence, memory: Memory, mentions: list[Mention], sources: list[Credit], regions: Regions,
              figures: list[Candidate]) -> None:
    """What the next sentences may refer back to: the subject, the last platform, source and region."""
    explicit_mentions = [m for m in mentions if m.explicit]
    if mentions:
        # the sentence's subject, back-references resolved; not an owner ("Noon's fashion arm Namshi said")
        subject = next((m for m in mentions if not m.owner), mentions[0])
        memory.topic = subject.platform
        memory.topic_company = subject.company
    if explicit_mentions:
        memory.last_explicit = explicit_mentions[-1].platform
    apps = [m for m in explicit_mentions if not m.company]
    if apps:
        memory.app_topic = apps[0].platform
    if figures:
        memory.last_figure = (figures[-1].metric, figures[-1].unit)
        memory.last_context = (figures[-1].period, figures[-1].region, figures[-1].source)
    heading = _HEADING.match(sent.text) if mentions and mentions[0].explicit else None
    if heading and (heading.end() == len(sent.text) or mentions[0].end < heading.end() <= len(sent.text) // 2):
        # "HSN." opening a paragraph of a note (alone, or read with the sentence after it: "HSN. Harder to
        # say."): what the paragraph is about
        memory.heading = mentions[0].platform
    quoted = [name for _s, _e, name, _slug in sent.quotes if name]
    if quoted:
        memory.last_quoted = quoted[-1]
    named = [s for _p, s, _forward in sources if s]
    if named:
        memory.last_source = named[-1]
        memory.sources_named.extend(named)
    companies = [s for s in named if s in memory.companies or s.endswith(_COMPANY_ENDINGS)]
    if companies:
        memory.last_company_source = companies[-1]
    groups = [s for s in named if s.endswith(" Group")] + [name for _at, name in group_names(sent, memory)]
    if groups:
        memory.last_group = groups[-1]
    concrete = [c for _p, c, local in regions if not local]
    memory.prev_sentence_region = concrete[-1] if concrete else (
        figures[-1].region if figures and figures[-1].region != "global" else None)
    memory.prev_sentence_platforms = frozenset(m.platform for m in mentions if not m.owner)
    memory.platforms_seen.update(m.platform for m in explicit_mentions if not m.owner)
    for mention in explicit_mentions:
        if not mention.owner:
            if mention.platform in memory.recent:
                memory.recent.remove(mention.platform)
            memory.recent.append(mention.platform)
