"""Which period each mention names, given the article so far, and which one a figure is for.

A mention is resolved against the publication time («هذا العام», "last quarter") or what earlier
sentences established ("the same quarter", «العام نفسه»); a growth figure's comparison ("year on
year", «من 2022») gives its base period and is never taken for its own period.
"""

from __future__ import annotations

import re
from datetime import datetime

from .candidate import Candidate
from .kinds import NOW
from .memory import Memory
from .numbers.quantity import Quantity
from .periods import PeriodMention, quarter_of, shift
from .sentence import Sentence, nearest

_BY_BEFORE = re.compile(r"(?<!\w)(?:by|until|بحلول|حتي)\s+(?:(?:the\s+)?end\s+of\s+|نهايه\s+|(?:ال)?عام\s+)?\Z",
                        re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?<!\w)(?:from|من|مقابل|against|compared with|versus)\s*\Z", re.IGNORECASE)
_PART_OF_YEAR = re.compile(r"(?:half|h[12]|months|days|weeks|النصف|اشهر|الاشهر|شهور|ايام)\W+(?:\w+\W+){0,3}\Z",
                           re.IGNORECASE)


def resolve_periods(sent: Sentence, memory: Memory, pub: datetime | None) -> list[tuple[PeriodMention, str | None]]:
    """Resolve each mention against the running memory, in text order."""
    out: list[tuple[PeriodMention, str | None]] = []
    launch = sent.cat("launch")
    for mention in sent.periods:
        value: str | None = None
        if mention.kind == "year" and mention.year is not None:
            if mention.year >= 1995 and (pub is None or mention.year <= pub.year + 20):
                clause = sent.clauses[sent.clause_of(mention.start)]
                launched = any(clause.start <= h.start < mention.start for h in launch)
                value = None if launched else str(mention.year)
        elif (mention.kind == "month_end" and mention.quarter == 4 and memory.last_period
              and "-Q" not in memory.last_period and memory.year_paragraph == memory.paragraph):
            value = memory.last_period  # «بنهاية ديسمبر» in a paragraph about a year: the year's end
        elif mention.kind in ("quarter", "month_end") and mention.quarter:
            year = mention.year
            if (year is None and memory.last_year and memory.year_paragraph == memory.paragraph
                    and mention.kind == "quarter"):
                year = int(memory.last_year[:4])  # the year this paragraph is about
            elif year is None and pub is not None:
                # "in the fourth quarter", written in February: the last fourth quarter, unless a forecast
                # or target looks ahead to the coming one.
                started = (mention.quarter - 1) * 3 + 1 <= pub.month
                ahead = any(h.start < mention.start and not any(0 <= h.start - q.end <= 2 for q in sent.quantities)
                            for h in sent.cat("kind"))
                year = pub.year if started or ahead else pub.year - 1
            value = f"{year}-Q{mention.quarter}" if year else None
        elif mention.kind == "month_span" and mention.quarter:
            # "the six months to September": the last September at publication, unless a year is written
            year = mention.year
            if year is None and pub is not None:
                year = pub.year if mention.quarter <= pub.month else pub.year - 1
            value = str(year) if year else None
        elif mention.kind == "rel_year_quarter" and pub and mention.quarter:
            value = f"{pub.year + mention.offset}-Q{mention.quarter}"
        elif mention.kind == "month_in" and pub:
            value = str(pub.year if mention.offset <= pub.month else pub.year - 1)  # "in June": the last June
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
            if memory.last_period and "-Q" in memory.last_period:  # the quarter in focus, a year before
                value = shift(memory.last_period, years=-1)
        out.append((mention, value))
        if value and not mention.base_prep and mention.kind not in ("yoy", "qoq", "prev_year", "same_in_year"):
            memory.last_period = value
            if "-Q" in value:
                memory.last_quarter = value
                memory.last_year = value[:4]
            else:
                memory.last_year = value
            memory.year_paragraph = memory.paragraph
    return out


def figure_periods(sent: Sentence, periods: list[tuple[PeriodMention, str | None]], q: Quantity, ci: int,
                   metric: str, inherit: Candidate | None, clause_has_q: list[bool], continues: bool = False,
                   in_focus: str | None = None) -> tuple[str | None, str | None, str | None]:
    """(period, base period written, base period implied by a yearly growth) of the figure ``q``."""
    clause = sent.clauses[ci]
    centre = (q.start + q.end) // 2
    base_mention: PeriodMention | None = None
    if metric in ("growth_percent", "growth_multiple"):
        nxt = ci + 1 if ci + 1 < len(sent.clauses) and not clause_has_q[ci + 1] else ci
        limit = sent.clauses[nxt].end
        for mention, _value in periods:
            # "more than double the figure a year earlier": the year before is what the growth is on
            if q.end <= mention.start < limit and (mention.base_prep or mention.kind in ("yoy", "qoq", "prev_year")):
                base_mention = mention
                break
    own = [(m.start, v) for m, v in periods
           if v and m is not base_mention and m.kind not in ("yoy", "qoq")
           and clause.start <= m.start < clause.end and not (m.base_prep and base_mention is None
                                                              and metric.startswith("growth"))]
    # "fell to SAR 84 from SAR 89 a year earlier": the period after "from" + figure is that figure's
    compared = [other for other in sent.quantities if other.start > q.end and clause.start <= other.start < clause.end
                and _FROM_BEFORE.search(sent.text, max(0, other.lead - 14), other.lead)]
    if compared:
        own = [(at, v) for at, v in own if at < compared[0].start]
    period = nearest(own, centre)[1] if own else None
    now = NOW.search(sent.text, clause.start, clause.end) is not None  # "currently": no period of the others
    if period is None and not now and inherit is not None and (clause.adjunct or continues or inherit.clause == ci):
        period = inherit.period
    if period is None:
        free = [(m.start, v) for m, v in periods
                if v and m.kind not in ("yoy", "qoq") and not m.base_prep
                and not clause_has_q[sent.clause_of(m.start)]]
        period = nearest(free, centre)[1] if free else None
    if period is None and base_mention is not None:
        period = in_focus  # "orders grew a quarter from a year ago", "2.3x what we did in 2023": the period in focus
    base_period: str | None = None
    if base_mention is not None:
        if base_mention.kind == "yoy":
            base_period = shift(period, years=-1) if period else None
        elif base_mention.kind == "qoq":
            base_period = shift(period, quarters=-1) if period and "-Q" in period else None
        else:
            base_period = next((v for m, v in periods if m is base_mention), None)
    implied = None
    if metric.startswith("growth") and base_mention is None and period and "-Q" not in period:
        # "doubled last year": growth over a year is on the year before, unless the period is part of a year
        # ("in the first half of 2024": on the first half of 2023, which has no name in the contract)
        chosen = next((m for m, v in periods if v == period), None)
        part = chosen is not None and (chosen.part or _PART_OF_YEAR.search(sent.text, max(0, chosen.start - 30),
                                                                             chosen.start))
        # "to double its sales by 2027": a deadline, not a year compared with the one before
        deadline = chosen is not None and _BY_BEFORE.search(sent.text, max(0, chosen.start - 24), chosen.start)
        if not part and not deadline:
            implied = str(int(period) - 1)
    if metric.startswith("growth") and base_mention is None and period and "-Q" in period:
        implied = shift(period, years=-1)  # "rose 51% in the second quarter": on the same quarter a year before
    return period, base_period, implied
