"""Quantities in a normalised sentence: each number read with its scale, unit and qualifier.

Every regex used here is anchored or bounded, so the work is linear in the sentence length.
"""

from __future__ import annotations

from ..normalize import ascii_lower, fold
from .currencies import CURRENCY_AFTER, currency_before
from .digits import DIGITS, GROUPED, parse_digits
from .qualifiers import qualify
from .quantity import Quantity
from .scales import GLUED, SCALE_AFTER, SCALES
from .units import NOUN_AFTER, read_unit
from .words import (
    DURATION_RE,
    FRACTION_RE,
    FRACTIONS,
    MULTIPLE_RE,
    MULTIPLE_WORDS,
    RUN_SPLIT,
    SINGLE_DOUBLE_NEXT,
    SINGLE_DOUBLE_TRIGGER,
    WORD_RUN,
    WORD_VALUES,
    duration_minutes,
    words_value,
)

MAX_PER_SENTENCE = 24


def find_quantities(text: str, low: str | None = None) -> list[Quantity]:
    """Quantities in one normalised sentence, in order, at most ``MAX_PER_SENTENCE``."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    low = low if low is not None else ascii_lower(text)

    def overlaps(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in taken)

    for match in DIGITS.finditer(text):
        if len(found) >= MAX_PER_SENTENCE:
            break
        value = parse_digits(match.group())
        if value is None:
            continue
        q = Quantity(match.start(), match.end(), value, None)
        scale = SCALE_AFTER.match(low, match.end())
        if scale:
            word = scale.group("word")
            factor = SCALES[word.lower()] if word else GLUED[(scale.group("glued") or scale.group("short")).lower()]
            q.value *= factor
            q.scaled = True
            q.end = scale.end()
        cur = currency_before(text, match.start())
        if cur:
            q.unit, q.start = cur
        read_unit(low, q.end, q)
        if q.unit is None and not q.scaled:
            # A bare number: a year, a date, a phone number, an age ... Grouped thousands ("80,000") are
            # kept, marked bare: only an elliptic figure ("60,000 sellers ... to reach 80,000") uses them.
            if not GROUPED.fullmatch(match.group()):
                continue
            q.bare = True
        qualify(low, q)
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
        cur = currency_before(text, start)
        if cur:
            q.unit, q.start = cur
        read_unit(low, q.end, q)
        if q.unit is None and not q.scaled:
            continue
        qualify(low, q)
        found.append(q)
        taken.append((start, q.end))

    for match in MULTIPLE_RE.finditer(low):
        if len(found) >= MAX_PER_SENTENCE:
            break
        word = match.group("w").lower()
        if overlaps(match.start("w"), match.end()):
            continue
        if word == fold("ضعف"):
            trigger = SINGLE_DOUBLE_TRIGGER.search(low, max(0, match.start("w") - 20), match.start("w"))
            if not (trigger or SINGLE_DOUBLE_NEXT.match(low, match.end())):
                continue  # ضَعف (weakness), not ضِعف (double)
        if word.startswith("double") and low[match.end() : match.end() + 6] == "-digit":
            continue
        q = Quantity(match.start("w"), match.end(), MULTIPLE_WORDS[word], "multiple")
        qualify(low, q)
        found.append(q)
        taken.append((match.start("w"), match.end()))

    for match in FRACTION_RE.finditer(low):
        if len(found) >= MAX_PER_SENTENCE:
            break
        if overlaps(match.start(), match.end()):
            continue
        q = Quantity(match.start(), match.end(), FRACTIONS[match.group("w").lower()], "percent", words=True)
        qualify(low, q)
        found.append(q)
        taken.append((match.start(), match.end()))

    found.sort(key=lambda q: q.start)
    return found
