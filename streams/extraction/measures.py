"""What a quantity measures: the metric cue near it, or what the previous figure of its clause measured.

A quantity is a signal only with a metric: a cue before or after it (within its clause, not past
the next quantity), the unit noun it carries (بائع → sellers), a growth word, or an elliptic
reference to the previous figure ("60,000 sellers ... to reach 80,000"). A "negative" word nearer
than the cue (inflation, price, employees) rejects it.
"""

from __future__ import annotations

import re

from .candidate import Candidate
from .lexicon.matcher import Hit
from .numbers.quantity import Quantity
from .segments import Clause
from .sentence import Sentence

# A multiple of something else than the same figure earlier: a comparison, not growth.
_COMPARED_TO = re.compile(r"\s+(?:(?:our|their|its|the|that|this|that of|the size of)\s+)?(?:size|average|rivals?"
                          r"|competitors?|that of|متوسط|حجم\s+(?:منافس|المنافس)|ما\s+لد[يى]|نظير"
                          # «ضعف ما تحققه الإعلانات»: what another achieves (not «ما سجلته في الربع نفسه»)
                          r"|ما\s+[تي]?(?:حقق|سجل)\w*(?!\w)(?!\s+(?:في|خلال|قبل|عام|العام)(?!\w))"
                          # "roughly twice the figure for Instagram Reels", "three times the rate on its listings",
                          # "roughly twice Temu's": a ratio to another's figure, not growth
                          r"|(?:the\s+)?(?:figure|rate|level|share|number|average)\s+(?:for|on|of|at|in)\s"
                          r"(?!(?:19|20)[0-9]{2}|a\s+year|last\s+year|the\s+(?:previous|prior|same|year))"
                          r"|(?-i:[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?'s)(?!\w))", re.IGNORECASE)
_GROWTH_NOUN = re.compile(r"[وفبل]{0,2}(?:ال)?نمو|growth(?: rate)?|معدل النمو|نسبه النمو", re.IGNORECASE)
_IT_IS = re.compile(r"(?<!\w)(?:it's|it is|it was|that's|that is|we are at|we're at|we are now at|we stand at"
                    r"|it stands at|it now stands at)\s", re.IGNORECASE)
_COUNT_VERB = re.compile(r"\s+(?:now\s+)?(?:number|numbered|total|totalled|totaled|stand at|stood at|reached|topped"
                         r"|grew to|rose to|increased to|climbed to|jumped to|came to|came in at"
                         r"|exceeded|surpassed|passed)(?:\s+(?:more than|over|about|around|nearly|some))?\s+")
# A part of a whole market's total written with its place: "two-thirds of Vietnam's marketplace GMV"
_SHARE_OF = re.compile(r"(?:\s+of)?\s+(?:the\s+)?(?:[A-Z][\w.-]*'s?\s+|(?:region|country|nation|kingdom)'s\s+)"
                       r"(?:[\w-]+\s+){0,3}?(?:GMV|gross merchandise value|merchandise volume|sales|orders|spending"
                       r"|e-commerce|market|transactions|retail)(?!\w)")
# Shoppers' spending on a platform is its merchandise value (not advertisers' spending on its ads)
_SPENT_BEFORE = re.compile(r"(?<!\w)(?i:shoppers|consumers|buyers|customers|households|users)(?:\s+[\w-]+){0,4}?\s+"
                           r"(?:spent|spend|have spent|had spent)\s+\Z")
_SPENT_ON = re.compile(r"(?:\s+[a-z]+){0,2}?\s+on\s+(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*)?"
                       r"(?![\w.&-]|\s+(?:ads|advertising|adverts|marketing|campaigns|promotions)(?!\w))")
