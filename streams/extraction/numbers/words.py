"""Numbers written in words: Arabic and English cardinals, multiples, fractions and durations.

Each is a closed list of words turned into a value («خمسة وعشرين», أضعاف، doubled, ربع، half,
«ساعة ونصف الساعة»); the cardinals reuse the scale words (مليون، billion) so «خمسة وعشرين مليون» is
one number.
"""

from __future__ import annotations

import re

from ..normalize import fold
from ..trie import trie_pattern
from .scales import DUAL_SCALES, SCALES

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

WORD_VALUES: dict[str, tuple[str, float]] = {}
for _table, _kind in [(_AR_UNITS, "unit"), (_AR_TENS, "ten"), (_AR_HUNDREDS, "hundred")]:
    for _w, _n in _table.items():
        WORD_VALUES[fold(_w)] = (_kind, float(_n))
for _w, _n in _EN_UNITS.items():
    WORD_VALUES[_w] = ("unit", float(_n))
for _w, _n in _EN_TENS.items():
    WORD_VALUES[_w] = ("ten", float(_n))
WORD_VALUES["hundred"] = ("hundred_mul", 100.0)
WORD_VALUES["point"] = ("point", 0.0)  # "six point two billion": the digits after it are decimals
for _w, _v in SCALES.items():
    WORD_VALUES[_w] = ("scale", _v)
for _w, _v in DUAL_SCALES.items():
    WORD_VALUES[_w] = ("dual_scale", _v)
_WORD = trie_pattern(WORD_VALUES)
# The leading class (first letters of the words) lets the engine skip other characters at C speed.
_WORD_FIRST = "".join(sorted({w[0] for w in WORD_VALUES} | {"a", "o", "ب"}))
# «بتسعة مليارات دولار»: the preposition ب is written on to the number word («by nine billion dollars»).
WORD_RUN = re.compile(
    r"(?=[" + re.escape(_WORD_FIRST) + r"])(?<!\w)(?:(?P<a>a|one)\s+(?!point(?!\w)))?(?:ب(?=[\u0621-\u064a]))?"
    r"(?P<run>(?:" + _WORD
    + r")(?:(?:\s+(?:and\s+)?|\s+و|-)(?:" + _WORD
    + r"))*)(?!\w)"
)
RUN_SPLIT = re.compile(r"\s+and\s+|\s+و|\s+|-")


def words_value(run: str) -> tuple[float, bool] | None:
    """Value of a run of number words and whether it ended with a scale word."""
    total = 0.0
    current = 0.0
    scaled = False
    seen_number = False
    words = [w for w in RUN_SPLIT.split(run) if w]
    decimals = 0  # digits read after "point"
    for index, word in enumerate(words):
        kind, value = WORD_VALUES.get(word.lower(), ("", 0.0))
        if kind == "point":
            if decimals or not seen_number or index + 1 == len(words):
                return None
            decimals = 1
            continue
        if decimals:
            if kind == "unit" and value < 10:
                current += value / 10**decimals
                decimals += 1
                continue
            if kind != "scale":
                return None
            decimals = 0
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

MULTIPLE_WORDS: dict[str, float] = {}
for _w, _v in [
    ("ضعفين", 2), ("ضعفي", 2), ("ضعفا", 2), ("تضاعف", 2), ("تضاعفت", 2), ("يتضاعف", 2), ("تتضاعف", 2),
    ("مضاعفة", 2), ("بمضاعفة", 2), ("ستضاعف", 2), ("يضاعف", 2), ("تضاعفها", 2), ("doubled", 2),
    ("doubling", 2), ("tripled", 3), ("trebled", 3), ("tripling", 3), ("quadrupled", 4),
    ("twofold", 2), ("two-fold", 2), ("threefold", 3), ("three-fold", 3), ("fourfold", 4),
    ("four-fold", 4), ("fivefold", 5), ("five-fold", 5), ("tenfold", 10), ("ten-fold", 10),
    ("twice", 2), ("ضعف", 2), ("double", 2), ("triple", 3), ("quadruple", 4),
]:
    MULTIPLE_WORDS[fold(_w).lower()] = float(_v)
# Arabic forms may carry a clitic («لمضاعفة», «وتضاعفت»).
MULTIPLE_RE = re.compile(r"(?<!\w)(?:[وفبل](?=[ضمتي]))?(?P<w>" + trie_pattern(MULTIPLE_WORDS) + r")(?![\w-])")
SINGLE_DOUBLE_TRIGGER = re.compile(
    r"(?:" + trie_pattern([fold(w) for w in ["أكثر من", "أقل من", "نحو", "حوالي", "قرابة", "أي", "بنحو",
                                             "إلى", "زيادة", "بزيادة", "ارتفعت", "ارتفع", "نما", "نمت",
                                             "بلغ", "بلغت", "يعادل", "تعادل", "ما يقرب من", "أكثر"]])
    + r")\s*\Z"
)
# "double", "triple" as a figure: "roughly double the 2022 level", "aims to double its sales" (not "double down").
BARE_MULTIPLES = {"double", "triple", "quadruple"}
BARE_MULTIPLE_CONTEXT = re.compile(r"\s+(?:the|its|their|that|this|our|in|over|from|on|since|compared|year"
                                   r"|again)(?!\w)")  # "to more than double again in 2025"
