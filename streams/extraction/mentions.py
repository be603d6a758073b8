"""Platform mentions of a sentence: explicit names, back-references resolved, and who speaks.

What a sentence leaves open (هناك، الشركة، المنصة، "the app", "the latter", «إيراداتها») is resolved
against the memory of earlier sentences; a mention credited as the speaker ("X said", «قالت X»,
"according to X") is kept apart from the platform a figure is about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .lexicon.matcher import Hit
from .lexicon.platforms import APP_ONLY, COMPANY_SLUGS, MARKETPLACE_ONLY, PLATFORM_NAMES
from .memory import Memory
from .segments import WORD_BEFORE, Clause, clause_of

_EXISTENTIAL_AFTER = re.compile(r"\s+(?:is|are|was|were|has|have|will|may|might|could|would|remain)\b", re.I)
_EXISTENTIAL_BEFORE = {"ان", "لكن", "كما", "اذ", "و", "ف", "بل", "حيث", "لان", "يبدو", "وان", "اذا"}
_EXISTENTIAL_OPENERS = {"and", "but", "that", "so", "because", "while", "if", "when", "where", "as", "now"}
_POSSESSIVE = re.compile(r"\w(?:ها|هم)(?!\w)")
# «مستخدميه», «إيراداته»: masculine, the app or platform named last («تطبيقها Lemon8 ... مستخدميه»)
_POSSESSIVE_MASCULINE = re.compile(r"\w(?:يه|اته)(?!\w)")


@dataclass(slots=True)
class Mention:
    """A platform mention (explicit or a resolved back-reference)."""

    start: int
    end: int
    platform: str
    explicit: bool
    speaker: bool = False  # the one credited ("X said", «قالت X», "according to X"), not what is measured
    company: bool = False  # a company-level mention (Meta, «مجموعة علي بابا», "the group")
    owner: bool = False  # named as the owner of another platform ("owned by X", "X's Taobao", «التابع لـX»)
    owner_name: str | None = None  # the company named, when the text names the platform's owner (ByteDance)


def is_existential(text: str, hit: Hit, clause: Clause) -> bool:
    """"there are"/«هناك» opening a clause introduce something new, not a back-reference."""
    word = text[hit.start : hit.end].lower()
    if word == "there":
        before = WORD_BEFORE.search(text, clause.start, hit.start)
        opener = before is None or before.group(1).lower() in _EXISTENTIAL_OPENERS
        return opener and bool(_EXISTENTIAL_AFTER.match(text, hit.end))
    if word in ("هناك", "هنالك"):
        before = WORD_BEFORE.search(text, clause.start, hit.start)
        return before is None or before.group(1) in _EXISTENTIAL_BEFORE
    return False


# A platform named as another's owner or backer: "owned by Alibaba", "majority-owned by", "parent company
# GoTo", "a unit of", «المملوكة لـ»، «التابع لمجموعة»، «الذراع الإقليمية لمجموعة», or before a possessive of
# another platform ("Meta's Threads", "ByteDance's Douyin") or "-owned" ("Alibaba-backed").
OWNER_BEFORE = re.compile(
    r"(?:(?:owned|controlled|backed|acquired|run|operated)\s+by|parent(?:\s+company)?|a\s+(?:unit|subsidiary|division)"
    r"\s+of|owner|المملوك\w*\s+(?:ل|لشركه|لمجموعه)|التابع\w*\s+(?:ل|لشركه|لمجموعه)|الذراع(?:\s+\w+)?\s+(?:ل|لشركه"
    r"|لمجموعه)|الشركه\s+الام|مالكه?)\s*\"?\s*(?:(?:the\s+)?(?:[A-Z][\w.-]*'s\s+)?)?\Z", re.IGNORECASE)
OWNER_AFTER = re.compile(r"\"?(?:-(?:owned|backed|controlled)|'s\s+(?:[\w-]+\s+){0,3}?(?:arm|unit|subsidiary|division"
                          r"|affiliate)(?!\w))")
# Words one of which every owner phrase before a name holds (the phrase is not searched for without one).
_OWNER_WORDS = ("by", "parent", "unit", "subsidiary", "division", "owner", "مملوك", "تابع", "ذراع", "الام", "مالك")
_OWNER_GATE = re.compile("|".join(_OWNER_WORDS))  # on lowered text: IGNORECASE is several times slower
_POSSESSIVE_OF_PLATFORM = re.compile(r"'s\s+(?=[A-Z])")
_GROUP_BEFORE = re.compile(r"(?:مجموعه|holding|parent)\s*\"?\s*\Z|(?<!\w)group\s+\Z", re.IGNORECASE)
_GROUP_AFTER = re.compile(r"\s*\"?\s*(?:group|platforms|holdings)(?!\w)", re.IGNORECASE)
# Between a speech cue and the one it credits: quotes and a generic noun («قالت شركة «ميتا»»).
_SPEAKER_GAP_BEFORE = re.compile(r"[\s\"]*(?:(?:فيه|فيها|امس|اليوم|بدورها)\s+)?(?:(?:ال)?(?:شركه|مجموعه|منصه)[\s\"]*)?")
# Between a credited name and its verb: an appositive ("X, the resale app, said") or other coordinated
# names ("Google, Temasek and Bain & Company expect").
SPEAKER_GAP_AFTER = re.compile(r"\s*(?:,[^,]{1,70},)?\s*(?:(?:also|again|separately|earlier|previously)\s+)?"
                               r"|(?:[\s,&\"]|and(?!\w)|[a-z]?[A-Z][\w&.'-]*(?![\w&.'-]))*")


def _is_speaker(text: str, hit: Hit, cues: list[Hit]) -> bool:
    for cue in cues:
        if cue.cat == "src_prep" and cue.end <= hit.start and hit.start - cue.end <= 20:
            if _SPEAKER_GAP_BEFORE.fullmatch(text, cue.end, hit.start):
                return True
        elif (cue.cat == "src_verb" and hit.end <= cue.start and cue.start - hit.end <= 80
              and SPEAKER_GAP_AFTER.fullmatch(text, hit.end, cue.start)):
            return True
    return False


def platform_mentions(text: str, hits: list[Hit], clause_list: Callable[[], list[Clause]], memory: Memory,
                      x_ok: bool, quotes: Sequence[tuple[int, int, str | None, str | None]] = (),
                      interview: bool = False) -> list[Mention]:
    """Explicit platform mentions and back-references resolved to platforms, in order."""
    out: list[Mention] = []
    first_explicit: str | None = None
    first_app: str | None = None
    last_explicit = memory.last_explicit
    last_named: str | None = None  # the last platform named in this sentence (not as an owner)
    cues = [h for h in hits if h.cat in ("src_prep", "src_verb")]
    may_own = _OWNER_GATE.search(text.lower()) is not None
    for hit in hits:
        if hit.cat == "platform" or hit.cat == "owner":
            slug = hit.payload.split("|")[-1]
            if slug == "x" and not x_ok:
                continue
            if text.startswith("-based", hit.end):
                continue  # "Instagram-based retailer directory Zoco": what another is built on, not the subject
            company = slug in COMPANY_SLUGS or bool(
                _GROUP_BEFORE.search(text, max(0, hit.start - 12), hit.start) or _GROUP_AFTER.match(text, hit.end)
            )
            owner = bool((may_own and OWNER_BEFORE.search(text, max(0, hit.start - 40), hit.start))
                         or OWNER_AFTER.match(text, hit.end)
                         or (_POSSESSIVE_OF_PLATFORM.match(text, hit.end) and _platform_follows(hits, hit)))
            owner_name = hit.payload.split("|")[0] if hit.cat == "owner" else None
            out.append(Mention(hit.start, hit.end, slug, True, _is_speaker(text, hit, cues), company, owner,
                               owner_name))
            if not owner:
                last_named = slug
                first_explicit = first_explicit or slug
                if not company:
                    first_app = first_app or slug
                last_explicit = slug
        elif hit.cat == "metric" and _POSSESSIVE_MASCULINE.search(text, hit.start, hit.end) and last_named:
            out.append(Mention(hit.start, hit.end, last_named, False))
        elif hit.cat == "metric" and _POSSESSIVE.search(text, hit.start, hit.end):
            # «إيراداتها», «مستخدميها»: the pronoun refers back to the one who speaks («أعلنت X أن إيراداتها»),
            # else to the sentence's subject
            target = _possessor(out, first_explicit, memory)
            if target:
                out.append(Mention(hit.start, hit.end, target, False))
        elif hit.cat == "backref" and hit.payload == "first":
            # "we"/"our" in a quotation: the company of the one quoted
            quoted = next((q[3] for q in quotes if q[0] <= hit.start < q[1] and q[3]), None)
            if quoted:
                out.append(Mention(hit.start, hit.end, quoted, False))
        elif hit.cat == "backref":
            cut = clause_list()  # cut only when a back-reference needs its clause
            clause = cut[clause_of(cut, hit.start)]
            if is_existential(text, hit, clause):
                continue
            if hit.payload == "latter":
                target = last_explicit
            elif hit.payload == "app":
                fallback = memory.app_topic if memory.topic_company else memory.topic
                if interview:  # an interviewee's "the platform": the interviewee's own
                    fallback = next((q[3] for q in quotes if q[0] <= hit.start < q[1] and q[3]), fallback)
                target = first_app or fallback or first_explicit or memory.topic
                target = _of_kind(text[hit.start : hit.end].lower(), target, out, memory)
            elif _POSSESSIVE.search(text, hit.start, hit.end):
                target = _possessor(out, first_explicit, memory)  # «منصتها», «تطبيقها»
            else:
                target = first_explicit or memory.topic
            if target:
                speaker = hit.payload == "company" and _is_speaker(text, hit, cues)
                out.append(Mention(hit.start, hit.end, target, False, speaker, hit.payload == "company"))
    return out


def _of_kind(word: str, target: str | None, out: list[Mention], memory: Memory) -> str | None:
    """"the app" is no marketplace-only platform, "the marketplace" no app-only one: the last platform named that
    fits, when the one in focus does not."""
    wrong = MARKETPLACE_ONLY if "app" in word else APP_ONLY if _MARKETPLACE_WORD.search(word) else None
    if wrong is None or target not in wrong:
        return target
    named = [*memory.recent, *(m.platform for m in out if m.explicit and not m.owner)]
    return next((slug for slug in reversed(named) if slug not in wrong), target)


_MARKETPLACE_WORD = re.compile(r"marketplace|retailer|e-commerce|site|store")


def _possessor(out: list[Mention], first_explicit: str | None, memory: Memory) -> str | None:
    speakers = [m.platform for m in out if m.speaker and m.explicit and not m.owner]
    return speakers[-1] if speakers else first_explicit or memory.topic


def _platform_follows(hits: list[Hit], hit: Hit) -> bool:
    """Another platform named right after ``hit`` ("Meta's Threads", "Alibaba-backed Trendyol")."""
    return any(other.cat == "platform" and 0 < other.start - hit.end <= 12 for other in hits)


def company_name(platform: str, memory: Memory) -> str:
    """How a platform is credited as a source: its owner's name if the text named it."""
    return memory.owners.get(platform) or PLATFORM_NAMES.get(platform) or memory.names.get(platform) or platform