# An average basket with the platform's name inside: "the average Temu basket", "the average Noon order"
_SPLIT_AVERAGE = re.compile(r"(?<!\w)average\s+(?:[A-Z][\w.&-]*\s+){1,2}(?:basket|order|ticket|bill|spend)(?!\w)")
_LABEL = re.compile(r"\s*[:：]\s*")
_COUNT_LEVEL = {"active_users", "sellers", "orders"}
_NUMBER_OF = re.compile(r"(?<!\w)(?:number of|count of|عدد)\s+(?:\w+\s+)?\Z", re.IGNORECASE)
_CURRENCY_METRICS = {"gmv", "revenue", "average_order_value"}
_PERCENT_METRICS = {"conversion_rate", "engagement_rate", "market_share"}
_COUNT_METRICS = {"sellers", "orders"}
_SEPARATED = re.compile(r",|;|\sand\s|،")
_ITEM_GAP = re.compile(r"\.\s+(?:[A-Za-z-]+\s+){0,2}"
                       # a fact box's "160 million: Zentro's annual active buyers"
                       r"|:\s+(?:[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?'s\s+)?(?:[A-Za-z-]+\s+){0,2}")
_FROM_BEFORE = re.compile(r"(?<!\w)(?:from|من)\s*\Z", re.IGNORECASE)
# What may follow an elliptic figure ("... and aims to reach 80,000 by 2025"): no noun of its own.
_ELLIPSIS_NEXT = re.compile(
    r"\s*(?:[.,;:)]|\Z|(?:by|in|at|this|next|within|before|over|across|on|for|and|a year|a quarter|the year"
    r"|the previous|the prior|last|بحلول|في|خلال|مع|حت[يى]|بنهايه|قبل|و)(?!\w))"
)
# What a stake is a part of: the business, its shares or capital, not a market.
_STAKE_AFTER = re.compile(r"\s*(?:(?:من|في)\s+(?:اعمال|اسهم|راس\s+مال|اعمالها|اسهمها)|(?:of|in)\s+(?:the\s+|its\s+)?"
                          r"(?:business|company|shares|equity|capital|share capital)(?!\w))", re.IGNORECASE)
# A growth rate restated on another basis: "up 18% year over year, or 20% on a constant-currency basis"
_OR_RESTATED = re.compile(r"(?:\s+[\w/-]+){0,4}\s*,?\s+or\s+(?:about\s+|around\s+|nearly\s+|roughly\s+)?")
_CHANGE_IN_POINTS = re.compile(r"basis points|نقاط اساس|نقطه اساس", re.IGNORECASE)
_ON_AIR = re.compile(r"(?<!\w)(?:broadcasts?|airs|on air|streams live|goes live|is live|يبث|تبث)(?!\w)")
_LEVEL_BEFORE = re.compile(r"(?<!\w)(?:الي|to|at|reached|بلغ|بلغت|يبلغ|تبلغ)\s*\Z", re.IGNORECASE)


# "Active customers, defined as those who bought in the past year, numbered 655,000": the noun, its definition
_DEFINED = re.compile(r",\s+(?:defined as|described as|meaning|i\.e\.|that is|which|who)\s[^,;]{1,120},")


def _defined_then_counted(text: str, noun_end: int, lead: int) -> bool:
    gap = _DEFINED.match(text, noun_end, lead)
    return gap is not None and _COUNT_VERB.fullmatch(text, gap.end(), lead) is not None


