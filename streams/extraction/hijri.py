"""Hijri years in Arabic text («رمضان 1446هـ», «عام 1445 هجري»): the Gregorian year they fall in.

Why: Gulf press dates seasons by the Hijri calendar; a figure «خلال رمضان 1446هـ» is a 2025 figure. A
Hijri year is about 354.37 days and began on 16 July 622; the month named (else the year's middle) says
which of the two Gregorian years it overlaps is meant. Exact to the year, which is all a period needs.
"""

from __future__ import annotations

import re

_MONTHS = ["محرم", "صفر", "ربيع الاول", "ربيع الثاني|ربيع الاخر", "جمادي الاولي|جمادي الاول",
           "جمادي الاخره|جمادي الثانيه|جمادي الاخر", "رجب", "شعبان", "رمضان", "شوال", "ذو القعده|ذي القعده",
           "ذو الحجه|ذي الحجه"]
_MONTH_NUMBER = {name: index + 1 for index, names in enumerate(_MONTHS) for name in names.split("|")}
# In folded text: an optional month, then a year of 13xx-15xx marked «هـ» (folded «ه») or «هجري(ة)».
_HIJRI = re.compile(r"(?:(?<!\w)(?:[وفبل]|ال)?(?P<month>" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
                    + r")\s+)?(?<![0-9])(?P<year>1[345][0-9]{2})\s*(?:ه|هجري|هجريه|للهجره)(?!\w)")
# The year and its mark alone: a literal first character, so the common sentence (with no Hijri year, but
# with «ه» in every other word) is passed over at once before the month alternatives are tried.
_YEAR_MARK = re.compile(r"1[345][0-9]{2}\s*(?:ه|هجري|هجريه|للهجره)(?!\w)")
_EPOCH = 622 + 196 / 365.2425  # 16 July 622
_YEAR_DAYS, _MONTH_DAYS, _GREGORIAN_DAYS = 354.36667, 29.5306, 365.2425


def gregorian_year(hijri_year: int, month: int | None = None) -> int:
    """The Gregorian year of the middle of ``month`` (else of the whole year) of ``hijri_year``."""
    days = (hijri_year - 1) * _YEAR_DAYS + ((month - 0.5) * _MONTH_DAYS if month else _YEAR_DAYS / 2)
    return int(_EPOCH + days / _GREGORIAN_DAYS)


def hijri_years(low: str) -> list[tuple[int, int, int]]:
    """(start, end, Gregorian year) of each Hijri year a folded sentence writes."""
    if "ه" not in low or not _YEAR_MARK.search(low):
        return []
    out = []
    for match in _HIJRI.finditer(low):
        month = match.group("month")
        start = match.start("month") if month else match.start("year")
        out.append((start, match.end(), gregorian_year(int(match.group("year")),
                                                       _MONTH_NUMBER.get(month) if month else None)))
    return out
