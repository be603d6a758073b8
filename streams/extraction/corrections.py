"""A published correction's retracted figure: "An earlier version of this article said X's share was 11%".

The figure a correction says was wrong is no signal; the one it gives instead ("...; it is 13%") still is.
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


def retracted_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the part of a sentence that states what a correction takes back, if any."""
    if "version" not in text and "previously" not in text and "originally" not in text and "ly " not in text \
            and fold("سابقة") not in text:
        return None
    match = _RETRACTING.search(text)
    if match is None:
        return None
    right = _RIGHT_ONE.search(text, match.end())
    return match.start(), right.start() if right else len(text)
