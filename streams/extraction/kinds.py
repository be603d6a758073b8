"""What kind of figure it is (actual, target, forecast) and qualifiers written as verbs.

A target or forecast cue before the figure in its clause decides; a continuing clause keeps the
previous figure's kind; a cue in a clause with no figure of its own governs the sentence. A figure
for a period that had not started when the article appeared can only be a forecast.
"""

from __future__ import annotations

import re
from datetime import datetime

from .candidate import Candidate
from .numbers.quantity import Quantity
from .periods import period_start
from .segments import Clause
from .sentence import Sentence

# The kind written as a noun right after the figure: "our ₹3,020 crore forecast", "a $2bn target".
_KIND_AFTER = re.compile(r"\s+(?:(?P<forecast>forecasts?|projections?|guidance|consensus|expectations?|estimates?)"
                         r"|(?P<target>targets?|goals?))(?!\w)")


NOW = re.compile(r"(?<!\w)(?:currently|today|at present|right now|now|حاليا|في الوقت الراهن|في الوقت الحالي|الان)"
                 r"(?!\w)")


def figure_kind(sent: Sentence, q: Quantity, clause: Clause, prev: Candidate | None, clause_has_q: list[bool],
                period: str | None, published: datetime | None) -> str:
    after = _KIND_AFTER.match(sent.text, q.end)
    if after:
        return "target" if after.group("target") else "forecast"
    text = sent.text
    # A kind noun right after another figure is that figure's ("missed our $2bn forecast and fell 6%").
    kinds = [(h.start, h.payload) for h in sent.cat("kind")
             if not any(0 <= h.start - other.end <= 2 for other in sent.quantities if other is not q)]
    kind = "actual"
    own_kinds = [k for p, k in kinds if clause.start <= p < q.lead]
    free_kinds = [k for p, k in kinds if not clause_has_q[sent.clause_of(p)] and p < q.lead]
    if NOW.search(text, clause.start, clause.end):
        return "actual"  # "..., against 600,000 today", «مقابل 600 ألف في الوقت الراهن»
    if own_kinds:
        kind = "target" if "target" in own_kinds else own_kinds[-1]
    elif clause.adjunct and prev is not None:
        kind = prev.kind
        if kind in ("forecast", "target") and period and published is not None and _ended_before(period, published):
            # "expects 30% in 2025, up from about a quarter in 2024", «تستهدف مليون عميل في 2026، مقارنة بـ720 ألفاً
            # في 2025»: the comparison is history
            kind = "actual"
    elif free_kinds:
        kind = "target" if "target" in free_kinds else free_kinds[-1]
    if kind == "actual" and period and published is not None and period_start(period) > (
        published.year, published.month, published.day
    ):
        kind = "forecast"
    return kind


def _ended_before(period: str, published: datetime) -> bool:
    year, month, _day = period_start(period)
    last_month = month + 2 if "-Q" in period else 12
    return (year, last_month) < (published.year, published.month)


_EXPECTED_TO = re.compile(r"(?<!\w)[وف]?ان\s+\Z")
_NEGATION = re.compile(r"(?<!\w)[وف]?(?:لا|لم|لن|ما|not|never|did not|does not|didn't|doesn't)\s+(?:تكن\s+|يكن\s+)?\Z")


def figure_qualifier(sent: Sentence, q: Quantity, clause: Clause, back: int) -> str:
    """The quantity's own qualifier, or ``more_than`` after a verb that says so ("exceeded", «تجاوز»)."""
    qualifier_verbs = [h for h in sent.cat("qual_verb") if max(back, clause.start) <= h.start < q.lead
                       and not sent.text.startswith("-", h.end)]  # "cross-border" crosses nothing
    if q.qualifier == "exact" and qualifier_verbs:
        # «لم يتجاوز 12 مليون», "did not exceed": at most
        negated = _NEGATION.search(sent.text, max(0, qualifier_verbs[-1].start - 12), qualifier_verbs[-1].start)
        return "up_to" if negated else "more_than"
    if q.qualifier == "up_to" and _EXPECTED_TO.search(sent.text, max(0, q.lead - 6), q.lead):
        return "exact"  # «من المتوقع أن تصل إلى 9%»: the level expected, not a ceiling («تصل إلى 9%»)
    return q.qualifier
