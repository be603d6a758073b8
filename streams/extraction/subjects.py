"""Which platform a figure is about.

A platform named in the figure's clause (not merely the one credited), else a back-reference in it,
and only then the one credited ("Meta said the app's orders doubled": the app's); a continuing
clause keeps the previous figure's platform; else the sentence's subject. A figure in the scope of a
whole-market phrase ("Indonesia's e-commerce GMV") belongs to no platform.
"""

from __future__ import annotations

from .candidate import Candidate
from .mentions import Mention
from .numbers.quantity import Quantity
from .segments import Clause
from .sentence import Sentence, nearest


def figure_platform(sent: Sentence, mentions: list[Mention], q: Quantity, clause: Clause, metric: str,
                    prev: Candidate | None, confidence: float) -> tuple[str, float] | None:
    """(platform, confidence lowered for a guess) for ``q``, or None when the figure is about no platform."""
    subject = mentions[0].platform if mentions else None
    in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
    explicit = [(m.start, m) for m in in_clause if m.explicit and not m.speaker]
    backrefs = [(m.start, m) for m in in_clause if not m.explicit]
    speakers = [(m.start, m) for m in in_clause if m.explicit and m.speaker]
    centre = (q.start + q.end) // 2
    chosen = nearest(explicit, centre) or nearest(backrefs, centre) or nearest(speakers, centre)
    platform = chosen[1].platform if chosen else None
    if platform is None and clause.adjunct and prev is not None:
        platform = prev.platform
    if platform is None:
        platform = subject
        confidence -= 0.1
    if platform is None:
        return None
    if metric != "market_share" and not any(not m.speaker for m in in_clause) and any(
            clause.start <= h.start < q.lead for h in sent.cat("market_total")):
        return None  # "Google and Temasek expect Indonesia's e-commerce GMV to reach ...": the market's
    if chosen and not chosen[1].explicit:
        confidence -= 0.1
    return platform, confidence
