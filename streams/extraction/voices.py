"""Who speaks in an article: the speaker of each quotation, and the author of an analyst's note.

A figure inside a quotation is credited to the company of the one quoted ("'Orders grew 20%,' the
Zentro executive said", "its chief executive told the magazine", "he said" after an earlier quote),
and "we"/"our"/"us" inside it are that company. A note that opens "Harbor Equity Research | ..."
or «نقدّر في «X» (Latin)» has an author: its "we estimate", "our checks", «تقديراتنا» credit it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .filings import filer
from .lexicon.matcher import Hit
from .mentions import OWNER_AFTER, OWNER_BEFORE
from .regions import DATELINE_SPAN

_NAME = r"[A-Z][\w&.'-]*(?:\s+(?:&\s+)?[A-Z][\w&.'-]*){0,5}"
_HEADER = re.compile(r"\s*(?P<name>" + _NAME + r")\s*\|")
_AUTHOR_AR = re.compile(r"(?<!\w)و?(?:نقدر|نتوقع|نرى|نعتقد)\s+في\s+\"(?P<ar>[^\"\n]{1,40})\""
                        r"(?:\s*\((?P<lat>[A-Z][^()\n]{1,40})\))?")
_AUTHOR_AR_VERBS = ("نقدر", "نتوقع", "نرى", "نعتقد")
# «أعدّت وكالة «X» (Latin) هذا الملخص»: the firm that prepared the note («prepared by X»)
_PREPARED_AR = re.compile(r"(?<!\w)و?(?:اعدت|اعد|اصدرت|اصدر|جمعت|جمع)\s+(?:(?:ال)?(?:وكاله|شركه|مؤسسه|فريق)\s+)?"
                          r"\"(?P<ar>[^\"\n]{1,40})\"(?:\s*\((?P<lat>[A-Z][^()\n]{1,40})\))?\s+(?:هذا|هذه)\s+"
                          r"(?:الملخص|التقرير|النشره|الدراسه|المذكره|الورقه|الموجز|القراءه)(?!\w)")
_TITLE = (r"(?:chief executive(?: officer)?|chief operating officer|chief financial officer|chief commercial officer"
          r"|CEO|COO|CFO|president|founder|co-founder|head(?: of [\w ]{1,40}?)?|boss|chief|spokes(?:person|man|woman)"
          r"|director|managing director|manager|executive|chairman|chairwoman|official|vice president)")
_SPEECH = r"(?:said|says|told|tells|added|adds|noted|explained|insisted|argued|recalled|wrote|continued)"
# Who speaks, after the closing quote: ', he said', ', the Zentro executive said', ', its chief executive told'
_AFTER_QUOTE = re.compile(
    r"\s*,?\s*(?:(?P<who>(?:he|she|they|(?:the|its|their|" + _NAME + r")(?:\s+[\w'&.-]+){0,7}?)\s*"
    r"(?:,[^,\"]{1,60},\s*)?)\s+" + _SPEECH + r"|" + _SPEECH + r"\s+(?P<who2>[^,.\"]{1,60}))"
)
# Who speaks, before the opening quote: 'Zentro's chief executive said: "...'
_BEFORE_QUOTE = re.compile(r"(?P<who>[^.\"]{1,80}?)\s+" + _SPEECH + r"(?:\s+[^.\"]{0,40})?[,:]\s*\Z")
_POSSESSOR = re.compile(r"(?:the company|the firm|the group|its|their)(?:'s)?\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation (offsets in the normalised body) and the platform whose person speaks in it."""

    start: int
    end: int
    platform: str | None
    speaker: str | None = None  # who is credited when it is not a platform's company (an analyst's firm)


# A company's release: "Zentro Holdings Inc. (NASDAQ: ZNT), the ... marketplace, today reported ...".
_RELEASE = re.compile(r"(?P<name>" + _NAME + r")\s*\((?:[A-Z][A-Za-z]*\s?){1,2}:\s*[A-Z0-9.]{1,10}\)[^.\n]{0,120}?"
                      r"(?<!\w)today\s+(?:announced|reported|said|released|published|posted)(?!\w)")


_ISSUER = re.compile(r"\s*(?P<name>" + _NAME + r")(?:\s+\([^()\n]{1,40}\))?(?:,[^,\n]{1,80},)?\s+today\s+"
                     r"(?:announced|reported|said|released|published|posted)(?!\w)")


# An Arabic release: «الرياض، 10 أبريل 2025 – أعلنت «X» (Latin)، ...»: its dateline, then the company announcing.
_ISSUER_AR = re.compile(r"\s*[\u0621-\u064a]+(?:\s[\u0621-\u064a]+)?\s*[،,]\s*[0-9]{1,2}\s+[\u0621-\u064a]+\s+"
                        r"[0-9]{4}\s*[-–—]\s*(?:اعلنت|اعلن|كشفت|كشف)\s+\"(?P<ar>[^\"\n]{1,40})\""
                        r"(?:\s*\((?P<lat>[A-Z][^()\n]{1,40})\))?")


# A report's opening names who wrote it: "This report, prepared by Zentro Analytics (ZA), ...", "Zentro Analytics
# (ZA) tracked ...", "... according to Zentro Analytics (ZA)".
_PREPARED_BY = re.compile(r"(?<!\w)(?:prepared|compiled|produced|written|published|commissioned)\s+by\s+(?:the\s+)?"
                          r"(?P<name>" + _NAME + r")")
# A speaker's notes or post that opens by introducing its speaker at a firm: its "our" is the firm's.
_PREPARED_AR_VERBS = ("اعد", "اصدر", "جمع")
_SELF_INTRODUCED_CUES = ("ntroduce myself", "I am", "I'm", "y name is")
_SELF_INTRODUCED = re.compile(r"(?:[Ii]ntroduce myself|\bI am|\bI'm|[Mm]y name is)\b[^.\n]{0,80}?\s(?:at|of|from)\s+"
                              r"(?P<name>" + _NAME + r")")