def metric_of(sent: Sentence, q: Quantity, back: int, fwd: int, clause: Clause
              ) -> tuple[str | None, str | None, str | None, int]:
    """(metric, unit, of_metric, cue position) for a quantity, or (None, ...) to reject."""
    text = sent.text
    unit = q.unit
    metrics_back = [h for h in sent.cat("metric") if back <= h.start and h.end <= q.lead]
    metrics_fwd = [h for h in sent.cat("metric") if q.end <= h.start < fwd]
    rejecting = sent.cat("negative")
    if unit in (None, "users", "count", "people"):
        rejecting = rejecting + sent.cat("sample")  # "a survey of 800 merchants"
    negatives = [h for h in rejecting
                 if (clause.start <= h.start < q.lead) or (q.end <= h.start < min(fwd, q.end + 40))]
    if negatives and _LEVEL_BEFORE.search(text, max(0, q.lead - 12), q.lead):
        # "improved by 45 basis points over 2025 to 2.9 per cent": the change is no figure, the level it reached is
        negatives = [h for h in negatives
                     if not (h.end <= q.lead and _CHANGE_IN_POINTS.fullmatch(text, h.start, h.end))]
    if q.bare:
        # "the number of sellers on the platform topped 150,000"; otherwise only ever an elliptic figure
        labelled = [h for h in metrics_back if h.payload in _COUNT_LEVEL and (
            _LABEL.fullmatch(text, h.end, q.lead) or _defined_then_counted(text, h.end, q.lead))]
        if labelled and not negatives:  # "Monthly active buyers: 780,000 in June", a slide's or a fact box's label
            metric = labelled[-1].payload
            return metric, "users" if metric == "active_users" else "count", None, labelled[-1].start
        counted = [h for h in metrics_back if h.payload in _COUNT_LEVEL and clause.start <= h.start]
        # "the number of sellers offering products to recipients in the Union exceeded 120,000": the counted noun
        numbered = [h for h in counted if _NUMBER_OF.search(text, max(clause.start, h.start - 12), h.start)]
        if numbered and _COUNT_VERB.search(text, numbered[-1].end, q.lead):
            counted = counted[: counted.index(numbered[-1]) + 1]
        if counted and not negatives and (
                _NUMBER_OF.search(text, max(clause.start, counted[-1].start - 12), counted[-1].start)
                or _COUNT_VERB.fullmatch(text, counted[-1].end, q.lead)):  # "Noon's vendors number 40,000"
            metric = counted[-1].payload
            return metric, "users" if metric == "active_users" else "count", None, counted[-1].start
        return None, None, None, -1

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
        if any(min(abs(h.end - q.lead), abs(h.start - q.end)) < cue_gap for h in negatives):
            return True
        # "the platform fee stays at 5 riyals an order": a negative word before an amount, the cue after it
        return bool(unit and unit.isupper()) and cue.start >= q.end and any(h.end <= q.lead for h in negatives)

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
        if _COMPARED_TO.match(text, q.end):
            return None, None, None, -1  # "ten times our size", «عشرة أضعاف متوسط الطلب لدى»: a comparison
        ok, of = grown()
        if not ok:
            return None, None, None, -1
        return "growth_multiple", "multiple", of, q.start
    if unit == "percent":
        if any(q.end <= h.start <= q.end + 20 and not _SEPARATED.search(text, q.end, h.start)
               for h in sent.cat("sample")):
            return None, None, None, -1  # "62% of respondents said ...": a survey's answer
        if _STAKE_AFTER.match(text, q.end):
            return None, None, None, -1  # "50% of the company", «حصة 50% من أعمال»: an ownership stake
        growth = [h for h in sent.cat("growth") if max(back, clause.start) <= h.start < q.lead]
        growth += [h for h in sent.cat("growth") if q.end <= h.start <= q.end + 12 and h.start < clause.end]
        level = _LEVEL_BEFORE.search(text, max(0, q.lead - 10), q.lead)
        # "to 22%" after the noun «نمو»/"growth": the growth rate itself, not a level reached
        rate = bool(growth) and _GROWTH_NOUN.fullmatch(text, growth[-1].start, growth[-1].end) is not None
        if growth and (not level or rate):
            ok, of = grown()
            if not ok:
                return None, None, None, -1
            return "growth_percent", "percent", of, growth[-1].start
        cue = nearest(metrics_back, _PERCENT_METRICS) or nearest(metrics_fwd, _PERCENT_METRICS)
        if cue is None:
            weak = [h for h in sent.cat("metric_weak") if back <= h.start < fwd]
            cue = weak[0] if weak else None
        if cue is None and _SHARE_OF.match(text, q.end) and not negatives:
            return "market_share", "percent", None, q.end  # "two-thirds of Vietnam's marketplace GMV"
        if cue is None or blocked(cue):
            return None, None, None, -1
        return cue.payload, "percent", None, cue.start
    if unit in ("users", "people") or unit is None or unit == "count":
        if q.noun_metric and unit in ("users", "count"):
            cue = nearest([h for h in metrics_back if h.start >= clause.start], {q.noun_metric})
            if blocked(cue) and cue is None:
                return None, None, None, -1
            return q.noun_metric, unit, None, q.start
        cue = nearest(metrics_back, {"active_users", "sellers", "orders"})
        if cue is None:  # "19.7 million. Unique active buyers in Mexico": a list item's figure, then its noun
            cue = next((h for h in metrics_fwd if h.payload in _COUNT_LEVEL
                        and (_ITEM_GAP.fullmatch(text, q.end, h.start) or not text[q.end : h.start].strip())), None)
        if cue is None or blocked(cue):
            return None, None, None, -1
        return cue.payload, "users" if cue.payload == "active_users" else "count", None, cue.start
    if unit == "minutes":
        window = [h for h in sent.hits if h.cat == "daily" and clause.start <= h.start < clause.end]
        spend = nearest(metrics_back, {"time_spent"})
        if (not window and spend is None) or (spend is None and _ON_AIR.search(text, clause.start, q.lead)):
            return None, None, None, -1  # "broadcasts live for 20 hours a day": the channel's hours, not a user's
        return "time_spent", "minutes", None, q.start
    if unit and unit.isupper() and len(unit) == 3:
        cue = nearest(metrics_back, _CURRENCY_METRICS) or nearest(metrics_fwd, _CURRENCY_METRICS)
        if (cue is None and _SPENT_BEFORE.search(text, max(clause.start, q.lead - 80), q.lead)
                and _SPENT_ON.match(text, q.end)):
            return "gmv", unit, None, q.start  # "shoppers spent about MXN 4.8 billion on Zentro": what it sold
        split = _SPLIT_AVERAGE.search(text, clause.start, q.lead) if cue is None else None
        if split is not None and not negatives:
            return "average_order_value", unit, None, split.start()  # "the average Temu basket ... at RO11.5"
        if cue is None or blocked(cue):
            return None, None, None, -1
        return cue.payload, unit, None, cue.start
    return None, None, None, -1


