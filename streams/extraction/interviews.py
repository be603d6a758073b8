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
    turns = _turns(text, lines, platform_hits) or _labelled_turns(text, lines)
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


# A broadcast transcript's speaker labels: "DANA COLE (ANCHOR): ...", "BELL: ...", "Priya: ...".
# "Kerem Aksu, Chief Financial Officer: ...": a title after a comma, the company's own voice
# «ريم الزهراني (وصل للأبحاث): ...», «فهد (المضيف): ...»: the same in Arabic
_LABEL = re.compile(r"[^\S\n]*(?P<who>[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,2}"
                    r"|[\u0621-\u064a]{2,}(?:\s+[\u0621-\u064a]{2,}){0,2})"
                    r"(?:\s*\((?P<role>[^()\n]{1,40})\)"
                    r"|,\s+(?=[^:,\n]{0,50}?" + _TITLE.pattern + r")[^:,\n]{2,50})?:\s")
_NOT_SPEAKERS = {"note", "notes", "source", "sources", "update", "editor", "correction", "disclaimer", "q", "a",
                 "summary", "background", "context", "methodology", "read", "see", "watch", "listen", "warning",
                 "advertisement", "transcript", "edited", "clarification", "related", "tags", "photo",
                 # an Arabic note's, mail's or post's headings (written folded)
                 "ملاحظه", "المصدر", "المصادر", "الموضوع", "من", "الي", "نسخه", "تعليق", "تحديث", "السؤال", "الاجابه",
                 "سؤال", "جواب", "تنويه", "خلاصه", "الخلاصه", "تصحيح", "اقرا", "انظر", "شاهد", "منهجيه", "مصدر"}
_HOST_ROLES = re.compile(r"(?i)(?<![a-z])(?:anchor|host|co-host|presenter|moderator|interviewer|reporter"
                         r"|correspondent|narrator|voice ?over"
                         r"|(?<!\w)(?:ال)?(?:مضيف|مذيع|مذيعه|مقدم|مقدمه|محاور|محاوره|مستمع|مستمعه|متصل|متصله)(?!\w))(?![a-z])")
_AFFILIATION = re.compile(r"\s*,?\s+(?:(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:analyst|economist|partner|researcher"
                          r"|director|head|strategist|consultant)\s+)?(?:of|from|at|with)\s+(?:the\s+)?"
                          r"(?P<firm>" + _NAME + r")")


def _label_keys(who: str) -> set[str]:
    words = [w.strip(".").lower() for w in who.split()]
    return {words[0], words[-1]}


def speaker_labels(text: str) -> list[tuple[int, int, str, str | None]]:
    """The labelled turns of a transcript: (label start, label end, who, role), or none when fewer than three
    lines, or only one voice, carry a label."""
    if ":" not in text or "\n" not in text:
        return []
    found = []
    for line in re.finditer(r"[^\n]+", text):
        match = _LABEL.match(text, line.start(), line.end())
        if match and match.group("who").split()[0].lower() not in _NOT_SPEAKERS:
            found.append((match.start("who"), match.end(), match.group("who"), match.group("role")))
    voices = {min(_label_keys(who)) for _s, _e, who, _r in found}
    return found if len(found) >= 3 and len(voices) >= 2 else []


def speaker_names(text: str) -> set[str]:
    """The names of a transcript's speakers as the text writes them ("Marcus", "Bell", "Marcus Bell"):
    people, never platforms."""
    names: set[str] = set()
    for _s, _e, who, _role in speaker_labels(text):
        words = [w.strip(".") for w in who.split()]
        for word in {words[0], words[-1], " ".join(words)}:
            names.update({word, word.title(), word.upper(), " ".join(w.title() for w in word.split())})
    return names


def _labelled_turns(text: str, lines: list[tuple[int, int]]) -> list[Quote]:
    """Each labelled turn speaks for its speaker's firm, named where the text introduces them ("Marcus Bell of
    Fairbank Research") or in the label's brackets; a host's turns, and an unaffiliated speaker's, for nobody."""
    labels = speaker_labels(text)
    if not labels:
        return []
    firms: dict[str, str] = {}
    for _start, _end, who, role in labels:
        if role and not _HOST_ROLES.search(role) and not _HOST_ROLES.search(who):  # «مستمع (عبدالله)»: a listener
            for key in _label_keys(who):
                firms.setdefault(key, role.strip())
    for _start, _end, who, _role in labels:
        for word in {w.strip(".").title() for w in who.split()}:
            if word.lower() in firms:
                continue
            for match in re.finditer(r"(?<![\w'])" + re.escape(word) + r"(?![\w'])", text):
                after = _AFFILIATION.match(text, match.end())
                if after is None and text.startswith(" ", match.end()):  # "Marcus Bell of X" from "Marcus"
                    surname = re.match(r"\s+[A-Z][\w'-]+", text[match.end():])
                    after = _AFFILIATION.match(text, match.end() + surname.end()) if surname else None
                if after is not None:
                    for key in _label_keys(who):
                        firms.setdefault(key, after.group("firm"))
                    break
    ends = [start for start, _end, _who, _role in labels[1:]] + [lines[-1][1]]
    out = []
    for (start, end, who, role), until in zip(labels, ends, strict=True):
        del start
        firm = next((firms[key] for key in sorted(_label_keys(who)) if key in firms), None)
        if firm and not (role and _HOST_ROLES.search(role)):
            out.append(Quote(end, until, None, firm))
    return out
