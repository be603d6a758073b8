"""Sentences of an article and clauses of a sentence.

Why clauses: the attributes of a figure are rarely next to it. A sentence is cut into clauses (commas,
semicolons and comparison words); a clause that opens with «مقابل», «بزيادة», «أي», "up",
"against"... continues the previous figure's clause and inherits its platform, metric, period,
region and kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .lexicon.matcher import ADJUNCT_RE
from .normalize import ascii_lower

# The leading class lets the engine skip to candidate characters before trying the word branches.
_CLAUSE_BREAK = re.compile(
    r"(?=[،;؛:,ومفبcavw])(?:[،;؛:]|,(?![0-9])|(?<!\w)(?=(?:و)?(?:مقابل|في حين|بينما|فيما)(?!\w)|وان(?!\w))"
    r"|(?<!\w)(?=(?:compared (?:with|to)|against|versus|vs\.?|while|whereas|and that)(?!\w)))"
)
WORD_BEFORE = re.compile(r"(\w+)\W*\Z")
_SENTENCE_END = re.compile(r"[.!?؟…]+[\"')\]]*(?=\s|\Z)")
_ABBREVIATIONS = {"inc", "ltd", "co", "vs", "mr", "mrs", "dr", "st", "no", "corp", "jr", "e.g", "i.e"}
# "came in at c. 2.5%", "ca. 40 million": an abbreviated circa before a figure ends no sentence
_APPROX_ABBREVIATIONS = {"c", "ca"}
_FIGURE_NEXT = re.compile(r"\s?(?:[$£€¥₹]|[A-Z]{2,3}\$?\s?)?[0-9]")
MAX_SENTENCE = 1200


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    adjunct: bool



# A list item's figure standing alone before what it measures: "2. 29%. The growth in ...", "MXN 118 billion."
_FIGURE_ONLY = re.compile(r"\s*(?:[0-9]{1,2}[.)]\s*)?(?:[A-Z]{2,3}\$?\s?|[$£€¥₹]\s?)?[0-9][0-9.,]*\s*"
                          r"(?:%|[a-z]{1,9})?\s*\.?\s*")


# A fact box's figure before the label saying what it is: "- US$1.4 billion:", "47%:", "160 million:"
_FIGURE_LABELLED = re.compile(r"\s*[-•*]?\s*(?:[A-Z]{2,3}\$?\s?|[$£€¥₹]\s?)?[0-9][0-9.,]*\s*(?:%|[a-z]{1,9})?\s*:")


# A note's heading naming what the next sentence measures: "GMV. PLN 15.2 billion, up 9%", "Buyers. 15.1 million."
_HEADING_WORDS = re.compile(r"\s*[A-Z][A-Za-z-]*(?:\s+[A-Za-z-]+){0,2}\.\s*")


def sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence; over-long ones are cut at whitespace; a figure standing
    alone ("29%.", "1. MXN 118 billion.") is read with the sentence after it, which says what it is."""
    out = _sentences(text)
    merged: list[tuple[int, int, int]] = []
    for start, end, paragraph in out:
        last = merged[-1] if merged else None
        if last and last[2] == paragraph and last[1] - last[0] <= 24 and end - last[0] <= MAX_SENTENCE and (
                _FIGURE_ONLY.fullmatch(text, last[0], last[1]) or _HEADING_WORDS.fullmatch(text, last[0], last[1])):
            merged[-1] = (merged[-1][0], end, paragraph)
        else:
            merged.append((start, end, paragraph))
    return merged


def _sentences(text: str) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    paragraph = 0
    for para_start, para_end in _paragraphs(text):
        begin = para_start
        for end_match in _SENTENCE_END.finditer(text, para_start, para_end):
            word = WORD_BEFORE.search(text, max(begin, end_match.start() - 12), end_match.start())
            token = word.group(1).lower() if word else ""
            if end_match.group().startswith(".") and (
                token in _ABBREVIATIONS or (len(token) == 1 and text[end_match.start() - 1].isupper())
                or (token in _APPROX_ABBREVIATIONS and _FIGURE_NEXT.match(text, end_match.end()))
            ):
                continue
            _emit(out, text, begin, end_match.end(), paragraph)
            begin = end_match.end()
        _emit(out, text, begin, para_end, paragraph)
        paragraph += 1
    return out


# A line broken in mid-sentence (a scan's or a narrow column's hard wrap): it ends in a lower-case word or a
# comma and the next line goes on in lower case or with the figure ("... revenue for the year at\n£412 million").
_WRAPPED = re.compile(r"(?<=[a-z,])\n(?=[a-z£$€0-9])")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, a hard-wrapped line joined with the lines it goes on in."""
    out: list[tuple[int, int]] = []
    joined = False
    for line in re.finditer(r"[^\n]+", text):
        if joined and out:
            out[-1] = (out[-1][0], line.end())
        else:
            out.append((line.start(), line.end()))
        joined = _WRAPPED.match(text, line.end()) is not None and line.end() - line.start() >= 20
    return out


def _emit(out: list[tuple[int, int, int]], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        out.append((start, cut, paragraph))
        start = cut
    if end > start:
        out.append((start, end, paragraph))


def clauses(text: str, low: str | None = None) -> list[Clause]:
    """Clauses of a sentence; ``adjunct`` marks those continuing the previous figure's clause."""
    cuts = [0]
    for match in _CLAUSE_BREAK.finditer(low if low is not None else ascii_lower(text)):
        position = match.end() if match.group() else match.start()
        if position > cuts[-1]:
            cuts.append(position)
    if len(cuts) > 1 and text.startswith(":", cuts[1] - 1) and _FIGURE_LABELLED.fullmatch(text, 0, cuts[1]):
        del cuts[1]  # "- 47%: Zentro's share of the market": the figure and the label after it are one clause
    cuts.append(len(text))
    out: list[Clause] = []
    for begin, end in pairwise(cuts):
        if end > begin:
            out.append(Clause(begin, end, bool(ADJUNCT_RE.match(text, begin, end))))
    return out


def clause_of(clause_list: list[Clause], position: int) -> int:
    for index, clause in enumerate(clause_list):
        if clause.start <= position < clause.end:
            return index
    return len(clause_list) - 1

