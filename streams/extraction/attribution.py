"""Sentence structure and the article-level memory used to attribute a figure.

Why: the attributes of a figure are rarely next to it. A sentence is cut into clauses (commas and
comparison words); a clause that opens with «مقابل», «بزيادة», «أي», "up", "against"... continues
the previous figure's clause and inherits its platform, metric, period, region and kind. What a
sentence leaves open (هناك، الشركة، "the same quarter", "the survey found") is resolved against
the memory kept across sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from .lexicon import ADJUNCT_RE, COMPANY_SLUGS, PLATFORM_NAMES, Hit
from .normalize import ascii_lower

_CLAUSE_BREAK = re.compile(
    r"[،;؛:]|,(?![0-9])|(?<!\w)(?=(?:و)?(?:مقابل|في حين|بينما|فيما)(?!\w))"
    r"|(?<!\w)(?=(?:compared (?:with|to)|against|versus|vs\.?|while|whereas)(?!\w))"
)
_EXISTENTIAL_AFTER = re.compile(r"\s+(?:is|are|was|were|has|have|will|may|might|could|would|remain)\b", re.I)
_EXISTENTIAL_BEFORE = {"ان", "لكن", "كما", "اذ", "و", "ف", "بل", "حيث", "لان", "يبدو", "وان", "اذا"}
_EXISTENTIAL_OPENERS = {"and", "but", "that", "so", "because", "while", "if", "when", "where", "as", "now"}
_POSSESSIVE = re.compile(r"\w(?:ها|هم)(?!\w)")
_WORD_BEFORE = re.compile(r"(\w+)\W*\Z")
_SENTENCE_END = re.compile(r"[.!?؟…]+[\"')\]]*(?=\s|\Z)")
_ABBREVIATIONS = {"inc", "ltd", "co", "vs", "mr", "mrs", "dr", "st", "no", "corp", "jr", "e.g", "i.e"}
MAX_SENTENCE = 1200


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    adjunct: bool


@dataclass(slots=True)
class Mention:
    """A platform mention (explicit or a resolved back-reference)."""

    start: int
    end: int
    platform: str
    explicit: bool
    speaker: bool = False  # the one credited ("X said", «قالت X», "according to X"), not what is measured
    company: bool = False  # a company-level mention (Meta, «مجموعة علي بابا», "the group")


@dataclass(slots=True)
class Memory:
    """What earlier sentences established."""

    topic: str | None = None  # platform the text is about
    topic_company: bool = False  # the topic was set by a company-level mention (Meta, «المجموعة»)
    app_topic: str | None = None  # first platform (not a company-level mention) of the last sentence naming one
    last_explicit: str | None = None
    last_region: str | None = None
    last_source: str | None = None
    last_year: str | None = None
    last_quarter: str | None = None
    last_period: str | None = None
    prev_sentence_region: str | None = None
    paragraph: int = -1
    owners: dict[str, str] = field(default_factory=dict)  # platform -> owner name seen in the text
    names: dict[str, str] = field(default_factory=dict)  # platform slug -> name, for platforms found in the text


def sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence; over-long ones are cut at whitespace."""
    out: list[tuple[int, int, int]] = []
    paragraph = 0
    for para in re.finditer(r"[^\n]+", text):
        begin = para.start()
        for end_match in _SENTENCE_END.finditer(text, para.start(), para.end()):
            word = _WORD_BEFORE.search(text, max(begin, end_match.start() - 12), end_match.start())
            token = word.group(1).lower() if word else ""
            if end_match.group().startswith(".") and (
                token in _ABBREVIATIONS or (len(token) == 1 and text[end_match.start() - 1].isupper())
            ):
                continue
            _emit(out, text, begin, end_match.end(), paragraph)
            begin = end_match.end()
        _emit(out, text, begin, para.end(), paragraph)
        paragraph += 1
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


