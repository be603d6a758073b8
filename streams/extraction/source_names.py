"""How a credited name is written: the Latin name the text glosses an Arabic one with, a shortened name in
full ("Savanna" for "Savanna Insights"), a platform's or owner's name as the lexicon writes it, a name
without the function words a capitalised run picks up ("According to Zentro" -> "Zentro"), and an
executive's surname that stands for the company ("Fathy expects"), and "per its own numbers".
"""

from __future__ import annotations

import re

from .filings import firm_names
from .lexicon.matcher import TABLE
from .lexicon.platforms import PLATFORM_NAMES
from .memory import Memory
from .mentions import Mention, company_name
from .normalize import fold

_STOP = {"the", "a", "an", "in", "on", "at", "by", "for", "according", "it", "its", "this", "that", "these",
         "those", "analysts", "shoppers", "across", "but", "and", "meanwhile", "however", "while", "daily",
         "monthly", "sources", "data", "as", "with", "from", "of", "to", "he", "she", "they", "we", "our",
         "their", "his", "her", "after", "before", "last", "next", "q1", "q2", "q3", "q4", "ceo", "cfo",
         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def glossed_name(arabic: str, memory: Memory) -> str | None:
    """The Latin name the text glossed for an Arabic name, for a longer one it shortens («كونكتا ريسيرش»), or for
    the shorter one it writes out («وصل» (Wasl Research), then «وصل للأبحاث»)."""
    arabic = arabic.strip()
    if arabic in memory.glosses:
        return memory.glosses[arabic]
    return next((latin for full, latin in memory.glosses.items() if full.startswith(arabic + " ")), None) or next(
        (latin for short, latin in memory.glosses.items() if arabic.startswith(short + " ")), None)  # «وصل للأبحاث»


def full_name(name: str | None, memory: Memory) -> str | None:
    """A source named before in full ("Streamline Retail Partners"), when the text shortens it ("Streamline")."""
    if not name:
        return name
    if " " not in name:
        named = next((full for full in reversed(memory.sources_named) if full.startswith(name + " ")), None)
        if named:
            return named
    # "Savanna Insights studies Kenyan retail. Savanna says ...": a firm the text named, shortened
    if name + " " not in memory.firm_text:
        return name  # never written with a word after it: no longer name to expand to
    if memory.firms is None:
        memory.firms = firm_names(memory.firm_text)
    longer = {full for full in memory.firms if full.startswith(name + " ")}
    return longer.pop() if len(longer) == 1 else name


def clean_name(raw: str, keep_the: bool = False) -> str:
    """A credited name without leading function words; a capitalised "The" inside a sentence is part of
    a title ("The Information reported")."""
    words = raw.replace("’", "'").split()
    if keep_the and len(words) > 1 and words[0] == "The" and words[1].lower() not in _STOP:
        return " ".join(words).rstrip(".,'")
    while words and (words[0].lower().strip(".,'") in _STOP or (len(words) > 1 and len(words[0]) > 3
                                                                 and words[0].endswith("."))):
        words.pop(0)  # "Market. Yeşil Dijital": a note's heading before the name
    name = " ".join(words).rstrip(".,'")
    if name.endswith("'s"):
        name = name[:-2]
    return name if len(name) >= 2 else ""


def platform_name(name: str) -> str | None:
    for entry in TABLE.get(fold(name).lower(), []):
        if entry.cat == "platform":
            return PLATFORM_NAMES.get(entry.payload, name)
        if entry.cat == "owner":
            return entry.payload.split("|")[0]
    return None


_TITLE_BEFORE = re.compile(r"(?<!\w)(?i:chief executive(?: officer)?|CEO|chief financial officer|CFO|founder"
                           r"|co-founder|president|managing director|general manager|spokes(?:person|man|woman))"
                           r"\s+(?:[A-Z][\w'-]+\s+)?\Z")


def executive_surname(surname: str, memory: Memory) -> bool:
    """The text introduced ``surname`` as a company's executive ("chief executive Omar Fathy"): a person who
    speaks for the company credited last. Each name is looked up once per text, where the text writes it."""
    if memory.executives is None:
        memory.executives = {}
    known = memory.executives.get(surname)
    if known is None and len(memory.executives) < 64:  # a bounded number of lookups: linear on any text
        text, at, known = memory.firm_text, memory.firm_text.find(surname), False
        while at >= 0 and not known:
            known = _TITLE_BEFORE.search(text, max(0, at - 60), at) is not None
            at = text.find(surname, at + len(surname))
        memory.executives[surname] = known
    return bool(known)


_ITS_OWN = re.compile(r"(?<!\w)(?:per|according to|by|from|on)\s+its\s+own\s+(?:numbers|figures|data|count|tally"
                      r"|disclosures|estimates)(?!\w)")


def its_own_credits(text: str, mentions: list[Mention], memory: Memory) -> list[tuple[int, str | None, bool]]:
    """"Shopee has 1 million sellers, per its own numbers": the platform the sentence is about, named as written."""
    credits: list[tuple[int, str | None, bool]] = []
    for own in _ITS_OWN.finditer(text):
        subject = next((m for m in mentions if m.explicit and not m.owner and m.start < own.start()), None)
        if subject is not None:
            credits.append((own.start(), memory.names.get(subject.platform) or PLATFORM_NAMES.get(subject.platform)
                            or company_name(subject.platform, memory), False))
    return credits
