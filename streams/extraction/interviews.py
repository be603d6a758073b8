"""Interviews and call transcripts: whose words each answer or turn is.

- Questions and answers marked "Q:" / "A:" (or «س:» / «ج:»), or a question standing alone as a line
  that ends with "?" and the paragraphs after it: the answers speak for the one interviewed, introduced
  before the first question ("We spoke to its chief executive", "X tracks Russian e-commerce for the
  consultancy Vektor Analytics": the consultancy).
- A transcript's turns, "Name - Chief Financial Officer: ...", "Name - Sakura Securities: ...": an
  executive speaks for the company of the call, an analyst for the firm named.

Each answer or turn becomes a quotation (:class:`.voices.Quote`) for the sentences inside it.
"""

from __future__ import annotations

import re

from .lexicon.matcher import Hit
from .voices import Quote, owner_hit

_QA_LINE = re.compile(r"[^\S\n]*(?P<mark>Q|A|س|ج|سؤال|جواب)\s*[:：]\s*")
_QUESTION = {"Q", "س", "سؤال"}
_NAME = r"[A-Z][\w&'-]*(?:\.[\w&'-]+)*(?:\s+(?:&\s+)?[A-Z][\w&'-]*(?:\.[\w&'-]+)*){0,4}"
# The firm of the one interviewed: "for the Moscow consultancy Vektor Analytics", "an analyst at X".
_FIRM = re.compile(r"(?<!\w)(?:consultancy|research firm|analytics firm|data firm|brokerage|research house|bank"
                   r"|analysts? (?:at|with)|economist at|partner at|strategist at)\s+(?:the\s+)?(?P<firm>"
                   + _NAME + r")")
# A transcript's turn: "Naoko Hirata - Chief Financial Officer: ...", "Kenji Mori - Sakura Securities: ..."
_TURN = re.compile(r"[^\S\n]*(?P<who>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+[-–—]\s+(?P<aff>[^:\n]{2,60}):\s")
_TITLE = re.compile(r"(?<![A-Za-z])(?:Chief|CEO|CFO|COO|Officer|President|Head|Director|Founder|Chairman|Chairwoman"
                    r"|Managing|Treasurer|Controller|Investor Relations|Vice)(?![A-Za-z])")


def interview_answers(text: str, platform_hits: list[Hit]) -> list[Quote]:
    """The answers of an interview (marked or not) and the turns of a transcript, as quotations."""
    if "\n" not in text or ("?" not in text and "؟" not in text and ":" not in text):
        return []
    lines = [(line.start(), line.end()) for line in re.finditer(r"[^\n]+", text)]
    turns = _turns(text, lines, platform_hits)
    if turns:
        return turns
    marked = [(m.group("mark"), m.end(), end) for start, end in lines if (m := _QA_LINE.match(text, start, end))]
    questions = [start for mark, start, _end in marked if mark in _QUESTION]
    answers = [(start, end) for mark, start, end in marked if mark not in _QUESTION]
    if not (questions and answers):
        questions, answers = _unmarked(text, lines)
    if not (questions and answers):
        return []
    intro = text[: questions[0]]
    firm = _FIRM.search(intro)
    named = [h for h in platform_hits if h.end <= questions[0] and not owner_hit(text, h)]
    if firm:
        return [Quote(start, end, None, firm.group("firm")) for start, end in answers]
    platform = named[0].payload if named else None
    return [Quote(start, end, platform) for start, end in answers] if platform else []


def _unmarked(text: str, lines: list[tuple[int, int]]) -> tuple[list[int], list[tuple[int, int]]]:
    """Questions as lines of their own ending with "?"; the lines after each, up to the next, answer it."""
    asked = [index for index, (start, end) in enumerate(lines)
             if text[start:end].rstrip().endswith(("?", "؟")) and end - start < 200
             and text.count(".", start, end) <= 1]
    if len(asked) < 2:
        return [], []
    answers = [lines[index] for index in range(asked[0] + 1, len(lines)) if index not in asked]
    return [lines[asked[0]][0]], answers


def _turns(text: str, lines: list[tuple[int, int]], platform_hits: list[Hit]) -> list[Quote]:
    at = [(index, m) for index, (start, end) in enumerate(lines) if (m := _TURN.match(text, start, end))]
    turns = [(m, lines[index][1]) for index, m in at]
    if len(turns) < 2:
        return []
    before = [h for h in platform_hits if h.end <= turns[0][0].start() and not owner_hit(text, h)]
    company = before[0].payload if before else None
    out = []
    # A turn goes on over the unlabelled paragraphs after it, up to the next turn (not past the last one's line)
    ends = [lines[following - 1][1] for (following, _m) in at[1:]] + [turns[-1][1]]
    for (match, _line_end), end in zip(turns, ends, strict=True):
        affiliation = match.group("aff")
        named = [h for h in platform_hits if match.start("aff") <= h.start < match.end("aff")]
        if _TITLE.search(affiliation):
            platform = named[0].payload if named else company
            if platform:
                out.append(Quote(match.end(), end, platform))
        else:
            out.append(Quote(match.end(), end, None, affiliation.strip()))
    return out
