"""Period mentions: years, quarters, relative and back-referring ones, and base-period phrases.

Why: a figure's period is written in many ways («الربع الثالث من ٢٠٢٣», "Q3 2023", «هذا العام»,
"for the same quarter"), and growth figures add a comparison ("year on year", «من 2022») that
must not be mistaken for the figure's own period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .hijri import hijri_years
from .normalize import ascii_lower, fold
from .phrases import phrase_before
from .trie import trie_pattern


@dataclass(slots=True)
class PeriodMention:
    """One period phrase; ``kind`` says how to resolve it."""

    start: int
    end: int
    kind: str  # year, quarter, month_end, rel_year, rel_quarter, ref_year, ref_quarter, ref_period, prev_year,
    #            month_span (a span ending in the month ``quarter`` holds),
    #            same_in_year (the quarter in focus, in a given year), yoy, qoq, month_in (a month, no year:
    #            ``offset`` holds it)
    year: int | None = None
    quarter: int | None = None
    offset: int = 0  # for rel_*: years/quarters relative to publication
    base_prep: bool = False  # written after a comparison word ("from 2022", «مقارنة بعام 2023»)
    part: bool = False  # a part of its year ("the first half of 2024"), labelled by the year


def _alts(words: list[str]) -> str:
    return trie_pattern(sorted({fold(w).lower() for w in words}))


_ORDINALS_AR = {fold("الأول"): 1, fold("الثاني"): 2, fold("الثالث"): 3, fold("الرابع"): 4, fold("الأخير"): 4}
_ORDINALS_EN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_REL_YEAR_WORDS = {
    0: ["هذا العام", "العام الحالي", "العام الجاري", "السنة الحالية", "السنة الجارية", "هذه السنة",
        "this year", "the current year", "this fiscal year"],
    -1: ["العام الماضي", "العام السابق", "العام المنصرم", "السنة الماضية", "السنة السابقة", "last year",
         "a year ago"],
    1: ["العام المقبل", "العام القادم", "السنة المقبلة", "السنة القادمة", "next year"],
}
# Gulf and Egyptian speech («العام الجاي», «السنة اللي فاتت», «هالسنة»), in transcripts, forums and chats
_REL_YEAR_WORDS[0] += ["هالسنة", "هالعام", "السنة دي"]
_REL_YEAR_WORDS[-1] += ["العام اللي فات", "السنة اللي فاتت", "السنة اللي راحت"]
_REL_YEAR_WORDS[1] += ["العام الجاي", "السنة الجاية", "السنة الجاي"]
# «النصف الأول من العام الماضي»: a half of a year named relative to publication is labelled by that year
for _off, _years in [(0, ["العام", "هذا العام", "العام الجاري", "العام الحالي"]),
                     (-1, ["العام الماضي", "العام السابق"])]:
    _REL_YEAR_WORDS[_off] += [f"النصف {nth} من {year}" for nth in ("الأول", "الثاني") for year in _years]
_REL_YEAR = {fold(w).lower(): off for off, words in _REL_YEAR_WORDS.items() for w in words}
_REL_QUARTER_WORDS = {
    0: ["هذا الربع", "الربع الحالي", "الربع الجاري", "this quarter", "the current quarter"],
    -1: ["الربع الماضي", "الربع السابق", "last quarter", "the previous quarter", "the prior quarter"],
}
_REL_QUARTER = {fold(w).lower(): off for off, words in _REL_QUARTER_WORDS.items() for w in words}
_REF_YEAR = ["العام نفسه", "العام ذاته", "نفس العام", "ذات العام", "السنة نفسها", "السنة ذاتها",
             "نهاية العام", "نهاية السنة",
             # the month named before lies in the year in focus: «خلال الشهر نفسه»
             "الشهر نفسه", "الشهر ذاته", "نفس الشهر", "ذات الشهر", "the same month",
             "the same year", "that year", "for the year", "year end", "year-end", "the end of the year",
             "for the full year", "over the full year", "in the full year",
             # a half-year report's own half, labelled by its year: "in the half", "the first six months of the year"
             "the half", "the half-year", "the first six months of the year", "the first half of the year",
             # a count on the date named before ("exceeded 120,000 as of that date"): that date's year
             "as of that date", "at that date", "on that date", "as at that date"]
_REF_QUARTER = ["الربع ذاته", "الربع نفسه", "نفس الربع", "ذات الربع", "the same quarter", "the quarter",
                "that quarter", "quarterly", "quarter end", "quarter-end", "the end of the quarter"]
_REF_PERIOD = ["الفترة نفسها", "الفترة ذاتها", "نفس الفترة", "ذات الفترة", "the same period",
               # a sales campaign the text dated before: «خلال الحملة», "during the campaign"
               "خلال الحملة", "خلال فترة الحملة", "خلال أيام الحملة", "during the campaign", "over the campaign",
               "during the sale", "in the sale", "over the sale", "the period", "the reporting period",
               "the same reference period", "the reference period", "the same reporting period"]
# The year before the one in focus (not before publication): "up from 13% a year earlier".
_PREV_YEAR = ["a year earlier", "a year before", "the previous year", "the prior year", "the year before",
              "قبلها بعام", "قبل ذلك بعام", "قبله بعام", "قبل عام", "العام السابق له"]
_YOY = ["على أساس سنوي", "على اساس سنوي", "year on year", "year-on-year", "year over year",
        "year-over-year", "yoy", "y/y", "from a year earlier", "from a year ago", "than a year earlier",
        "than a year ago", "the same period a year earlier", "the same period a year ago", "the same period last year",
        "the same quarter a year earlier", "the same quarter a year ago", "the same quarter last year",
        "compared with a year earlier", "compared with a year ago",
        "compared to a year earlier", "on the year", "on an annual basis", "on a yearly basis"]
for _c in ["مقارنة", "قياسا"]:
    for _p in ["بالفترة نفسها", "بالفترة ذاتها", "بنفس الفترة", "بذات الفترة", "بالربع نفسه", "بالربع ذاته",
               "بالعام", "بالسنة"]:
        for _y in ["العام الماضي", "العام السابق", "السنة الماضية", "السنة السابقة"]:
            _YOY.append(f"{_c} {_p} من {_y}" if _p not in ("بالعام", "بالسنة") else "")
    _YOY += [f"{_c} بالعام الماضي", f"{_c} بالعام السابق", f"{_c} بالسنة الماضية"]
_YOY += ["عن الفترة نفسها من العام الماضي", "عن الفترة ذاتها من العام الماضي", "عن العام الماضي",
         "عن الربع نفسه من العام الماضي", "عن الربع ذاته من العام الماضي", "عن الربع نفسه من العام السابق",
         "عن العام السابق", "من العام الماضي", "من العام السابق"]
_YOY = [w for w in _YOY if w]
_QOQ = ["على أساس ربعي", "quarter on quarter", "quarter-on-quarter", "quarter over quarter",
        "quarter-over-quarter", "qoq", "q/q", "from the previous quarter", "مقارنة بالربع السابق",
        "مقارنة بالربع الماضي"]

_YEAR = r"(?:19|20)[0-9]{2}"
_SPOKEN_UNITS = {w: i + 1 for i, w in enumerate(["one", "two", "three", "four", "five", "six", "seven", "eight",
                                                  "nine"])}
_SPOKEN_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30}
# A quarter named by a month in it: "the September quarter", "the quarter ended June 30",
# «الربع المنتهي في يونيو».
_MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december"]
_MONTHS_AR = [["يناير", "كانون الثاني"], ["فبراير", "شباط"], ["مارس", "آذار"], ["أبريل", "إبريل", "نيسان"],
              ["مايو", "أيار"], ["يونيو", "حزيران"], ["يوليو", "تموز"], ["أغسطس", "آب"], ["سبتمبر", "أيلول"],
              ["أكتوبر", "تشرين الأول"], ["نوفمبر", "تشرين الثاني"], ["ديسمبر", "كانون الأول"]]
_MONTH_NUMBER = {name: index + 1 for index, name in enumerate(_MONTHS_EN)}
# Short forms, for a quarter named by its months: "the Jul-Sep quarter", "the April-June quarter"
_MONTH_NUMBER.update({name[:3]: index + 1 for index, name in enumerate(_MONTHS_EN)} | {"sept": 9})
_MONTHS_SPAN = _alts([*_MONTHS_EN, *(name[:3] for name in _MONTHS_EN), "sept"])
_MONTH_NUMBER.update({fold(name).lower(): index + 1 for index, names in enumerate(_MONTHS_AR) for name in names})
_PHRASES: dict[str, tuple[str, int]] = {}
for _kind, _table in [("rel_year", _REL_YEAR), ("rel_quarter", _REL_QUARTER)]:
    for _w, _off in _table.items():
        _PHRASES[_w] = (_kind, _off)
for _w, _off in _REL_YEAR.items():
    if _w.startswith("ال"):
        _PHRASES[fold("نهاية ").lower() + _w] = ("rel_year", _off)  # «نهاية العام المقبل»: not the year in focus
for _kind, _words in [("ref_year", _REF_YEAR), ("ref_quarter", _REF_QUARTER), ("ref_period", _REF_PERIOD),
                      ("prev_year", _PREV_YEAR), ("yoy", _YOY), ("qoq", _QOQ)]:
    for _w in _words:
        _PHRASES[fold(_w).lower()] = (_kind, 0)
for _w in list(_PHRASES):
    if _w.startswith("ال"):
        _PHRASES["ل" + _w[1:]] = _PHRASES[_w]  # ل + العام -> للعام
# A month with no year ("780,000 in June"): the last such month at publication (see period_resolution)
_PHRASES.update({f"in {name}": ("month_in", index + 1) for index, name in enumerate(_MONTHS_EN)})
_SAID_BEFORE = re.compile(r"(?<!\w)(?:said|says|told|reported|announced|published|released|added|noted|wrote|disclosed"
                          r"|launched|founded|opened|started|began|joined|raised|filed)(?:\s+\w+){0,3}\s+\Z")
_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?" + _YEAR + r"(?![0-9])")
# The quarter in focus in another year: «الربع نفسه من 2023», «الفترة ذاتها من عام 2023», "the same
# quarter of 2022" (read after a same-quarter/same-period phrase).
_IN_YEAR = re.compile(r"\s+(?:من|of|in)\s+(?:(?:ال)?عام\s+)?(?P<year>" + _YEAR + r")(?![0-9])")
# Parts of a year and spoken years: tried only in sentences holding one of _PART_WORDS (the common sentence pays for
# none of them).
_PART_BRANCHES = [
    # A span of a year or half ending in a month, labelled by the year it ends in: "the six months to September",
    # "the year to March", "the six months ended June 30, 2025", "the six months ending 31 March 2025"
    r"(?P<span>(?:(?:six|nine|twelve)\s+months|(?:fiscal\s+)?year|half|half-year|first\s+half)\s+"
    r"(?:to|ended|ending|through)\s+(?P<span_end>the\s+end\s+of\s+)?(?:[0-9]{1,2}\s+)?(?P<span_month>"
    + _alts(_MONTHS_EN) + r")(?!\w)(?:\s+[0-9]{1,2}(?![0-9]))?(?:,?\s+(?P<span_year>" + _YEAR + r")(?![0-9]))?)",
    # The first six or nine months of a year label the year: "the first nine months of 2024",
    # «الأشهر التسعة الأولى من 2024», «النصف الأول من 2025»
    r"(?P<part>(?:first\s+(?:six|nine)\s+months|(?:ال)?اشهر\s+(?:ال)?(?:سته|تسعه)\s+(?:ال)?اولي|(?:ال)?نصف\s+(?:ال)?(?:اول|ثاني))"
    r"\s+(?:of|من)\s+(?:(?:ال)?عام\s+)?(?P<part_year>" + _YEAR + r")(?![0-9]))",
    # A year spoken in a transcript: "twenty twenty-five", "twenty nineteen"
    r"(?P<spoken>twenty[\s-](?P<sy_tens>" + _alts(list(_SPOKEN_TENS)) + r")(?:[\s-](?P<sy_unit>"
    + _alts(list(_SPOKEN_UNITS)) + r"))?(?![\w-]))",
    # A half-year labels its year: "the first half of 2025", "H1 2025", "1H25", "2H 2024"
    r"(?P<half>(?:(?:first|second)\s+half|h[12]|[12]h)(?:\s*(?:of\s+)?(?:fiscal\s+)?(?:fy\s?)?"
    r"(?P<half_year>(?:19|20)[0-9]{2}|'?[0-9]{2}))(?![0-9]))",
]
_PART_WORDS = ("half", "month", "h1", "h2", "1h", "2h", "twenty", "نصف", "اشهر", "year to", "year end")
_PART_GATE = re.compile(trie_pattern(sorted(_PART_WORDS)))
_BRANCHES = [
    r"(?P<mq>(?:(?:" + _MONTHS_SPAN + r")\.?\s*-\s*(?P<mq_last>" + _MONTHS_SPAN + r")\.?[\s-]+quarter"
    # "April-June 2025" (a table's note, a heading): three months of one quarter, with its year
    r"|(?P<mq_first>" + _MONTHS_SPAN + r")\.?\s*-\s*(?P<mq_end>" + _MONTHS_SPAN + r")(?=,?\s+" + _YEAR + r"(?![0-9]))"
    r"|(?P<mq_month>" + _alts(_MONTHS_EN) + r")[\s-]+quarter"
    r"|(?:the\s+)?quarter\s+(?:that\s+)?(?:ended|ending|to)\s+(?:in\s+)?(?P<mq_month2>" + _alts(_MONTHS_EN)
    + r")(?:\s+[0-9]{1,2})?|(?:ال|لل)ربع\s+المنتهي\s+في\s+(?:شهر\s+)?"
    r"(?P<mq_ar>" + _alts([name for names in _MONTHS_AR for name in names]) + r"))(?!\w)(?:,?\s+(?:of\s+|من\s+)?"
    r"(?P<mq_year>" + _YEAR + r")(?![0-9]))?)",
    # The end of a month, no year: "at the end of March" (a count at the close of that quarter), «بنهاية مارس»
    r"(?P<me>(?:the\s+end\s+of|نهايه)\s+(?:شهر\s+)?(?P<me_month>" + _alts(_MONTHS_EN) + "|"
    + _alts([name for names in _MONTHS_AR for name in names]) + r")(?!\w)(?!\s*,?\s*(?:[0-9]|of\s+[0-9])))",
    # Arabic quarter: «الربع الثالث من عام 2023», «للربع الأول 2024», «الربع الأول من العام الماضي»
    r"(?P<arq>(?:ال|لل)ربع\s+(?P<arq_ord>" + _alts(list(_ORDINALS_AR)) + r")(?!\w)"
    r"(?:\s+(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?:(?P<arq_year>" + _YEAR + r")(?![0-9])|"
    r"(?P<arq_rel>" + _alts([w for w in _REL_YEAR if w.startswith("ال")]) + r")(?!\w)))?)",
    r"(?P<phrase>(?:" + trie_pattern(_PHRASES) + r")(?!\w))",
    # English quarter: "the third quarter of 2023", "Q3 2023", "3Q23", "Q3'23"
    r"(?P<enq>(?:(?P<enq_ord>first|second|third|fourth|final)[\s-]+(?:fiscal\s+)?quarter"
    r"|q(?P<enq_num>[1-4])|(?P<enq_num2>[1-4])q(?=['0-9]))(?:\s*(?:of\s+)?(?:fiscal\s+)?(?:fy\s*)?'?"
    r"(?P<enq_year>(?:19|20)?[0-9]{2})(?![0-9]))?)",
    r"(?P<year>(?:fy\s?(?:19|20)|19|20)[0-9]{2}(?![0-9]|[.,][0-9]|\s*%))",
    # "the first three months of this year", «الأشهر الثلاثة الأولى من 2024»
    r"(?P<m3>(?:(?P<m3_en>first|last|final)\s+three\s+months|(?:ال)?اشهر\s+(?:ال)?ثلاثه\s+(?P<m3_ar>"
    + _alts(["الأولى", "الأخيرة"]) + r"))(?:\s+(?:of|من)\s+(?:(?:ال)?عام\s+)?(?:(?P<m3_year>" + _YEAR
    + r")(?![0-9])|(?P<m3_rel>" + _alts([w for w in _REL_YEAR]) + r")(?!\w)))?)",
]
_FIRST = set("ل1234fstqا") | {w[0] for w in _PHRASES} | {w[0] for w in _MONTHS_EN}
_PART_FIRST = _FIRST | set("hnyا")
_FISCAL_BEFORE = re.compile(r"(?<!\w)fiscal(?:\s+year)?\s+\Z")
_SPAN_TO = re.compile(r"(?<!\w)(?:to|until|through|till|حتى|حتي)\s+(?:ب)?\Z")
_GENERIC_BEFORE = re.compile(r"(?<!\w)(?:a|any|every|each)\s+\Z")
# The leading class lets the engine skip most positions with one test instead of trying every branch.
# Matches start a word, maybe after one or two clitic letters (للعام الماضي): the look-behinds skip the rest.
_HEAD = r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وفبلك]{2}))(?:"
_PATTERN = re.compile("(?=[" + re.escape("".join(sorted(_FIRST))) + "])" + _HEAD + "|".join(_BRANCHES) + ")")
# The year branch last: "the first half of 2025" is read as the half before its year is.
_WITH_PARTS = re.compile("(?=[" + re.escape("".join(sorted(_PART_FIRST))) + "])" + _HEAD
                         + "|".join([*_BRANCHES[:-2], *_PART_BRANCHES, *_BRANCHES[-2:]]) + ")")
_CLITIC_HEAD = re.compile(r"(?:^|\W)[وفبلك]{0,2}\Z")


def _word_start_ok(low: str, start: int) -> bool:
    """A match must start a word; Arabic phrases may carry one or two clitic letters (للعام الماضي)."""
    if start == 0 or not low[start - 1].isalnum():
        return True
    return bool(_CLITIC_HEAD.search(low, max(0, start - 3), start))


# Words before a period that make it a comparison's ("from 2022", «مقارنة بعام 2023»).
_BASE_PREP = {fold(w).lower() for w in [
    "من", "عن", "مقارنة", "مقارنة ب", "مقارنة بعام", "مقارنة بالعام", "مقارنة مع", "مقارنة مع عام", "قياسا ب",
    "قياسا بعام", "بعام", "بالعام", "مستواها في", "مستواه في", "مستوياتها في", "مستواها عام", "ما كان عليه في",
    "ما كانت عليه في", "كان عليه في", "كانت عليه في", "what it was in", "its level in", "on", "from", "over",
    "versus", "vs", "vs.", "compared with", "compared to", "than", "than in", "levels in", "level in", "against",
    "the volume of", "the level of", "the levels of", "that of", "the size of",
    # "2.3x what we did in 2023", "growth of 6.4% compared with the fourth quarter of 2023"
    "what we did in", "what it did in", "what they did in", "what we made in", "compared with the", "compared to the",
    "against the", "versus the"]}


_LEVEL_AFTER = re.compile(r"\s+(?:levels?|figures?|total)(?!\w)")
# Every period phrase holds one of these; a sentence with none of them is not searched further.
_PERIOD_WORDS = ("q1", "q2", "q3", "q4", "quarter", "year", "month", "period", "annual", "yoy", "y/y", "q/q", "qoq",
                 "fy", "h1", "h2", "twenty", "half", "that date", "end of", "نهايه", "campaign", "حمله", "the sale",
                 "ربع", "عام", "سنه", "سنوي", "فتره", "اشهر", "شهر", *(f"in {month}" for month in _MONTHS_EN),
                 *(fold(name).lower() for names in _MONTHS_AR for name in names if len(name) > 3))


_TWO_DIGITS = re.compile(r"[0-9][0-9]")
_PERIOD_GATE = re.compile(trie_pattern(sorted(_PERIOD_WORDS)))


def any_period(low: str) -> bool:
    return _TWO_DIGITS.search(low) is not None or _PERIOD_GATE.search(low) is not None


def find_periods(text: str, low: str | None = None) -> list[PeriodMention]:
    """Period phrases of a normalised sentence, in order."""
    found: list[PeriodMention] = []
    low = low if low is not None else ascii_lower(text)
    if not any_period(low):
        return found
    for match in (_WITH_PARTS if _PART_GATE.search(low) else _PATTERN).finditer(low):
        group = match.lastgroup
        start, end = match.start(), match.end()
        if (found and start < found[-1].end) or not _word_start_ok(low, start):
            continue
        mention: PeriodMention
        if group == "m3":
            first = match.group("m3_en") == "first" or match.group("m3_ar") == fold("الأولى")
            quarter = 1 if first else 4
            if match.group("m3_year"):
                mention = PeriodMention(start, end, "quarter", int(match.group("m3_year")), quarter)
            elif match.group("m3_rel"):
                mention = PeriodMention(start, end, "rel_year_quarter", None, quarter,
                                        _REL_YEAR[match.group("m3_rel").lower()])
            else:
                mention = PeriodMention(start, end, "quarter", None, quarter)
        elif group == "phrase":
            kind, offset = _PHRASES[match.group().lower()]
            mention = PeriodMention(start, end, kind, offset=offset)
            if kind == "month_in" and (_YEAR_AFTER.match(low, end)
                                       or _SAID_BEFORE.search(low, max(0, start - 30), start)):
                continue  # "in June 2024": the year is read on its own; "the company said in March": when it spoke
            if kind in ("ref_quarter", "ref_period"):
                in_year = _IN_YEAR.match(low, end)
                if in_year:
                    mention = PeriodMention(start, in_year.end(), "same_in_year", int(in_year.group("year")))
        elif group == "arq":
            quarter = _ORDINALS_AR[match.group("arq_ord").lower()]
            if match.group("arq_year"):
                mention = PeriodMention(start, end, "quarter", int(match.group("arq_year")), quarter)
            elif match.group("arq_rel"):
                offset = _REL_YEAR[match.group("arq_rel").lower()]
                mention = PeriodMention(start, end, "rel_year_quarter", None, quarter, offset)
            else:
                mention = PeriodMention(start, end, "quarter", None, quarter)
        elif group == "me":
            if _SPAN_TO.search(low, max(0, start - 10), start):
                continue  # "the six months to the end of September": a span, not a quarter
            month = _MONTH_NUMBER[match.group("me_month").lower()]
            mention = PeriodMention(start, end, "month_end", None, (month - 1) // 3 + 1)
        elif group == "mq":
            month = _MONTH_NUMBER[(match.group("mq_last") or match.group("mq_month") or match.group("mq_month2")
                                   or match.group("mq_ar") or match.group("mq_end")).lower()]
            year_text = match.group("mq_year")
            if match.group("mq_first") and (month % 3 or _MONTH_NUMBER[match.group("mq_first").lower()] != month - 2):
                found.append(PeriodMention(match.end() - 4, match.end(), "year", int(year_text)))
                continue  # "March-May 2025": no quarter, its year
            mention = PeriodMention(start, end, "quarter", int(year_text) if year_text else None, (month - 1) // 3 + 1)
        elif group == "enq":
            if match.group("enq_ord") and not match.group("enq_year") and _GENERIC_BEFORE.search(
                    low, max(0, start - 8), start):
                continue  # "the highest ever for a third quarter": any third quarter, not one
            if match.group("enq_ord"):
                quarter = _ORDINALS_EN[match.group("enq_ord").lower()]
            else:
                quarter = int(match.group("enq_num") or match.group("enq_num2"))
            year_text = match.group("enq_year")
            year = None
            if year_text:
                year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
            mention = PeriodMention(start, end, "quarter", year, quarter)
        elif group == "span":
            month = _MONTH_NUMBER[match.group("span_month").lower()]
            year_text = match.group("span_year")
            if match.group("span_end") and not year_text:
                continue  # "the six months to the end of March": a span across years, no period of the contract
            whole_year = "year" in match.group() and "half" not in match.group()  # "the year to March": a fiscal year
            mention = PeriodMention(start, end, "month_span", int(year_text) if year_text else None, month,
                                    part=not whole_year)
        elif group == "part":
            mention = PeriodMention(start, end, "year", int(match.group("part_year")), part=True)
        elif group == "spoken":
            tens, unit = match.group("sy_tens"), match.group("sy_unit")
            if unit and _SPOKEN_TENS[tens] < 20:
                continue  # "twenty fifteen-one" is no year
            year = 2000 + _SPOKEN_TENS[tens] + (_SPOKEN_UNITS[unit] if unit else 0)
            mention = PeriodMention(start, end, "year", year)
        elif group == "half":
            year_text = match.group("half_year").lstrip("'")
            year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
            mention = PeriodMention(start, end, "year", year, part=True)
        else:
            digits = match.group()[-4:]
            mention = PeriodMention(start, end, "year", int(digits))
        fiscal = _FISCAL_BEFORE.search(low, max(0, start - 14), start)  # "from fiscal 2024": the comparison's
        lead = fiscal.start() if fiscal else start
        mention.base_prep = phrase_before(low, lead, _BASE_PREP, reach=24) is not None or (
            group == "year" and _LEVEL_AFTER.match(low, end) is not None)  # "double the 2022 level"
        found.append(mention)
    if _ARABIC_MONTH_WORD.search(low):
        found = _with_arabic_months(low, found)
    hijri = [PeriodMention(start, end, "year", year, base_prep=phrase_before(low, start, _BASE_PREP, reach=24)
                           is not None) for start, end, year in hijri_years(low)]  # «رمضان 1446هـ»: 2025
    return sorted([*found, *hijri], key=lambda mention: mention.start) if hijri else found


# An Arabic month with no year: «في يوليو», «خلال شهر أغسطس الماضي»: the last such month at publication.
_ARABIC_MONTH = re.compile(r"(?<!\w)(?:في|خلال)\s+(?:شهر\s+)?(?P<month>" + _alts(
    [name for names in _MONTHS_AR for name in names]) + r")(?:\s+(?:الماضي|المنصرم))?(?!\w)"
    r"(?!\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?عام\s+)?[0-9])")


# When something was said or published («قالت «X» في مايو إن», «التقرير الصادر في أكتوبر»), not a figure's month.
_SAID_BEFORE_AR = re.compile(r"(?<!\w)[وف]?(?:قال|قالت|اعلن|اعلنت|ذكر|ذكرت|كشف|كشفت|الصادر|الصادره|نشر|نشرت|اصدر"
                          r"|اصدرت)(?:\s+\"[^\"\n]{1,30}\")?\s*\Z")
_ARABIC_MONTH_WORD = re.compile(_alts([name for names in _MONTHS_AR for name in names]))


def _with_arabic_months(low: str, found: list[PeriodMention]) -> list[PeriodMention]:
    months = [PeriodMention(m.start(), m.end(), "month_span", None, _MONTH_NUMBER[m.group("month")])
              for m in _ARABIC_MONTH.finditer(low)
              if not any(p.start < m.end() and m.start() < p.end for p in found)
              and not _SAID_BEFORE_AR.search(low, max(0, m.start() - 40), m.start())]
    return sorted([*found, *months], key=lambda mention: mention.start) if months else found


def quarter_of(moment: datetime) -> int:
    return (moment.month - 1) // 3 + 1


def shift(period: str, years: int = 0, quarters: int = 0) -> str:
    """Move a ``2023`` / ``2023-Q2`` period by whole years or quarters."""
    if "-Q" in period:
        year, quarter = int(period[:4]), int(period[-1])
        index = year * 4 + (quarter - 1) + quarters + 4 * years
        return f"{index // 4}-Q{index % 4 + 1}"
    return str(int(period) + years)


def period_start(period: str) -> tuple[int, int, int]:
    """First day of a period as (year, month, day), for the "future means forecast" rule."""
    if "-Q" in period:
        return int(period[:4]), (int(period[-1]) - 1) * 3 + 1, 1
    return int(period), 1, 1
