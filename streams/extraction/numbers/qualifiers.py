"""Qualifiers written around a number: نحو / about (approx), حتى / up to, أكثر من / over, أقل من / under, at least."""

from __future__ import annotations

import re

from ..normalize import fold
from ..phrases import phrase_before
from ..trie import trie_pattern
from .quantity import Quantity

_QUALIFIERS: dict[str, str] = {}
for _q, _words in [
    ("approx", ["نحو", "بنحو", "حوالي", "بحوالي", "قرابة", "بقرابة", "ما يقرب من", "يقرب من", "ما يقارب",
                "يقارب", "تقارب", "تناهز", "ناهز", "ناهزت",
                "فنحو", "ونحو", "فحوالي", "وحوالي", "زهاء", "ما يناهز", "يناهز", "تقريبا", "around", "about",
                "approximately",
                "roughly", "nearly", "almost", "some", "close to", "an estimated", "circa", "c.", "ca.",
                "something like", "~",
                "in the region of", "give or take", "في حدود", "بحدود", "حدود", "maybe", "perhaps", "possibly",
                "closer to"]),
    ("up_to", ["ما يصل إلى", "ما يصل الى", "بما يصل إلى", "بما يصل الى", "حتى", "up to", "as much as",
               "as many as", "no more than", "not more than", "at most", "no higher than", "not exceeding",
               "did not exceed", "didn't exceed", "never exceeded", "capped at", "يوصل لين", "توصل لين", "يوصل لـ",
               "لين", "يصل إلى", "تصل إلى"]),
    ("more_than", ["أكثر من", "بأكثر من", "ما يزيد على", "ما يزيد عن", "يزيد على", "يزيد عن", "ما يفوق",
                   "أزيد من", "over", "more than", "above", "in excess of", "exceeding", "upwards of",
                   "north of", "فوق", "بفوق"]),
    ("less_than", ["أقل من", "بأقل من", "ما دون", "دون", "less than", "under", "below", "fewer than",
                   "just under", "did not reach", "didn't reach", "failed to reach", "fell short of",
                   "never reached", "لم يبلغ", "لم تبلغ", "لم يصل إلى", "لم تصل إلى"]),
    ("at_least", ["لا يقل عن", "ما لا يقل عن", "at least", "no fewer than", "no less than",
                  "a minimum of"]),
]:
    for _w in _words:
        _QUALIFIERS[fold(_w).lower()] = _q
_QUALIFIER_BEFORE = re.compile(r"(?<!\w)(?P<q>" + trie_pattern(_QUALIFIERS) + r")\s*\Z")
_QUALIFIER_AFTER = re.compile(
    r"\s*(?P<q>" + trie_pattern([fold(w) for w in ["تقريبا", "على الأقل", "أو أكثر"]])
    + r"|approximately|or more|at least|or so|\+)(?!\w)"
)
_AFTER_Q = {fold("تقريبا"): "approx", "approximately": "approx", fold("على الأقل"): "at_least",
            "at least": "at_least", fold("أو أكثر"): "at_least", "or more": "at_least", "+": "more_than",
            "or so": "approx"}


_ASIDE = re.compile(r"\s*[—–-]\s[^—–\n]{1,70}\s[—–-]\s*\Z")


def qualify(low: str, quantity: Quantity) -> None:
    """The qualifier written before the figure, else after it."""
    quantity.lead = quantity.start
    found = phrase_before(low, quantity.start, _QUALIFIERS)
    if found is None and low[max(0, quantity.start - 12) : quantity.start].count(" ") > 3:
        match = _QUALIFIER_BEFORE.search(low, max(0, quantity.start - 40), quantity.start)  # odd spacing
        found = (match.group("q"), match.start()) if match else None
    if found is None and low.endswith(("—", "–", " -"), 0, quantity.start - 1):
        # "roughly — let me get this right — six point two billion": the qualifier before an aside
        aside = _ASIDE.search(low, max(0, quantity.start - 90), quantity.start)
        found = phrase_before(low, aside.start(), _QUALIFIERS) if aside else None
    if found is not None:
        quantity.qualifier, quantity.lead = _QUALIFIERS[found[0]], found[1]
        return
    match = _QUALIFIER_AFTER.match(low, quantity.end)
    if match:
        quantity.qualifier = _AFTER_Q[match.group("q").lower()]

