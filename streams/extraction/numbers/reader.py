"""Quantities in a normalised sentence: each number read with its scale, unit and qualifier.

Every regex used here is anchored or bounded, so the work is linear in the sentence length.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..normalize import ascii_lower, fold
from ..trie import trie_pattern
from .currencies import CURRENCY_AFTER, currency_before, currency_symbol_before
from .digits import DIGITS, GROUPED, parse_digits
from .qualifiers import qualify
from .quantity import Quantity
from .scales import GLUED, SCALE_AFTER, SCALES
from .units import NOUN_AFTER, read_unit
from .words import (
    BARE_MULTIPLE_BEFORE,
    BARE_MULTIPLE_CONTEXT,
    BARE_MULTIPLES,
    DURATION_RE,
    FRACTION_RE,
    FRACTIONS,
    MULTIPLE_RE,
    MULTIPLE_WORDS,
    OTHER_FRACTIONS,
    RUN_SPLIT,
    SINGLE_DOUBLE_NEXT,
    SINGLE_DOUBLE_TRIGGER,
    WORD_RUN,
    WORD_VALUES,
    duration_minutes,
    other_fraction,
    words_value,
)

MAX_PER_SENTENCE = 24
_ISH = re.compile(r"-?ish(?!\w)")
_FREQUENCY_AFTER = re.compile(r"\s+(?:(?:a|per|each|every)\s+(?:day|week|month|year|quarter)|(?:في|كل)\s+(?:ال)?"
                              r"(?:يوم|اسبوع|شهر|سنه|عام)|يوميا|اسبوعيا|شهريا|سنويا)(?!\w)")
# Substrings every match of the word patterns holds: a sentence without any is not searched with them.
_OTHER_FRACTION_WORDS = ("one in", "one out", "واحد", "a quarter", "خمس", "عشر")
_MULTIPLE_STEMS = {w[:4] for w in MULTIPLE_WORDS}
_FRACTION_STEMS = {w[:3] for w in FRACTIONS}
_GATE_WORDS = sorted({*_OTHER_FRACTION_WORDS, *_MULTIPLE_STEMS, *_FRACTION_STEMS})
# A digit or the start of any number word, multiple, fraction or duration: a sentence with none has no figure.
_NUMBER_WORDS = sorted({*WORD_VALUES, *_GATE_WORDS, "hour", "ساع", "half", "ربع", "نصف", "ثلث"})
_DIGIT = re.compile("[0-9]")  # a pattern of one character class: the engine scans for it at C speed
_NUMBERISH = re.compile("(?=[" + re.escape("".join(sorted({w[0] for w in _NUMBER_WORDS} | set("وفبل")))) + "])"
                        r"(?<!\w)[وفبل]?" + trie_pattern(_NUMBER_WORDS))
_WORD_GATE = re.compile("(?=[" + re.escape("".join(sorted({w[0] for w in _GATE_WORDS}))) + "])"
                        + trie_pattern(_GATE_WORDS))


def find_quantities(text: str, low: str | None = None) -> list[Quantity]:
    """Quantities in one normalised sentence, in order, at most ``MAX_PER_SENTENCE``."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    low = low if low is not None else ascii_lower(text)
    if not _DIGIT.search(low) and not _NUMBERISH.search(low):
        return found

    def overlaps(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in taken)

    for match in DIGITS.finditer(text):
        if len(found) >= MAX_PER_SENTENCE:
            break
        value = parse_digits(match.group())
        if value is None:
            continue
        q = Quantity(match.start(), match.end(), value, None)
        ish = _ISH.match(low, match.end())  # "3-ish percent", "40ish million": a rough figure
        if ish:
            q.end = ish.end()
        scale = SCALE_AFTER.match(low, q.end)
        if scale:
            word = scale.group("word")
            factor = SCALES[word.lower()] if word else GLUED[(scale.group("glued") or scale.group("short")).lower()]
            q.value *= factor
            q.scaled = True
            q.end = scale.end()
        cur = currency_symbol_before(text, match.start())
        if cur:
            q.unit, q.start, q.currency_noun = cur  # "¥": yen or yuan, by the figure's country
        read_unit(low, q.end, q)
        if q.unit == "multiple" and (_FREQUENCY_AFTER.match(low, q.end) or q.scaled or q.value >= 1000):
            continue  # "3 times a week": how often; "viewed 4.3 million times": a count of views, no growth
        if q.unit in ("count", "users") and _PER_EVENT.match(low, q.end):
            continue  # "40 orders a live", "200 buyers per stream": one session's average, no platform count
        if q.unit is None and not q.scaled and low.endswith(_BETWEEN, 0, match.start()):
            _range_unit(low, match.end(), q)  # "between 38 and 42 per cent": the lower bound takes the upper's unit
        if not q.scaled and q.unit is not None and q.unit.isupper() and low.startswith("-", q.end):
            upper = _DASH_NUMBER.match(low, q.end)  # "$20-22 billion": the lower bound takes the upper's scale
            scale = SCALE_AFTER.match(low, upper.end()) if upper else None
            if scale and scale.group("word"):
                q.value *= SCALES[scale.group("word").lower()]
                q.scaled = True
            elif scale:
                q.value *= GLUED[(scale.group("glued") or scale.group("short")).lower()]
                q.scaled = True
        if q.unit is None and not q.scaled:
            # A bare number: a year, a date, a phone number, an age ... Grouped thousands ("80,000") are
            # kept, marked bare: only an elliptic figure ("60,000 sellers ... to reach 80,000") uses them.
            if not GROUPED.fullmatch(match.group()):
                continue
            q.bare = True
        qualify(low, q)
        if ish and q.qualifier == "exact":
            q.qualifier = "approx"
        found.append(q)
        taken.append((match.start(), q.end))

    for match in DURATION_RE.finditer(low) if ("ساع" in low or "hour" in low) else ():
        if len(found) >= MAX_PER_SENTENCE:
            break
        q = Quantity(match.start(), match.end(), duration_minutes(match), "minutes", noun_metric="time_spent",
                     words=True)
        qualify(low, q)
        found.append(q)
        taken.append((match.start(), match.end()))

    # Before word runs: "one in five riyals" is a share, not five riyals.
    gated = _WORD_GATE.search(low) is not None
    for match in OTHER_FRACTIONS.finditer(low) if gated else ():
        start, end, value = other_fraction(match)
        if len(found) >= MAX_PER_SENTENCE or overlaps(start, end):
            continue
        q = Quantity(start, end, value, "percent", words=True)
        qualify(low, q)
        found.append(q)
        taken.append((start, end))

    for match in _HALF_A.finditer(low) if "half" in low else ():  # "half a billion users": 500 million
        if len(found) >= MAX_PER_SENTENCE or overlaps(match.start(), match.end()):
            continue
        q = Quantity(match.start(), match.end(), 0.5 * SCALES[match.group("scale")], None, scaled=True, words=True)
        read_unit(low, q.end, q)
        qualify(low, q)
        found.append(q)
        taken.append((match.start(), q.end))

    for match in WORD_RUN.finditer(low):
        if len(found) >= MAX_PER_SENTENCE:
            break
        start, end = match.start("run"), match.end("run")
        if overlaps(start, end):
            continue
        run = match.group("run")
        parsed = words_value(run)
        if parsed is None:
            first = RUN_SPLIT.split(run)[0].lower()
            kind, value = WORD_VALUES.get(first, ("", 0.0))
            if kind != "scale" or not (match.group("a") or CURRENCY_AFTER.match(low, end)
                                       or NOUN_AFTER.match(low, end)):
                continue
            parsed = (value, True)  # "a billion", "مليار دولار"
            if match.group("a"):
                start = match.start()
        q = Quantity(start, end, parsed[0], None, scaled=parsed[1], words=True)
        before = currency_before(text, start)
        if before:
            q.unit, q.start = before
        read_unit(low, q.end, q)
        if q.unit is None and not q.scaled:
            continue
        qualify(low, q)
        found.append(q)
        taken.append((start, q.end))

    for match in MULTIPLE_RE.finditer(low) if gated else ():
        if len(found) >= MAX_PER_SENTENCE:
            break
        word = match.group("w").lower()
        if overlaps(match.start("w"), match.end()) or _FREQUENCY_AFTER.match(low, match.end()):
            continue  # "twice a week", «مرتين في الأسبوع»: how often, not growth
        if word == fold("ضعف"):
            trigger = SINGLE_DOUBLE_TRIGGER.search(low, max(0, match.start("w") - 20), match.start("w"))
            if not (trigger or SINGLE_DOUBLE_NEXT.match(low, match.end())):
                continue  # ضَعف (weakness), not ضِعف (double)
        if word.startswith("double") and low[match.end() : match.end() + 6] == "-digit":
            continue
        if word in _DOUBLING_VERBS and _TIMES_AFTER.match(low, match.end()):
            continue  # «تضاعف ثلاثة أضعاف»: "multiplied threefold", one figure, the count of times
        if word in BARE_MULTIPLES and not (BARE_MULTIPLE_CONTEXT.match(low, match.end())
                                           and BARE_MULTIPLE_BEFORE.search(low, max(0, match.start() - 14),
                                                                           match.start())):
            continue
        q = Quantity(match.start("w"), match.end(), MULTIPLE_WORDS[word], "multiple")
        qualify(low, q)
        found.append(q)
        taken.append((match.start("w"), match.end()))

    for match in FRACTION_RE.finditer(low) if gated else ():
        if len(found) >= MAX_PER_SENTENCE:
            break
        if overlaps(match.start(), match.end()):
            continue
        word = match.group("w").lower()
        if word.endswith("نصف") and _HALF_ORDINAL_AFTER.match(low, match.end()):
            continue  # «النصف الأول من 2024»: a half-year, not 50%
        half = word.startswith("half") and _THE_HALF.search(low, max(0, match.start() - 12), match.start())
        if half and (half.group("ordinal") or (word == "half" and not low.startswith(" of", match.end()))):
            continue  # "in the half", "any month of the half", "the first half of 2025": a half-year, not 50%
        q = Quantity(match.start(), match.end(), FRACTIONS[match.group("w").lower()], "percent", words=True)
        qualify(low, q)
        found.append(q)
        taken.append((match.start(), match.end()))

    found.sort(key=lambda q: q.start)
    if len(found) > 1 and ("between " in low or " to " in low or "-" in low or "–" in low or "بين " in low):
        _range_bounds(low, found)
    return found


