"""Scale words after a number: million, مليار, bn, juta, lakh; and the Arabic duals (مليوني = 2 million)."""

from __future__ import annotations

import re

from ..normalize import fold
from ..trie import trie_pattern

SCALES: dict[str, float] = {}
for _w, _v in [
    ("ألف", 1e3), ("آلاف", 1e3), ("ألفا", 1e3), ("ألوف", 1e3), ("مليون", 1e6), ("مليونا", 1e6),
    ("ملايين", 1e6), ("مليار", 1e9), ("مليارا", 1e9), ("مليارات", 1e9), ("بليون", 1e9),
    ("تريليون", 1e12), ("تريليونا", 1e12), ("تريليونات", 1e12), ("thousand", 1e3), ("million", 1e6),
    ("millions", 1e6), ("billion", 1e9), ("billions", 1e9), ("trillion", 1e12), ("juta", 1e6),
    ("miliar", 1e9), ("triliun", 1e12), ("lakh", 1e5), ("crore", 1e7),
]:
    SCALES[fold(_w).lower()] = _v
DUAL_SCALES = {fold(w): v for w, v in [("ألفي", 2e3), ("ألفين", 2e3), ("مليوني", 2e6), ("مليونين", 2e6),
                                         ("ملياري", 2e9), ("مليارين", 2e9), ("تريليوني", 2e12)]}
GLUED = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
SCALE_AFTER = re.compile(
    r"(?:(?P<glued>k|m|mn|bn|b|tn)(?![A-Za-z])|\s?(?P<short>mn|bn|tn)(?![A-Za-z])|\s*(?P<word>"
    + trie_pattern(SCALES)
    + r")(?!\w))"
)