_NAMED_SHORT = re.compile(r"(?P<name>" + _NAME + r")\s+\((?P<short>[A-Z][A-Za-z&]{1,7})\)")
_WE_OUTSIDE = re.compile(r"(?<![\w\"])(?:We|we|Our|our)\s+(?!\w+\")")


def _report_author(text: str) -> str | None:
    """The firm a research summary's opening paragraph names as its writer, when the summary speaks as "we"
    outside quotations: it is the source of the figures it credits to nobody else."""
    opening = text[: text.find("\n") if "\n" in text else 600][:600]
    prepared = _PREPARED_BY.search(opening) if " by " in opening else None
    named = next((m for m in _NAMED_SHORT.finditer(opening) if m.group("short")[0] in m.group("name")),
                 None) if prepared is None and "(" in opening else None
    name = prepared or named
    return name.group("name").strip() if name and _we_outside_quotes(text) else None


def _we_outside_quotes(text: str) -> bool:
    for match in _WE_OUTSIDE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if text.count('"', line_start, match.start()) % 2 == 0:
            return True
    return False


def author(text: str, latin_name: dict[str, str]) -> str | None:
    """The author of an analyst's note: its header ("X | sector | note"), or «نقدّر في «X» (Latin)»; the issuer of
    a company's release (its name before its ticker, in the first sentences; «الرياض، 10 أبريل 2025 – أعلنت «X»»)."""
    header = _HEADER.match(text)
    if header and "\n" not in header.group():
        return header.group("name").strip()
    release = _RELEASE.search(text, 0, 500) if "(" in text[:500] else None
    if release:
        return release.group("name").strip()
    dateline = DATELINE_SPAN.match(text)  # "ALMATY, Kazakhstan, 28 April 2025 - Kaspi.kz today reported ..."
    issued = _ISSUER.match(text, dateline.end()) if dateline else None
    if issued:
        return issued.group("name").strip()
    issued_ar = _ISSUER_AR.match(text) if "-" in text[:80] or "–" in text[:80] or "—" in text[:80] else None
    if issued_ar:
        return (issued_ar.group("lat") or "").strip() or latin_name.get(issued_ar.group("ar").strip()) or None
    filed = filer(text) or _report_author(text)
    if filed:
        return filed
    head = text[:600]  # each search runs only where its verbs occur (every text pays for this function)
    match = ((_AUTHOR_AR.search(head) if any(verb in head for verb in _AUTHOR_AR_VERBS) else None)
             or (_PREPARED_AR.search(head) if any(verb in head for verb in _PREPARED_AR_VERBS) else None))
    if match:
        return (match.group("lat") or "").strip() or latin_name.get(match.group("ar").strip()) or None
    introduced = (_SELF_INTRODUCED.search(head) if any(cue in head for cue in _SELF_INTRODUCED_CUES)
                  else None)  # "Introduce myself: Lan Tran, head of research at X"
    return re.split(r"\.\s", introduced.group("name"))[0].rstrip(".") if introduced else None


def quotations(text: str, platform_hits: list[Hit]) -> list[Quote]:
    """Quotations of Latin-script prose ("..." with words in it), each with the platform of its speaker."""
    if '"' not in text:
        return []
    out: list[Quote] = []
    previous: str | None = None
    last_end = 0
    for paragraph in re.finditer(r"[^\n]+", text):
        marks = [m.start() for m in re.finditer('"', paragraph.group())]
        base = paragraph.start()
        for opening, closing in zip(marks[0::2], marks[1::2], strict=False):
            start, end = base + opening + 1, base + closing
            inner = text[start:end]
            if len(inner) < 15 or inner.count(" ") < 3 or not re.search(r"[A-Za-z]{3}", inner):
                continue
            since = [h for h in platform_hits if last_end <= h.start < start - 1 and not owner_hit(text, h)]
            platform = _speaker(text, start, end, platform_hits, previous, since[-1].payload if since else None)
            previous = platform or previous
            last_end = end
            out.append(Quote(start, end, platform))
    return out


def owner_hit(text: str, hit: Hit) -> bool:
    return bool(OWNER_BEFORE.search(text, max(0, hit.start - 40), hit.start) or OWNER_AFTER.match(text, hit.end))


def _speaker(text: str, start: int, end: int, hits: list[Hit], previous: str | None, since: str | None
             ) -> str | None:
    """The platform of who speaks; "he said": the platform named since the last quotation, else its speaker."""
    after = _AFTER_QUOTE.match(text, end + 1)
    if after:
        who_start, who_end = (after.start("who"), after.end("who")) if after.group("who") else (
            after.start("who2"), after.end("who2"))
    else:
        before = _BEFORE_QUOTE.search(text, max(0, start - 120), start - 1)
        if before is None:
            return previous
        who_start, who_end = before.start("who"), before.end("who")
    who = text[who_start:who_end].strip()
    named = [h for h in hits if who_start <= h.start < who_end]
    if named:
        return named[-1].payload
    if who.lower() in ("he", "she", "they") or _POSSESSOR.match(who + " ") or re.search(_TITLE + r"\s*\Z", who):
        # "he said", "its chief executive told": the platform the text was about before the quote
        before_quote = [h for h in hits if h.end <= start]
        if who.lower() in ("he", "she", "they"):
            return since or previous
        return before_quote[-1].payload if before_quote else previous
    return None


def inside(quotes: list[Quote], position: int) -> Quote | None:
    return next((q for q in quotes if q.start <= position < q.end), None)
