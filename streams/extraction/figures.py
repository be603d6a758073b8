"""The figures of one sentence: each quantity with a metric and a platform becomes a candidate.

For each quantity, in order: what it measures (:mod:`.measures`), which platform it is about
(:mod:`.subjects`), its period and base period (:mod:`.period_resolution`), region
(:mod:`.regions`), kind and qualifier (:mod:`.kinds`) and source (:mod:`.sources`). What the
sentence established is then kept in the article's memory for the sentences after it.
"""

from __future__ import annotations

from datetime import datetime

from .candidate import Candidate
from .kinds import figure_kind, figure_qualifier
from .measures import metric_in_context
from .memory import Memory
from .mentions import Mention, platform_mentions
from .period_resolution import figure_periods, resolve_periods
from .regions import Regions, figure_region, region_mentions
from .sentence import Sentence
from .sources import credited_sources, figure_source
from .subjects import figure_platform


def sentence_figures(sent: Sentence, span: tuple[int, int], memory: Memory, published: datetime | None,
                     x_ok: bool) -> list[Candidate]:
    """Candidates of the sentence at ``span`` (body offsets), in order; updates ``memory``."""
    text = sent.text
    periods = resolve_periods(sent, memory, published)
    mentions = platform_mentions(text, sent.hits, sent.clauses, memory, x_ok)
    regions = region_mentions(sent, memory)
    sources = credited_sources(sent, mentions, memory)
    same_source = bool(sent.cat("src_same"))

    figures: list[Candidate] = []
    prev: Candidate | None = None
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
        measured = metric_in_context(sent, q, ci, back, fwd, prev)
        if measured is None:
            continue
        metric, unit, of_metric, confidence, sign = measured
        about = figure_platform(sent, mentions, q, clause, metric, prev, confidence)
        if about is None:
            continue
        platform, confidence = about
        period, base_period = figure_periods(sent, periods, q, ci, metric, inherit, clause_has_q)
        if metric.startswith("growth") and of_metric is None and prev is not None:
            of_metric = prev.metric
        region = figure_region(regions, q, clause, prev, same_source, memory)
        kind = figure_kind(sent, q, clause, prev, clause_has_q, period, published)
        source = figure_source(sources, clause.start, clause.end, (q.start + q.end) // 2)
        figure = Candidate(q, ci, platform, metric, unit, figure_qualifier(sent, q, clause, back), kind, period,
                           region, source, base_period, of_metric, max(0.05, min(1.0, confidence)), span, sign)
        figures.append(figure)
        prev = figure
    _remember(memory, mentions, sources, regions, figures)
    return figures


def _remember(memory: Memory, mentions: list[Mention], sources: list[tuple[int, str | None]], regions: Regions,
              figures: list[Candidate]) -> None:
    """What the next sentences may refer back to: the subject, the last platform, source and region."""
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
