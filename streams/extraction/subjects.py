"""Which platform a figure is about.

A platform named in the figure's clause (not merely the one credited), else a back-reference in it,
and only then the one credited ("Meta said the app's orders doubled": the app's); a continuing
clause keeps the previous figure's platform; else the sentence's subject. A figure in the scope of a
whole-market phrase ("Indonesia's e-commerce GMV") belongs to no platform.
"""

from __future__ import annotations

import re

from .candidate import Candidate
from .mentions import Mention
from .numbers.quantity import Quantity
from .segments import Clause
from .sentence import Sentence, nearest

# A mention bound to the figure by a particle: "$290 for X", "9% at X", "X at 19%", "X's Rp 110,000",
# «بـ23% لـX», «X بـ24%», «على X».
_BOUND_AFTER_FIGURE = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:(?:for|at|on)\s+(?:the\s+)?"
                                 r"|(?:ل|لد[يى]|عل[يى]|عند)\s*\"?)\Z")  # folded text writes «على» «علي»
_BOUND_BEFORE_FIGURE = re.compile(r"\"?\s*(?:(?:at|with)\s+|'s\s+|(?:ب|بحصه|بنسبه)\s*)\Z")


# "X held 17% and Y 13%", «... 17% و«Y» 13%»: a name after "and" and before the next figure is the next one's
_AND_NEXT = re.compile(r"\s*(?:[,،]\s*)?(?:(?:and|while|with)\s|و)")


def _bound(text: str, mentions: list[Mention], q: Quantity) -> Mention | None:
    for mention in mentions:
        if 0 <= mention.start - q.end <= 24 and _BOUND_AFTER_FIGURE.fullmatch(text, q.end, mention.start):
            return mention
        if 0 <= q.lead - mention.end <= 12 and _BOUND_BEFORE_FIGURE.fullmatch(text, mention.end, q.lead):
            return mention
    return None


def _sentence_subject(sent: Sentence, mentions: list[Mention]) -> str | None:
    """What the sentence is about: the first platform of what it reports («أعلنت «نون» أن منصة «نمشي» سجلت»:
    نمشي), else the one who speaks ("Kaspi, Kazakhstan's largest marketplace, said it had": Kaspi), else its
    first platform that is not only an owner."""
    cues = [h.start for h in sent.hits if h.cat in ("src_verb", "src_prep")]
    speakers = [m for m in mentions if m.speaker and not m.owner]
    if cues and speakers:
        reported = [m for m in mentions if not m.owner and not m.speaker and m.start > cues[0]]
        return reported[0].platform if reported else speakers[0].platform
    return next((m.platform for m in mentions if not m.owner), mentions[0].platform if mentions else None)


# A sentence opening with where it is about: "On Zentro, 4% of viewers buy", «على «X»، يبلغ ...».
_FRONTED = re.compile(r"\W*(?:on|at|for|across|via|through|عل[يى]|عبر|لد[يى])\s+\"?", re.IGNORECASE)


def _fronted(sent: Sentence, mentions: list[Mention], clause: Clause) -> tuple[int, Mention] | None:
    index = next((i for i, c in enumerate(sent.clauses) if c.start == clause.start), 0)
    if index == 0:
        return None
    first = sent.clauses[index - 1]  # the clause right before ("A: On Zentro, 4% of viewers buy")
    if not _FRONTED.match(sent.text, first.start):
        return None
    named = [m for m in mentions if first.start <= m.start < first.end and m.explicit and not m.owner]
    if len(named) != 1 or first.end - named[0].end > 3:
        return None
    return named[0].start, named[0]


def figure_platform(sent: Sentence, mentions: list[Mention], q: Quantity, clause: Clause, metric: str,
                    prev: Candidate | None, confidence: float, heading: str | None = None
                    ) -> tuple[str, float] | None:
    """(platform, confidence lowered for a guess) for ``q``, or None when the figure is about no platform."""
    subject = _sentence_subject(sent, mentions)
    in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
    explicit = [(m.start, m) for m in in_clause if m.explicit and not m.speaker and not m.owner]
    later = next((other.lead for other in sent.quantities if other.start > q.end), None)
    if later is not None and (any(at < q.start for at, _m in explicit) or _AND_NEXT.match(sent.text, q.end)):
        # "X was second with $310m and Y third at $120m": Y, between this figure and the next, is the next one's
        explicit = [(at, m) for at, m in explicit if not q.end <= at < later]
    backrefs = [(m.start, m) for m in in_clause if not m.explicit]
    speakers = [(m.start, m) for m in in_clause if m.explicit and m.speaker and not m.owner]
    owners = [(m.start, m) for m in in_clause if m.owner]
    centre = (q.start + q.end) // 2
    bound = _bound(sent.text, [m for m in in_clause if m.explicit and not m.owner], q)
    owning = [(at, m) for at, m in explicit if m.end <= q.lead and sent.text.startswith("'s ", m.end)
              and any(0 <= h.start - m.end <= 16 for h in sent.cat("metric"))]
    if owning and not any(owning[-1][0] < at < q.lead for at, _m in explicit):
        # "expects Shopee's share to slip to 49% as TikTok keeps spending": the one whose metric it is
        explicit = [owning[-1]]
    chosen = ((bound.start, bound) if bound else None) or nearest(explicit, centre) or (
        _fronted(sent, mentions, clause) or nearest(backrefs, centre) or nearest(speakers, centre)
        or nearest(owners, centre))
    platform = chosen[1].platform if chosen else None
    if platform is None and clause.adjunct and prev is not None:
        platform = prev.platform
    if platform is None:
        # the sentence's subject; else, inside a quotation, the speaker's platform; else the paragraph's heading
        quoted = next((quote[3] for quote in sent.quotes if quote[0] <= q.start < quote[1] and quote[3]), None)
        # "Avito says it draws 6 million users, and Zentro said it works with 1,500 sellers": the one who speaks
        # last before the figure, when the sentence is about its speakers
        spoke = [m for m in mentions if m.speaker and not m.owner and m.end <= q.start]
        if spoke and subject in {m.platform for m in mentions if m.speaker and not m.owner}:
            subject = spoke[-1].platform
        platform = subject or quoted or heading
        confidence -= 0.1
    if platform is None:
        return None
    scope = clause.start
    if clause.adjunct:  # ", up 31% from a year earlier" continues the clause that named the market
        index = next((i for i, c in enumerate(sent.clauses) if c.start == clause.start), 0)
        scope = sent.clauses[index - 1].start if index else clause.start
    if metric != "market_share" and not any(not m.speaker for m in in_clause) and any(
            scope <= h.start < q.lead for h in sent.cat("market_total")):
        return None  # "Google and Temasek expect Indonesia's e-commerce GMV to reach ...": the market's
    if chosen and not chosen[1].explicit:
        confidence -= 0.1
    return platform, confidence
