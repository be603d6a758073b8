"""What kind of figure it is (actual, target, forecast) and qualifiers written as verbs.

A target or forecast cue before the figure in its clause decides; a continuing clause keeps the
previous figure's kind; a cue in a clause with no figure of its own governs the sentence. A figure
for a period that had not started when the article appeared can only be a forecast.
"""

from __future__ import annotations

from datetime import datetime

from .candidate import Candidate
from .numbers.quantity import Quantity
from .periods import period_start
from .segments import Clause
from .sentence import Sentence


def figure_kind(sent: Sentence, q: Quantity, clause: Clause, prev: Candidate | None, clause_has_q: list[bool],
                period: str | None, published: datetime | None) -> str:
    kinds = [(h.start, h.payload) for h in sent.cat("kind")]
    kind = "actual"
    own_kinds = [k for p, k in kinds if clause.start <= p < q.lead]
    free_kinds = [k for p, k in kinds if not clause_has_q[sent.clause_of(p)]]
    if own_kinds:
        kind = "target" if "target" in own_kinds else own_kinds[-1]
    elif clause.adjunct and prev is not None:
        kind = prev.kind
    elif free_kinds:
        kind = "target" if "target" in free_kinds else free_kinds[-1]
    if kind == "actual" and period and published is not None and period_start(period) > (
        published.year, published.month, published.day
    ):
        kind = "forecast"
    return kind


def figure_qualifier(sent: Sentence, q: Quantity, clause: Clause, back: int) -> str:
    """The quantity's own qualifier, or ``more_than`` after a verb that says so ("exceeded", «تجاوز»)."""
    qualifier_verbs = [h for h in sent.cat("qual_verb") if max(back, clause.start) <= h.start < q.lead]
    if q.qualifier == "exact" and qualifier_verbs:
        return "more_than"
    return q.qualifier
