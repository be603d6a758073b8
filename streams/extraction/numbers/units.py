"""What follows a number: percent, a multiple ("3x", «أضعاف»), a currency, or a noun (users, sellers, minutes)."""

from __future__ import annotations

import re

from ..lexicon.regions import ENGLISH_DEMONYMS
from ..normalize import fold
from ..trie import trie_pattern
from .currencies import CURRENCY_AFTER, CURRENCY_WORDS, ambiguous
from .quantity import Quantity

_PERCENT_AFTER = re.compile(
    r"\s*(?:%|" + trie_pattern([fold(w) for w in ["في المئة", "في المائة", "بالمئة", "بالمائة"]])
    + r"(?!\w)|percentage points?(?!\w)|percent(?!\w)|per cent(?!\w)|pct(?!\w))"
)
_MULTIPLE_AFTER = re.compile(
    r"(?:\s*(?:" + trie_pattern([fold(w) for w in ["أضعاف", "أمثال", "مرات", "مرة"]])
    + r")(?!\w)|\s*(?:times)(?!\w)|-?fold(?!\w)|\s?[x×](?![A-Za-z0-9]))"
)

_NOUNS: dict[str, tuple[str, str | None]] = {}
for _unit, _metric, _words in [
    ("users", "active_users", ["مستخدم", "مستخدما", "مستخدمين", "مستخدمون", "المستخدمين", "users",
                               "user", "MAUs", "DAUs", "monthly active users", "daily active users",
                               "active users", "monthly users", "daily users", "recipients", "active recipients",
                               "monthly active recipients", "active buyers", "active customers", "buyers",
                               "عميل نشط", "عملاء نشطين", "عميلا نشطا", "عملاء نشطون", "مشترك نشط",
                               "active consumers", "active shoppers", "monthly active shoppers", "active accounts",
                               "مشتر نشط", "مشترين نشطين", "متسوق نشط", "متسوقين نشطين"]),
    ("people", None, ["شخص", "شخصا", "أشخاص", "people", "persons", "individuals"]),
    ("count", "sellers", ["بائع", "بائعا", "بائعين", "بائعون", "تاجر", "تاجرا", "تجار", "sellers",
                          "seller", "merchants", "merchant", "vendors", "brands", "businesses", "منشأة", "منشآت",
                          "علامة تجارية", "علامات تجارية", "متجر", "متجرا", "متاجر", "متجر نشط", "متاجر نشطة",
                          "شريك", "شريكا", "شركاء", "نشاط تجاري", "نشاطا تجاريا", "أنشطة تجارية",
                          "merchant partners", "restaurant partners", "brand",  # «9 آلاف brand»: a singular
                          "مطعم", "مطعما", "مطاعم", "restaurants", "partner restaurants",
                          "partner stores", "partner shops"]),
    ("count", "orders", ["طلب", "طلبا", "طلبات", "طلبية", "طلبيات", "عملية شراء", "عمليات شراء",
                         "orders", "order", "purchases"]),
    ("count", None, ["حساب", "حسابا", "حسابات", "accounts"]),  # what is counted says the metric ("business accounts")
    ("minutes", "time_spent", ["دقيقة", "دقائق", "minutes", "minute", "mins"]),
    ("hours", "time_spent", ["ساعة", "ساعات", "hours", "hour"]),
    ("years", None, ["عام", "عاما", "أعوام", "سنة", "سنوات", "years", "year"]),
    ("employees", None, ["موظف", "موظفا", "موظفين", "employees", "staff", "workers"]),
]:
    for _w in _words:
        _NOUNS[fold(_w).lower()] = (_unit, _metric)
# Words that may stand between a number and its noun: "35k active sellers", "500,000 American sellers",
# "92 million average monthly active recipients". Nationality adjectives come from the region lexicon.
_MODIFIERS = sorted({"new", "active", "monthly", "daily", "unique", "paying", "global", "small",
                     "local", "third-party", "online", "independent", "more", "average", "annual", "verified",
                     "domestic", "overseas", "cross-border", "transacting", "engaged", "buying", "professional",
                     "listed", "individual", "recurring", "repeat", "returning"}
                    | {w.lower() for w in ENGLISH_DEMONYMS})
NOUN_AFTER = re.compile(
    r"(?:\s+(?:من\s+)?|(?:\s+(?:" + trie_pattern(_MODIFIERS) + r")){1,3}\s+)(?P<noun>" + trie_pattern(_NOUNS)
    + r")(?!\w)"
)

_REGISTERED_SELLERS = re.compile(r"\s+registered\s+(?:third-party\s+)?(?P<noun>sellers|merchants|vendors)(?!\w)")


def read_unit(low: str, end: int, quantity: Quantity) -> None:
    """Read scale-independent units after ``end`` (percent, currency, multiple, noun)."""
    match = _PERCENT_AFTER.match(low, end)
    if match:
        quantity.unit, quantity.end = "percent", match.end()
        return
    match = CURRENCY_AFTER.match(low, end)
    if match:
        word = match.group("cur").lower()
        if quantity.unit is None and ambiguous(word):
            quantity.currency_noun = word
        quantity.unit = quantity.unit or CURRENCY_WORDS[word]
        quantity.end = match.end()
        return
    match = _MULTIPLE_AFTER.match(low, end)
    if match and quantity.unit is None:
        quantity.unit, quantity.end = "multiple", match.end()
        return
    # "410 thousand registered sellers" (registered users are not active users: no "registered" for them)
    match = NOUN_AFTER.match(low, end) or _REGISTERED_SELLERS.match(low, end)
    if match and quantity.unit is None:
        unit, metric = _NOUNS[match.group("noun").lower()]
        if unit == "hours":
            unit, quantity.value = "minutes", quantity.value * 60
        quantity.unit, quantity.noun_metric, quantity.end = unit, metric, match.end()

