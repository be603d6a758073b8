"""Figures a text itself takes back or only reports as claimed.

A published correction ("An earlier version of this article said X's share was 11%"): the figure it says
was wrong is no signal; the one it gives instead ("...; it is 13%") still is. A fact check's claim ("THE
CLAIM: A video says X sold $200 billion"): the figure under check is no signal.
"""

from __future__ import annotations

import re

from .normalize import fold

_RETRACTING = re.compile(
    r"(?:an?|the)\s+(?:earlier|previous|original)\s+version\s+of\s+this\s+(?:article|story|report|post|piece)"
    r"(?:\s+\w+){0,3}?\s+(?:said|stated|reported|gave|misstated|put|described)"
    r"|(?:this|the)\s+(?:article|story|report)\s+(?:previously|originally|incorrectly|wrongly|mistakenly)"
    r"\s+(?:said|stated|reported|gave|put)"
    # «ذكرت نسخة سابقة من هذا المقال أن ...»: the verb before the version in Arabic
    r"|" + fold("نسخة سابقة من هذا") + r"\s+(?:" + fold("المقال") + "|" + fold("التقرير") + "|" + fold("الخبر") + ")",
    re.IGNORECASE,
)
# Where the wrong figure ends and the right one begins: "...; it was 13%", "— the correct figure is", «والصحيح»
_RIGHT_ONE = re.compile(r";|\s[—–]\s|,?\s+(?:but|not|rather than|instead of|the correct|it is|it was|it should)(?!\w)"
                        r"|" + fold("والصحيح") + r"|" + fold("والصواب"), re.IGNORECASE)


_CLAIM_LABEL = re.compile(r"\W*(?:the\s+)?(?:claim|viral claim|what was claimed|" + fold("الادعاء") + r")\s*[:：]",
                          re.IGNORECASE)


_GATE = ("version", "previously", "originally", "incorrectly", "wrongly", "mistakenly", fold("سابقة"))


def retracted_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the part of a sentence that states what a correction takes back or a fact check checks."""
    if _CLAIM_LABEL.match(text):
        return 0, len(text)
    if not any(word in text for word in _GATE):
        return None
    match = _RETRACTING.search(text)
    if match is None:
        return None
    right = _RIGHT_ONE.search(text, match.end())
    return match.start(), right.start() if right else len(text)
