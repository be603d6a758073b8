"""The word lists of both languages compiled into one linear-time matcher.

Why one matcher: every sentence is scanned once for every category (platforms, cues, regions,
sources...), and the phrases are merged into a character trie so the regex never tries hundreds
of alternatives at a position. Arabic entries are written in their natural spelling and folded
with the same normaliser as bodies; clitic prefixes (و ف ب ل ك) are matched by the pattern, and
``لل`` (ل + ال) gets its own variants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..normalize import ascii_lower, fold
from ..trie import trie_pattern
from . import discourse, metrics, platforms, regions


class Hit(NamedTuple):
    """One lexicon match in a normalised sentence."""

    start: int
    end: int
    cat: str
    payload: str


@dataclass(frozen=True, slots=True)
class _Entry:
    cat: str
    payload: str
    case: str | None  # exact spelling required, when the word is ordinary in lower case
    needs_lam: bool  # a ``لل`` variant: only valid after a ``ل`` clitic


def _add(table: dict[str, list[_Entry]], words: Iterable[str], cat: str, payload: str = "",
         case_sensitive: bool = False) -> None:
    for word in words:
        folded = fold(word)
        key = folded.lower()
        entry = _Entry(cat, payload, folded if case_sensitive else None, False)
        table.setdefault(key, []).append(entry)
        if folded.startswith("ال") and len(folded) > 3:
            lam = "ل" + folded[2:]
            table.setdefault(lam, []).append(_Entry(cat, payload, None, True))


# One `_add` a vocabulary list, alike in shape on purpose (`duplicates` lists them): the table is
# the lexicon's index, each line saying which list becomes which category.
def _build_table() -> dict[str, list[_Entry]]:
    table: dict[str, list[_Entry]] = {}
    for slug, names in platforms.PLATFORMS:
        _add(table, names, "platform", slug)
    for slug, _latin, names in platforms.REGIONAL:
        _add(table, names, "platform", slug)
    for slug, names in platforms.PLATFORMS_CS:
        _add(table, names, "platform", slug, case_sensitive=True)
    for slug, _latin, names in platforms.KNOWN_LATIN:
        _add(table, names, "platform", slug, case_sensitive=True)
    for name, slug, names in platforms.OWNERS:
        _add(table, names, "owner", f"{name}|{slug}")
    for name, slug, names in platforms.OWNERS_CS:
        _add(table, names, "owner", f"{name}|{slug}", case_sensitive=True)
    for name, names in platforms.ORGS:
        _add(table, names, "org", name)
    for code, names in regions.REGIONS:
        for word in names:
            _add(table, [word], "region", code, case_sensitive=word in regions.REGIONS_CS)
    _add(table, regions.GLOBAL, "region_global", "global")
    _add(table, regions.REGION_REFS, "region_ref")
    _add(table, regions.KINGDOM, "kingdom")
    _add(table, regions.HQ, "hq")
    for metric, names in metrics.METRICS:
        _add(table, names, "metric", metric)
    for metric, names in metrics.WEAK_METRICS:
        _add(table, names, "metric_weak", metric)
    _add(table, metrics.GROWTH_UP, "growth", "+")
    _add(table, metrics.GROWTH_DOWN, "growth", "-")
    _add(table, metrics.LEVEL, "level")
    _add(table, metrics.NOT_GROWTH, "phrasal")
    _add(table, metrics.NEGATIVE, "negative")
    _add(table, metrics.SAMPLE, "sample")
    _add(table, ["GDP"], "negative", case_sensitive=True)
    _add(table, discourse.TARGET, "kind", "target")
    _add(table, discourse.FORECAST, "kind", "forecast")
    _add(table, discourse.SRC_PREP, "src_prep")
    _add(table, discourse.SRC_VERB_EN, "src_verb")
    _add(table, discourse.SRC_SAME, "src_same")
    _add(table, discourse.SRC_UNNAMED, "src_unnamed")
    _add(table, discourse.COMPANY_REF, "company_ref")
    _add(table, discourse.BACKREF, "backref", "subject")
    _add(table, discourse.BACKREF_APP, "backref", "app")
    _add(table, discourse.BACKREF_COMPANY, "backref", "company")
    _add(table, metrics.MARKET_TOTAL, "market_total")
    _add(table, discourse.LATTER, "backref", "latter")
    _add(table, discourse.FIRST_PERSON, "backref", "first", case_sensitive=True)
    _add(table, metrics.DAILY, "daily")
    _add(table, metrics.QUAL_VERB, "qual_verb", "more_than")
    _add(table, discourse.LAUNCH, "launch")
    return table



TABLE = _build_table()
_MATCHER = re.compile(
    r"(?<!\w)(?P<pre>[وف]?[بلك]?)(?P<body>" + trie_pattern(TABLE) + r")(?![\w])"
)


ADJUNCT_RE = re.compile(
    r"\s*(?:و|and\s+)?(?:(?:roughly|nearly|almost|about|around|some|more than|over|well|only)\s+)?(?:"
    + trie_pattern(sorted({fold(w).lower() for w in discourse.ADJUNCT})) + r")(?!\w)",
    re.IGNORECASE,
)


def _entries(pre: str, body: str) -> list[tuple[int, str, str]]:
    """(clitic letters kept out, category, payload) of the entries a matched word is."""
    out: list[tuple[int, str, str]] = []
    seen: set[tuple[str, str]] = set()
    # The pattern strips clitics greedily; a word may also be an entry with (part of) its
    # prefix («بزيادة» is an entry of its own, not only ب + «زيادة»), so try every split.
    for cut in range(len(pre), -1, -1):
        word = pre[cut:] + body
        for entry in TABLE.get(word.lower(), ()):
            if entry.needs_lam and not pre[:cut].endswith("ل"):
                continue
            if entry.case is not None and word != entry.case:
                continue
            if (entry.cat, entry.payload) in seen:
                continue
            seen.add((entry.cat, entry.payload))
            out.append((cut, entry.cat, entry.payload))
    return out


_SEEN: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
_SEEN_LIMIT = 50_000  # words of one vocabulary recur from article to article: each is looked up once


def scan(text: str, low: str | None = None) -> list[Hit]:
    """All lexicon hits in ``text`` (normalised), one per category per span, in order."""
    hits: list[Hit] = []
    append = hits.append
    seen = _SEEN
    for match in _MATCHER.finditer(low if low is not None else ascii_lower(text)):
        begin, body, end = match.span(1)[0], match.start(2), match.end()
        key = (text[begin:body], text[body:end])
        entries = seen.get(key)
        if entries is None:
            if len(seen) >= _SEEN_LIMIT:
                seen.clear()
            entries = seen[key] = _entries(*key)
        for cut, cat, payload in entries:
            append(Hit(begin + cut, end, cat, payload))
    return hits
