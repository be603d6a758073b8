"""Quantities in a normalised sentence: digits or number words, scale, unit, qualifier.

Why separate from attribution: a quantity ("نحو ٥٠ ألف بائع", "$19.5bn", "أربعة أضعاف") can be
read without knowing what it is about; attribution then decides whether it is a signal. Every
regex here is anchored or bounded, so the work is linear in the sentence length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import ENGLISH_DEMONYMS, trie_pattern
from .normalize import ascii_lower, fold


@dataclass(slots=True)
class Quantity:
    """A number with what is written around it. Offsets are sentence-relative."""

    start: int
    end: int
    value: float
    unit: str | None  # percent, multiple, ISO 4217, users, count, minutes, years, people, employees
    lead: int = -1  # start of the qualifier written before the figure (else ``start``)
    noun_metric: str | None = None  # metric implied by the unit noun (بائع -> sellers)
    qualifier: str = "exact"
    scaled: bool = False  # had a scale word (million, مليار ...)
    words: bool = False  # written in words
    bare: bool = False  # a grouped number with no unit or scale ("80,000"): only ever elliptic


# ---------------------------------------------------------------- digits and scale words

_DIGITS = re.compile(r"(?<![0-9.,])[0-9]+(?:[.,][0-9]+)*")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")

_SCALES: dict[str, float] = {}
for _w, _v in [
    ("ألف", 1e3), ("آلاف", 1e3), ("ألفا", 1e3), ("ألوف", 1e3), ("مليون", 1e6), ("مليونا", 1e6),
    ("ملايين", 1e6), ("مليار", 1e9), ("مليارا", 1e9), ("مليارات", 1e9), ("بليون", 1e9),
    ("تريليون", 1e12), ("تريليونا", 1e12), ("تريليونات", 1e12), ("thousand", 1e3), ("million", 1e6),
    ("millions", 1e6), ("billion", 1e9), ("billions", 1e9), ("trillion", 1e12), ("juta", 1e6),
    ("miliar", 1e9), ("triliun", 1e12), ("lakh", 1e5), ("crore", 1e7),
]:
    _SCALES[fold(_w).lower()] = _v
_DUAL_SCALES = {fold(w): v for w, v in [("ألفي", 2e3), ("ألفين", 2e3), ("مليوني", 2e6), ("مليونين", 2e6),
                                         ("ملياري", 2e9), ("مليارين", 2e9), ("تريليوني", 2e12)]}
_GLUED = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_SCALE_AFTER = re.compile(
    r"(?:(?P<glued>k|m|mn|bn|b|tn)(?![A-Za-z])|\s?(?P<short>mn|bn|tn)(?![A-Za-z])|\s*(?P<word>"
    + trie_pattern(_SCALES)
    + r")(?!\w))"
)

# ---------------------------------------------------------------- currencies

_CURRENCY_WORDS: dict[str, str] = {}


def _currency(code: str, nouns: list[str], adjectives: list[str] | None = None, bare: bool = True) -> None:
    for noun in nouns:
        if bare:
            _CURRENCY_WORDS[fold(noun).lower()] = code
        for adjective in adjectives or []:
            _CURRENCY_WORDS[fold(f"{noun} {adjective}").lower()] = code


_DOLLAR = ["دولار", "دولارا", "دولارات", "دولارين", "الدولار"]
_currency("USD", _DOLLAR, ["أمريكي", "أميركي", "أمريكيا", "أميركيا"])
_currency("USD", ["dollar", "dollars", "US dollars", "U.S. dollars", "USD", "US$"])
_currency("SGD", _DOLLAR, ["سنغافوري", "سنغافوريا"], bare=False)
_currency("SGD", ["Singapore dollars", "SGD"])
_RIYAL = ["ريال", "ريالا", "ريالات"]
_currency("SAR", _RIYAL, ["سعودي", "سعوديا", "سعودية"])
_currency("SAR", ["riyal", "riyals", "Saudi riyals", "SAR"])
_currency("QAR", _RIYAL, ["قطري", "قطريا"], bare=False)
_currency("QAR", ["Qatari riyals", "QAR"])
_currency("OMR", _RIYAL, ["عماني", "عمانيا"], bare=False)
_DIRHAM = ["درهم", "درهما", "دراهم"]
_currency("AED", _DIRHAM, ["إماراتي", "إماراتيا"])
_currency("AED", ["dirham", "dirhams", "AED"])
_currency("MAD", _DIRHAM, ["مغربي", "مغربيا"], bare=False)
_POUND = ["جنيه", "جنيها", "جنيهات"]
_currency("EGP", _POUND, ["مصري", "مصريا", "مصرية"])
_currency("EGP", ["Egyptian pounds", "EGP"])
_currency("GBP", _POUND, ["إسترليني", "إسترلينيا", "استرليني", "استرلينيا"], bare=False)
_currency("GBP", ["pound", "pounds", "pounds sterling", "sterling", "GBP"])
_currency("EUR", ["يورو", "euro", "euros", "EUR", "€"])
_currency("CNY", ["يوان", "يوانا", "yuan", "renminbi", "RMB", "CNY"])
_currency("IDR", ["روبية", "روبيات"], ["إندونيسية", "اندونيسية"])
_currency("IDR", ["rupiah", "IDR"])
_currency("INR", ["روبية"], ["هندية"], bare=False)
_currency("INR", ["rupees", "rupee", "INR"])
_currency("KWD", ["دينار", "دينارا", "دنانير"], ["كويتي", "كويتيا"])
_currency("BHD", ["دينار", "دينارا"], ["بحريني", "بحرينيا"], bare=False)
_currency("JOD", ["دينار", "دينارا"], ["أردني", "أردنيا"], bare=False)
_currency("TRY", ["ليرة", "ليرات"], ["تركية"], bare=False)
_currency("JPY", ["ين", "yen", "JPY"])
_currency("MYR", ["ringgit", "MYR"])
_currency("VND", ["dong", "đồng", "VND", "₫"])
_currency("THB", ["baht", "THB"])
_currency("PHP", ["Philippine pesos", "PHP"])
_currency("NGN", ["naira", "NGN"])
_currency("BRL", ["reais", "Brazilian reais", "BRL"])
_currency("KRW", ["KRW"])

_CURRENCY_AFTER = re.compile(r"\s*(?P<cur>" + trie_pattern(_CURRENCY_WORDS) + r")(?!\w)")
_PREFIX_CODES = {
    "us$": "USD", "s$": "SGD", "$": "USD", "£": "GBP", "€": "EUR", "¥": "CNY", "₹": "INR", "rp": "IDR",
    "rp.": "IDR", "rm": "MYR", "e£": "EGP", "sar": "SAR", "aed": "AED", "egp": "EGP", "usd": "USD",
    "eur": "EUR", "gbp": "GBP", "cny": "CNY", "rmb": "CNY", "idr": "IDR", "inr": "INR", "kwd": "KWD",
    "qar": "QAR", "bhd": "BHD", "omr": "OMR", "jod": "JOD", "mad": "MAD", "sgd": "SGD", "myr": "MYR",
    "vnd": "VND", "thb": "THB", "php": "PHP", "ngn": "NGN", "brl": "BRL", "r$": "BRL", "krw": "KRW",
    "₫": "VND", "₱": "PHP", "₦": "NGN", "฿": "THB", "₩": "KRW",
}
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<code>US\$|S\$|E£|Rp\.?|RM|SAR|AED|EGP|USD|EUR|GBP|CNY|RMB|IDR|INR|KWD|QAR|BHD|"
    r"OMR|JOD|MAD|SGD|MYR|VND|THB|PHP|NGN|BRL|R\$|KRW)|(?P<sym>[$£€¥₹₫₱₦฿₩]))\s?\Z"
)

# ---------------------------------------------------------------- percent, multiples, nouns

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
                               "monthly active recipients", "active buyers", "active customers",
                               "active consumers"]),
    ("people", None, ["شخص", "شخصا", "أشخاص", "people", "persons", "individuals"]),
    ("count", "sellers", ["بائع", "بائعا", "بائعين", "بائعون", "تاجر", "تاجرا", "تجار", "sellers",
                          "seller", "merchants", "merchant", "vendors"]),
    ("count", "orders", ["طلب", "طلبا", "طلبات", "طلبية", "طلبيات", "عملية شراء", "عمليات شراء",
                         "orders", "order", "purchases"]),
    ("minutes", "time_spent", ["دقيقة", "دقائق", "minutes", "minute", "mins"]),
    ("hours", "time_spent", ["ساعة", "ساعات", "hours", "hour"]),
    ("years", None, ["عام", "عاما", "أعوام", "سنة", "سنوات", "years", "year"]),
    ("employees", None, ["موظف", "موظفا", "موظفين", "employees", "staff", "workers"]),
]:
    for _w in _words:
        _NOUNS[fold(_w).lower()] = (_unit, _metric)
# Words that may stand between a number and its noun: "35k active sellers", "500,000 American sellers",
# "92 million average monthly active recipients". Nationality adjectives come from the region lexicon.
_MODIFIERS = sorted({"new", "active", "monthly", "daily", "registered", "unique", "paying", "global", "small",
                     "local", "third-party", "online", "independent", "more", "average", "annual", "verified",
                     "domestic", "overseas", "cross-border"} | {w.lower() for w in ENGLISH_DEMONYMS})
_NOUN_AFTER = re.compile(
    r"(?:\s+(?:من\s+)?|(?:\s+(?:" + trie_pattern(_MODIFIERS) + r")){1,3}\s+)(?P<noun>" + trie_pattern(_NOUNS)
    + r")(?!\w)"
)

# ---------------------------------------------------------------- qualifiers

_QUALIFIERS: dict[str, str] = {}
for _q, _words in [
    ("approx", ["نحو", "بنحو", "حوالي", "بحوالي", "قرابة", "بقرابة", "ما يقرب من", "يقرب من", "ما يقارب",
                "يقارب", "زهاء", "ما يناهز", "يناهز", "تقريبا", "around", "about", "approximately",
                "roughly", "nearly", "almost", "some", "close to", "an estimated", "circa"]),
    ("up_to", ["ما يصل إلى", "ما يصل الى", "حتى", "up to", "as much as",
               "as many as"]),
    ("more_than", ["أكثر من", "بأكثر من", "ما يزيد على", "ما يزيد عن", "يزيد على", "يزيد عن", "ما يفوق",
                   "أزيد من", "over", "more than", "above", "in excess of", "exceeding", "upwards of",
                   "north of"]),
    ("less_than", ["أقل من", "بأقل من", "ما دون", "دون", "less than", "under", "below", "fewer than",
                   "just under"]),
    ("at_least", ["لا يقل عن", "ما لا يقل عن", "at least", "no fewer than", "no less than",
                  "a minimum of"]),
]:
    for _w in _words:
        _QUALIFIERS[fold(_w).lower()] = _q
_QUALIFIER_BEFORE = re.compile(r"(?<!\w)(?P<q>" + trie_pattern(_QUALIFIERS) + r")\s*\Z")
_QUALIFIER_AFTER = re.compile(
    r"\s*(?P<q>" + trie_pattern([fold(w) for w in ["تقريبا", "على الأقل", "أو أكثر"]])
    + r"|approximately|or more|at least|\+)(?!\w)"
)
_AFTER_Q = {fold("تقريبا"): "approx", "approximately": "approx", fold("على الأقل"): "at_least",
            "at least": "at_least", fold("أو أكثر"): "at_least", "or more": "at_least", "+": "more_than"}

# ---------------------------------------------------------------- number words

_AR_UNITS = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10,
    "عشرة": 10, "إحدى": 1, "أحد": 1,
}
_AR_TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40, "خمسون": 50,
    "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80,
    "تسعون": 90, "تسعين": 90,
}
_AR_HUNDREDS = {"مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
                "مئتا": 200, "مائتا": 200, "مئتي": 200, "مائتي": 200}
for _u, _n in [("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تسع", 9)]:
    _AR_HUNDREDS[_u + "مئة"] = _n * 100
    _AR_HUNDREDS[_u + "مائة"] = _n * 100
_EN_UNITS = {
    w: i
    for i, w in enumerate([
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ])
}
_EN_TENS = {
    w: (i + 2) * 10
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}

_WORD_VALUES: dict[str, tuple[str, float]] = {}
for _table, _kind in [(_AR_UNITS, "unit"), (_AR_TENS, "ten"), (_AR_HUNDREDS, "hundred")]:
    for _w, _n in _table.items():
        _WORD_VALUES[fold(_w)] = (_kind, float(_n))
for _w, _n in _EN_UNITS.items():
    _WORD_VALUES[_w] = ("unit", float(_n))
for _w, _n in _EN_TENS.items():
    _WORD_VALUES[_w] = ("ten", float(_n))
_WORD_VALUES["hundred"] = ("hundred_mul", 100.0)
for _w, _v in _SCALES.items():
    _WORD_VALUES[_w] = ("scale", _v)
for _w, _v in _DUAL_SCALES.items():
    _WORD_VALUES[_w] = ("dual_scale", _v)
_WORD = trie_pattern(_WORD_VALUES)
_WORD_RUN = re.compile(
    r"(?<!\w)(?:(?P<a>a|one)\s+)?(?P<run>(?:" + _WORD + r")(?:(?:\s+(?:and\s+)?|\s+و|-)(?:" + _WORD
    + r"))*)(?!\w)"
)
_RUN_SPLIT = re.compile(r"\s+and\s+|\s+و|\s+|-")


def _words_value(run: str) -> tuple[float, bool] | None:
    """Value of a run of number words and whether it ended with a scale word."""
    total = 0.0
    current = 0.0
    scaled = False
    seen_number = False
    words = [w for w in _RUN_SPLIT.split(run) if w]
    for index, word in enumerate(words):
        kind, value = _WORD_VALUES.get(word.lower(), ("", 0.0))
        if kind == "scale" and index == 0 and len(words) > 1:
            kind, value = "dual_scale", value  # «مليون ومئتا ألف»: a leading scale word means one of it
        if kind == "unit":
            if value == 10 and 0 < current < 10:  # أربعة عشر
                current += 10
            else:
                current += value
            seen_number = True
        elif kind == "ten" or kind == "hundred":
            current += value
            seen_number = True
        elif kind == "hundred_mul":
            current = max(current, 1.0) * 100
            seen_number = True
        elif kind == "scale":
            if not seen_number and current == 0:
                return None  # a bare scale word: handled by the caller
            total += max(current, 1.0) * value
            current = 0.0
            scaled = True
        elif kind == "dual_scale":
            total += value if current == 0 else current * value / 2
            current = 0.0
            scaled = True
            seen_number = True
        else:
            return None
    total += current
    return (total, scaled) if seen_number else None


# ---------------------------------------------------------------- multiples and fractions

_MULTIPLE_WORDS: dict[str, float] = {}
for _w, _v in [
    ("ضعفين", 2), ("ضعفي", 2), ("ضعفا", 2), ("تضاعف", 2), ("تضاعفت", 2), ("يتضاعف", 2), ("تتضاعف", 2),
    ("مضاعفة", 2), ("بمضاعفة", 2), ("ستضاعف", 2), ("يضاعف", 2), ("تضاعفها", 2), ("doubled", 2),
    ("doubling", 2), ("tripled", 3), ("trebled", 3), ("tripling", 3), ("quadrupled", 4),
    ("twofold", 2), ("two-fold", 2), ("threefold", 3), ("three-fold", 3), ("fourfold", 4),
    ("four-fold", 4), ("fivefold", 5), ("five-fold", 5), ("tenfold", 10), ("ten-fold", 10),
    ("twice", 2), ("ضعف", 2),
]:
    _MULTIPLE_WORDS[fold(_w).lower()] = float(_v)
# Arabic forms may carry a clitic («لمضاعفة», «وتضاعفت»).
_MULTIPLE_RE = re.compile(r"(?<!\w)(?:[وفبل](?=[ضمتي]))?(?P<w>" + trie_pattern(_MULTIPLE_WORDS) + r")(?![\w-])")
_SINGLE_DOUBLE_TRIGGER = re.compile(
    r"(?:" + trie_pattern([fold(w) for w in ["أكثر من", "أقل من", "نحو", "حوالي", "قرابة", "أي", "بنحو",
                                             "إلى", "زيادة", "بزيادة", "ارتفعت", "ارتفع", "نما", "نمت",
                                             "بلغ", "بلغت", "يعادل", "تعادل", "ما يقرب من", "أكثر"]])
    + r")\s*\Z"
)
_SINGLE_DOUBLE_NEXT = re.compile(
    r"\s+(?:" + trie_pattern([fold(w) for w in ["مستوى", "مستواه", "مستواها", "مستوياته", "مستوياتها",
                                                 "ما", "حجم", "قيمة", "عدد", "نظيره", "نظيرتها", "الرقم"]])
    + r")(?!\w)"
)

_FRACTIONS: dict[str, float] = {}
for _w, _v in [("ربع", 25), ("نصف", 50), ("النصف", 50), ("ثلث", 100 / 3), ("ثلثي", 200 / 3), ("ثلثا", 200 / 3),
               ("a quarter of", 25), ("one quarter of", 25), ("a third of", 100 / 3), ("one third of", 100 / 3),
               ("one-third of", 100 / 3), ("two thirds of", 200 / 3), ("two-thirds of", 200 / 3),
               ("half of", 50), ("half", 50), ("three quarters of", 75), ("three-quarters of", 75)]:
    _FRACTIONS[fold(_w).lower()] = float(_v)
_FRACTION_RE = re.compile(r"(?<!\w)(?P<w>" + trie_pattern(_FRACTIONS) + r")(?!\w)")

# ---------------------------------------------------------------- durations in words

# «ساعة ونصف الساعة», «ساعتين», «نصف ساعة», "an hour and a half", "two and a half hours", "half an hour".
# A lone «ساعة»/"an hour" only counts right before a per-day phrase (it is also "o'clock", "around the clock").
_EN_SMALL = {w: float(i) for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six"])}
_DURATION_RE = re.compile(
    r"(?<!\w)(?:"
    r"(?P<ar2>ساعتين|ساعتان)(?:\s+و(?P<ar2_frac>نصف|ربع)(?:\s+الساعه)?)?"
    r"|ساعه\s+(?:و(?P<ar1_frac>نصف|ربع)(?:\s+الساعه)?|(?P<ar1_less>الا\s+ربعا?))"
    r"|(?P<ar_part>نصف|ربع)\s+(?:ال)?ساعه"
    r"|(?P<ar1>ساعه)(?:\s+واحده)?(?=\s+(?:يوميا|في\s+اليوم|كل\s+يوم))"
    r"|(?:an?|one)\s+hour\s+and\s+a\s+(?P<en1_frac>half|quarter)"
    r"|(?P<en_n>one|two|three|four|five|six|[1-9])\s+and\s+a\s+half\s+hours"
    r"|(?P<en_half>half\s+an\s+hour|a\s+half[- ]hour)"
    r"|(?P<en_quarter>a\s+quarter\s+of\s+an\s+hour)"
    r"|(?P<en1>an|one)\s+hour(?=\s+(?:a|per|each|every)\s+day|\s+daily)"
    r")(?!\w)"
)
_FRACTION_OF_HOUR = {"نصف": 0.5, "ربع": 0.25, "half": 0.5, "quarter": 0.25}


def _duration_minutes(match: re.Match[str]) -> float:
    group = match.groupdict()
    if group["ar2"]:
        hours = 2 + _FRACTION_OF_HOUR.get(group["ar2_frac"] or "", 0.0)
    elif group["ar1_frac"]:
        hours = 1 + _FRACTION_OF_HOUR[group["ar1_frac"]]
    elif group["ar1_less"]:
        hours = 0.75
    elif group["ar_part"]:
        hours = _FRACTION_OF_HOUR[group["ar_part"]]
    elif group["en1_frac"]:
        hours = 1 + _FRACTION_OF_HOUR[group["en1_frac"]]
    elif group["en_n"]:
        n = group["en_n"]
        hours = (float(n) if n.isdigit() else _EN_SMALL[n]) + 0.5
    elif group["en_half"]:
        hours = 0.5
    elif group["en_quarter"]:
        hours = 0.25
    else:
        hours = 1.0
    return hours * 60


MAX_PER_SENTENCE = 24


def _parse_digits(raw: str) -> float | None:
    if len(raw) > 24:
        return None
    seps = [c for c in raw if c in ".,"]
    groups = re.split(r"[.,]", raw)
    if not seps:
        return float(raw)
    if len(set(seps)) == 1:
        sep = seps[0]
        thousands = len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
        if len(seps) == 1:
            if sep == "." or not thousands:
                return float(groups[0] + "." + groups[1])
            return float("".join(groups))
        return float("".join(groups)) if thousands else None
    # mixed: the last separator is the decimal one
    decimal = seps[-1]
    if seps.count(decimal) != 1 or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:-1]):
        return None
    return float("".join(groups[:-1]) + "." + groups[-1])


def _tail(low: str, end: int, quantity: Quantity) -> None:
    """Read scale-independent units after ``end`` (percent, currency, multiple, noun)."""
    match = _PERCENT_AFTER.match(low, end)
    if match:
        quantity.unit, quantity.end = "percent", match.end()
        return
    match = _CURRENCY_AFTER.match(low, end)
    if match:
        quantity.unit = quantity.unit or _CURRENCY_WORDS[match.group("cur").lower()]
        quantity.end = match.end()
        return
    match = _MULTIPLE_AFTER.match(low, end)
    if match and quantity.unit is None:
        quantity.unit, quantity.end = "multiple", match.end()
        return
    match = _NOUN_AFTER.match(low, end)
    if match and quantity.unit is None:
        unit, metric = _NOUNS[match.group("noun").lower()]
        if unit == "hours":
            unit, quantity.value = "minutes", quantity.value * 60
        quantity.unit, quantity.noun_metric, quantity.end = unit, metric, match.end()


def _qualify(low: str, quantity: Quantity) -> None:
    match = _QUALIFIER_BEFORE.search(low, max(0, quantity.start - 40), quantity.start)
    quantity.lead = quantity.start
    if match:
        quantity.qualifier = _QUALIFIERS[match.group("q")]
        quantity.lead = match.start()
        return
    match = _QUALIFIER_AFTER.match(low, quantity.end)
    if match:
        quantity.qualifier = _AFTER_Q[match.group("q").lower()]


def _currency_before(text: str, start: int) -> tuple[str, int] | None:
    head = text[max(0, start - 5) : start]
    match = _CURRENCY_BEFORE.search(head)
    if not match:
        return None
    token = (match.group("code") or match.group("sym")).lower()
    return _PREFIX_CODES[token], start - (len(head) - match.start())


def find_quantities(text: str, low: str | None = None) -> list[Quantity]:
    """Quantities in one normalised sentence, in order, at most ``MAX_PER_SENTENCE``."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    low = low if low is not None else ascii_lower(text)

    def overlaps(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in taken)

    for match in _DIGITS.finditer(text):
        if len(found) >= MAX_PER_SENTENCE:
            break
        value = _parse_digits(match.group())
        if value is None:
            continue
        q = Quantity(match.start(), match.end(), value, None)
        scale = _SCALE_AFTER.match(low, match.end())
        if scale:
            word = scale.group("word")
            factor = _SCALES[word.lower()] if word else _GLUED[(scale.group("glued") or scale.group("short")).lower()]
            q.value *= factor
            q.scaled = True
            q.end = scale.end()
        cur = _currency_before(text, match.start())
        if cur:
            q.unit, q.start = cur
        _tail(low, q.end, q)
        if q.unit is None and not q.scaled:
            # A bare number: a year, a date, a phone number, an age ... Grouped thousands ("80,000") are
            # kept, marked bare: only an elliptic figure ("60,000 sellers ... to reach 80,000") uses them.
            if not _GROUPED.fullmatch(match.group()):
                continue
            q.bare = True
        _qualify(low, q)
        found.append(q)
        taken.append((match.start(), q.end))

    for match in _DURATION_RE.finditer(low) if ("ساع" in low or "hour" in low) else ():
        if len(found) >= MAX_PER_SENTENCE:
            break
        q = Quantity(match.start(), match.end(), _duration_minutes(match), "minutes", noun_metric="time_spent",
                     words=True)
        _qualify(low, q)
        found.append(q)
        taken.append((match.start(), match.end()))

    for match in _WORD_RUN.finditer(low):
        if len(found) >= MAX_PER_SENTENCE:
            break
        start, end = match.start("run"), match.end("run")
        if overlaps(start, end):
            continue
        run = match.group("run")
        parsed = _words_value(run)
        if parsed is None:
            first = _RUN_SPLIT.split(run)[0].lower()
            kind, value = _WORD_VALUES.get(first, ("", 0.0))
            if kind != "scale" or not (match.group("a") or _CURRENCY_AFTER.match(low, end)
                                       or _NOUN_AFTER.match(low, end)):
                continue
            parsed = (value, True)  # "a billion", "مليار دولار"
            if match.group("a"):
                start = match.start()
        q = Quantity(start, end, parsed[0], None, scaled=parsed[1], words=True)
        cur = _currency_before(text, start)
        if cur:
            q.unit, q.start = cur
        _tail(low, q.end, q)
        if q.unit is None and not q.scaled:
            continue
        _qualify(low, q)
        found.append(q)
        taken.append((start, q.end))

    for match in _MULTIPLE_RE.finditer(low):
        if len(found) >= MAX_PER_SENTENCE:
            break
        word = match.group("w").lower()
        if overlaps(match.start("w"), match.end()):
            continue
        if word == fold("ضعف"):
            trigger = _SINGLE_DOUBLE_TRIGGER.search(low, max(0, match.start("w") - 20), match.start("w"))
            if not (trigger or _SINGLE_DOUBLE_NEXT.match(low, match.end())):
                continue  # ضَعف (weakness), not ضِعف (double)
        if word.startswith("double") and low[match.end() : match.end() + 6] == "-digit":
            continue
        q = Quantity(match.start("w"), match.end(), _MULTIPLE_WORDS[word], "multiple")
        _qualify(low, q)
        found.append(q)
        taken.append((match.start("w"), match.end()))

    for match in _FRACTION_RE.finditer(low):
        if len(found) >= MAX_PER_SENTENCE:
            break
        if overlaps(match.start(), match.end()):
            continue
        q = Quantity(match.start(), match.end(), _FRACTIONS[match.group("w").lower()], "percent", words=True)
        _qualify(low, q)
        found.append(q)
        taken.append((match.start(), match.end()))

    found.sort(key=lambda q: q.start)
    return found