def metric_in_context(sent: Sentence, q: Quantity, ci: int, back: int, fwd: int, prev: Candidate | None,
                      gapped: bool = False, before: tuple[str, str] | None = None
                      ) -> tuple[str, str, str | None, float, float] | None:
    """(metric, unit, of_metric, confidence, sign) of ``q``, with what the previous figure settles; None: no signal.

    ``gapped``: the figure's clause names a platform of its own and no metric ("..., followed by X at 19%",
    «تلتها «X» بـ24%», "against 9% for X"): it measures what the previous figure measured. ``before``: the
    (metric, unit) of the paragraph's previous figure, for "In the UAE it's closer to 260 dirhams".
    """
    text = sent.text
    clause = sent.clauses[ci]
    inherit = prev if prev is not None and (prev.clause == ci or clause.adjunct or gapped) else None
    if inherit is not None and any(min(clause.start, inherit.q.end) <= h.start < q.lead for h in sent.cat("negative")):
        # "..., with most items priced under £5": a price, not the previous metric; "revenue of $540 million
        # and narrowed its EBITDA loss, to $12 million": the loss named since the previous figure
        inherit = None
    metric, unit, of_metric, cue_at = metric_of(sent, q, back, fwd, clause)
    if (metric == "market_share" and inherit is not None and inherit.unit == "percent" and clause.adjunct
            and not inherit.metric.startswith("growth") and any(h.start == cue_at for h in sent.cat("metric_weak"))):
        metric = inherit.metric  # «مقابل 3.8% على X في السوق نفسها»: "market" only places the compared figure
    confidence = 0.9
    sign = 1.0
    if metric == "growth_percent":
        if any(h.start == cue_at and h.payload == "-" for h in sent.cat("growth")):
            sign = -1.0
        if (prev is not None and prev.unit == "percent" and not prev.metric.startswith("growth")
                and _FROM_BEFORE.search(text, max(0, q.lead - 8), q.lead)):
            metric, of_metric, sign = prev.metric, None, 1.0  # "to 24%, up from 13%": the old level
        elif (_FROM_BEFORE.search(text, max(0, q.lead - 8), q.lead) and 0 <= q.lead - cue_at <= 14
              and not _GROWTH_NOUN.search(text, clause.start, q.lead)):
            return None  # "6% of adults bought ..., up from 2% a year before": the old level of what is no figure
    if (metric is None and prev is not None and (prev.clause == ci or clause.adjunct) and prev.of_metric
            and q.unit is not None and q.unit.isupper() and prev.of_metric in _CURRENCY_METRICS
            and not any(prev.q.end <= h.start < q.lead for h in sent.cat("negative"))):
        metric, unit = prev.of_metric, q.unit  # "grew 21% to $12.6bn" (not "..., and a $5bn buyback")
    elif (metric is None and prev is not None and (prev.clause == ci or clause.adjunct)
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
    if (metric is None and prev is not None and q.unit is not None and q.unit == prev.unit and q.unit.isupper()
            and prev.metric in _CURRENCY_METRICS and _ELLIPSIS_NEXT.match(text, q.end)
            and not any(h.start < q.lead and h.end > prev.q.end for h in sent.hits if h.cat in ("negative", "metric"))):
        # "GMV reached TRY 1.1 trillion in 2024, and we expect more than TRY 1.6 trillion in 2025": the noun left out
        metric, unit = prev.metric, q.unit
        confidence -= 0.2
    if (metric is None and inherit is not None and q.unit is None and q.scaled
            and inherit.metric in _COUNT_LEVEL and _same_noun(text, q, inherit.q)):
        # «مليون عميل نشط، مقارنة بـ720 ألف عميل»: the compared figure repeats the noun of the one before
        metric, unit = inherit.metric, inherit.unit
        confidence -= 0.1
    if (metric is None and prev is not None and prev.metric == "growth_percent" and q.unit == "percent"
            and _OR_RESTATED.fullmatch(text, prev.q.end, q.lead)):
        metric, unit, of_metric = "growth_percent", "percent", prev.of_metric  # "up 18%, or 20% in local currency"
    if metric is None and inherit is not None and q.unit is not None:
        same_kind = (q.unit == inherit.unit or (q.unit.isupper() and inherit.unit.isupper()))
        if same_kind and inherit.metric not in ("growth_percent", "growth_multiple"):
            metric, unit = inherit.metric, q.unit
            confidence -= 0.1
    counted = q.unit is None and q.scaled and before is not None and before[1] in ("users", "count")
    if (metric is None and before is not None and (q.unit is not None or counted) and not sent.cat("metric")
            and _IT_IS.search(text, clause.start, q.lead) and not before[0].startswith("growth")
            and (counted or q.unit == before[1] or (bool(q.unit) and str(q.unit).isupper() and before[1].isupper()))):
        # the sentence before named the metric; "it" stands for it ("Today we are at roughly 6 million")
        metric, unit = before[0], q.unit or before[1]
        confidence -= 0.2
    if metric is None and before is not None and continues_list(sent, q, clause, before):
        metric, unit = before[0], before[1]
        confidence -= 0.2
    if metric is None or unit is None:
        return None
    return metric, unit, of_metric, confidence, sign


def continues_list(sent: Sentence, q: Quantity, clause: Clause, before: tuple[str, str]) -> bool:
    """"Zalando had 41% of the country's fashion sales. Otto was at 22%, ...": a list of rates goes on past the
    stop; the figure measures what the paragraph's previous one did (and keeps its period, region and source)."""
    return (q.unit == "percent" == before[1] and before[0] in _PERCENT_METRICS and not sent.cat("metric")
            and _named_at(sent, clause.start, q.lead) and _ELLIPSIS_NEXT.match(sent.text, q.end) is not None)


_NAME_AT = re.compile(r"\s+(?:(?:was|is|stood|sat|came in|ended)\s+at|had|has|held|took)\s+")


def _named_at(sent: Sentence, start: int, lead: int) -> bool:
    """A platform named right before the figure, with only "was at", "had" between ("Otto was at 22%")."""
    return any(start <= h.start and _NAME_AT.fullmatch(sent.text, h.end, lead) for h in sent.cat("platform"))


_NEXT_WORD = re.compile(r"\s+(?P<w>[^\W\d]{3,})")


def _same_noun(text: str, q: Quantity, earlier: Quantity) -> bool:
    """The word after ``q`` is one of the words of the noun the earlier figure carries."""
    word = _NEXT_WORD.match(text, q.end)
    return word is not None and word.group("w") in text[earlier.start : earlier.end].split()[1:]