def is_existential(text: str, hit: Hit, clause: Clause) -> bool:
    """"there are"/«هناك» opening a clause introduce something new, not a back-reference."""
    word = text[hit.start : hit.end].lower()
    if word == "there":
        before = _WORD_BEFORE.search(text, clause.start, hit.start)
        opener = before is None or before.group(1).lower() in _EXISTENTIAL_OPENERS
        return opener and bool(_EXISTENTIAL_AFTER.match(text, hit.end))
    if word in ("هناك", "هنالك"):
        before = _WORD_BEFORE.search(text, clause.start, hit.start)
        return before is None or before.group(1) in _EXISTENTIAL_BEFORE
    return False


_GROUP_BEFORE = re.compile(r"(?:مجموعه|holding|parent)\s*\"?\s*\Z|(?<!\w)group\s+\Z", re.IGNORECASE)
_GROUP_AFTER = re.compile(r"\s*\"?\s*(?:group|platforms|holdings)(?!\w)", re.IGNORECASE)
# Between a speech cue and the one it credits: quotes and a generic noun («قالت شركة «ميتا»»).
_SPEAKER_GAP_BEFORE = re.compile(r"[\s\"]*(?:(?:ال)?(?:شركه|مجموعه|منصه)[\s\"]*)?")
# Between a credited name and its verb: an appositive ("X, the resale app, said") or other coordinated
# names ("Google, Temasek and Bain & Company expect").
SPEAKER_GAP_AFTER = re.compile(r"\s*(?:,[^,]{1,70},)?\s*|(?:[\s,&\"]|and(?!\w)|[a-z]?[A-Z][\w&.'-]*(?![\w&.'-]))*")


def _is_speaker(text: str, hit: Hit, cues: list[Hit]) -> bool:
    for cue in cues:
        if cue.cat == "src_prep" and cue.end <= hit.start and hit.start - cue.end <= 12:
            if _SPEAKER_GAP_BEFORE.fullmatch(text, cue.end, hit.start):
                return True
        elif (cue.cat == "src_verb" and hit.end <= cue.start and cue.start - hit.end <= 80
              and SPEAKER_GAP_AFTER.fullmatch(text, hit.end, cue.start)):
            return True
    return False


def platform_mentions(text: str, hits: list[Hit], clause_list: list[Clause], memory: Memory,
                      x_ok: bool) -> list[Mention]:
    """Explicit platform mentions and back-references resolved to platforms, in order."""
    out: list[Mention] = []
    first_explicit: str | None = None
    first_app: str | None = None
    last_explicit = memory.last_explicit
    cues = [h for h in hits if h.cat in ("src_prep", "src_verb")]
    for hit in hits:
        if hit.cat == "platform" or hit.cat == "owner":
            slug = hit.payload.split("|")[-1]
            if slug == "x" and not x_ok:
                continue
            company = slug in COMPANY_SLUGS or bool(
                _GROUP_BEFORE.search(text, max(0, hit.start - 12), hit.start) or _GROUP_AFTER.match(text, hit.end)
            )
            out.append(Mention(hit.start, hit.end, slug, True, _is_speaker(text, hit, cues), company))
            first_explicit = first_explicit or slug
            if not company:
                first_app = first_app or slug
            last_explicit = slug
        elif hit.cat == "metric" and _POSSESSIVE.search(text, hit.start, hit.end):
            # «إيراداتها», «مستخدميها»: the pronoun refers back to the subject
            target = first_explicit or memory.topic
            if target:
                out.append(Mention(hit.start, hit.end, target, False))
        elif hit.cat == "backref":
            clause = clause_list[clause_of(clause_list, hit.start)]
            if is_existential(text, hit, clause):
                continue
            if hit.payload == "latter":
                target = last_explicit
            elif hit.payload == "app":
                fallback = memory.app_topic if memory.topic_company else memory.topic
                target = first_app or fallback or first_explicit or memory.topic
            else:
                target = first_explicit or memory.topic
            if target:
                speaker = hit.payload == "company" and _is_speaker(text, hit, cues)
                out.append(Mention(hit.start, hit.end, target, False, speaker, hit.payload == "company"))
    return out


def company_name(platform: str, memory: Memory) -> str:
    """How a platform is credited as a source: its owner's name if the text named it."""
    return memory.owners.get(platform) or PLATFORM_NAMES.get(platform) or memory.names.get(platform) or platform