_DOUBLING_VERBS = {fold(w) for w in ["تضاعف", "تضاعفت", "يتضاعف", "تتضاعف"]}
_TIMES_AFTER = re.compile(r"\s+(?:\w+\s+){1,2}?(?:" + "|".join(fold(w) for w in ["أضعاف", "مرات", "أمثال"])
                          + r")(?!\w)")
_HALF_ORDINAL_AFTER = re.compile(r"\s+(?:ال)?(?:اول|ثاني)(?!\w)")
_HALF_A = re.compile(r"(?<!\w)half\s+an?\s+(?P<scale>million|billion|trillion)(?!\w)")
_THE_HALF = re.compile(r"(?<!\w)(?:the|this|that|(?P<ordinal>first|second))\s+\Z")
_BETWEEN = ("between ", "بين ")  # «تراوح ما بين 1.5 و2%»
_AND_NUMBER = re.compile(r"\s+(?:and\s+|و\s*)(?:[$£€¥₹]\s?)?(?P<n>[0-9][0-9.,]*)")
_PER_EVENT = re.compile(r"\s+(?:a|per|each|every)\s+(?:live|live stream|livestream|stream|session|show|broadcast"
                        r"|video|post)(?!\w)")
_RANGE_GAP = re.compile(r"\s+and\s+|\s+و\s*")
_DASH_NUMBER = re.compile(r"-[0-9][0-9.,]*")
_SPAN_GAP = re.compile(r"\s*(?:to|-|–)\s*")
_SPAN_BEFORE = re.compile(r"(?<!\w)(?:of|expects?|sees|forecasts?|guidance|guided|range of|in a range of)\s+\Z")