BARE_MULTIPLE_BEFORE = re.compile(r"(?:(?<!\w)(?:to|roughly|about|nearly|almost|around|some|approximately|than|will"
                                  r"|would|could|more than|over|gmv|sales|revenue|revenues|orders|users|sellers)"
                                  r"|,)\s+\Z")
SINGLE_DOUBLE_NEXT = re.compile(
    r"\s+(?:" + trie_pattern([fold(w) for w in ["مستوى", "مستواه", "مستواها", "مستوياته", "مستوياتها",
                                                 "ما", "حجم", "قيمة", "عدد", "نظيره", "نظيرتها", "الرقم"]])
    + r")(?!\w)"
)

FRACTIONS: dict[str, float] = {}
for _w, _v in [("ربع", 25), ("نصف", 50), ("النصف", 50), ("ثلث", 100 / 3), ("ثلثي", 200 / 3), ("ثلثا", 200 / 3),
               ("a quarter of", 25), ("one quarter of", 25), ("a third of", 100 / 3), ("one third of", 100 / 3),
               ("one-third of", 100 / 3), ("two thirds of", 200 / 3), ("two-thirds of", 200 / 3),
               ("half of", 50), ("half", 50), ("three quarters of", 75), ("three-quarters of", 75),
               ("a third", 100 / 3), ("one third", 100 / 3), ("two thirds", 200 / 3), ("two-thirds", 200 / 3),
               ("a fifth", 20), ("one fifth", 20), ("a fifth of", 20), ("one-fifth of", 20), ("a tenth", 10),
               ("a tenth of", 10), ("three quarters", 75), ("three-quarters", 75)]:
    FRACTIONS[fold(_w).lower()] = float(_v)
# "a third quarter", "a third time": an ordinal, not a fraction.
FRACTION_RE = re.compile(r"(?<!\w)(?P<w>" + trie_pattern(FRACTIONS) + r")(?!\w)"
                         r"(?!\s+(?:quarter|time|party|consecutive|straight|year|place|round|world|wave)(?!\w))")
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          fold("اثنين"): 2, fold("ثلاثة"): 3, fold("أربعة"): 4, fold("خمسة"): 5, fold("ستة"): 6, fold("عشرة"): 10}
_SMALL_RE = trie_pattern(_SMALL)
# Shares written as ratios or bare fractions: "one in five", «واحد من كل خمسة», "grew by about a quarter",
# «خمس السوق» (a fifth; «خمس» alone is also "five", so only before what it divides).
OTHER_FRACTIONS = re.compile(
    r"(?<!\w)(?:one\s+(?:in|out\s+of)\s+(?:every\s+)?|واحد[اه]?\s+من\s+كل\s+)(?P<n>" + _SMALL_RE + r"|[2-9]|10)(?!\w)"
    r"|(?<!\w)(?:by|up|rose|grew|jumped|fell|down|increase of|rise of|from|to|against)\s+(?:about\s+|roughly\s+"
    r"|nearly\s+|almost\s+"
    r"|around\s+|more than\s+)?(?P<quarter>a quarter)(?!\s+of)(?!\w)"
    r"|(?<!\w)(?P<fifth>خمس|عشر)(?=\s+(?:ال)?(?:سوق|مبيعات|حصه|اجمالي|قيمه|طلبات)(?!\w))"
)


def other_fraction(match: re.Match[str]) -> tuple[int, int, float]:
    """(start, end, percent) of an ``OTHER_FRACTIONS`` match."""
    if match.group("n"):
        n = match.group("n")
        return match.start(), match.end(), 100 / (int(n) if n.isdigit() else _SMALL[n])
    if match.group("quarter"):
        return match.start("quarter"), match.end("quarter"), 25.0
    return match.start("fifth"), match.end("fifth"), 20.0 if match.group("fifth") == "خمس" else 10.0

# ---------------------------------------------------------------- durations in words

# «ساعة ونصف الساعة», «ساعتين», «نصف ساعة», "an hour and a half", "two and a half hours", "half an hour".
# A lone «ساعة»/"an hour" only counts right before a per-day phrase (it is also "o'clock", "around the clock").
_EN_SMALL = {w: float(i) for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six"])}
DURATION_RE = re.compile(
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


def duration_minutes(match: re.Match[str]) -> float:
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