def _range_unit(low: str, end: int, q: Quantity) -> None:
    """The scale and unit of a range's upper bound, for its lower bound written bare ("between 13 and 15m")."""
    upper = _AND_NUMBER.match(low, end)
    if upper is None or parse_digits(upper.group("n")) is None:
        return
    probe = Quantity(upper.start("n"), upper.end("n"), 1.0, None)
    scale = SCALE_AFTER.match(low, probe.end)
    if scale:
        word = scale.group("word")
        q.value *= SCALES[word.lower()] if word else GLUED[(scale.group("glued") or scale.group("short")).lower()]
        q.scaled = True
        probe.end = scale.end()
    read_unit(low, probe.end, probe)
    q.unit, q.noun_metric, q.currency_noun = probe.unit, probe.noun_metric, probe.currency_noun


def _range_bounds(low: str, found: list[Quantity]) -> None:
    """"between 38 and 42 per cent", "revenue of PLN 530m to PLN 560m": two figures, the lower bound at least,
    the upper up to (not "rose from X to Y", a change)."""
    for lower, upper in pairwise(found):
        if (upper.unit is None and upper.scaled and lower.unit and lower.unit.isupper()
                and low.startswith("-", lower.end) and upper.start == lower.end + 1):
            upper.unit = lower.unit  # "$20-22 billion": the upper bound is in the lower's currency
        between = low.endswith(_BETWEEN, 0, lower.lead) and _RANGE_GAP.fullmatch(low, lower.end, upper.lead)
        spanned = (_SPAN_GAP.fullmatch(low, lower.end, upper.lead) and _SPAN_BEFORE.search(low, 0, lower.lead)
                   and lower.unit == upper.unit and lower.value < upper.value)
        if (lower.qualifier == upper.qualifier == "exact" and (between or spanned)
                and lower.unit in (None, upper.unit)):
            lower.qualifier, upper.qualifier = "at_least", "up_to"
            if lower.unit is None:  # "between 4m and 5m users"
                lower.unit, lower.noun_metric, lower.bare = upper.unit, upper.noun_metric, False
