"""Platforms outside the lexicon, recognised by how the text introduces them.

The contract slugs any platform by its Latin name; it is recognised by how the text introduces it:
an appositive or copula naming it a marketplace/app/platform ("Depop, the London-based resale app,"
"Hepsiburada is a Turkish e-commerce platform"), the kind noun before it ("the resale platform
Poshmark"), or in Arabic the kind noun before the Arabic name followed by the Latin one in brackets
(«منصة «ميشو» (Meesho)», «جوميا» (Jumia) للتجارة الإلكترونية). Data, research and analytics
platforms are sources, not platforms.
"""

from __future__ import annotations

import re

from .lexicon.matcher import TABLE
from .normalize import fold

X_CONTEXT = re.compile(r"twitter|تويتر|x corp|formerly|سابقا", re.IGNORECASE)
_KIND_NOUN = (r"(?:marketplace|app|platform|e-commerce site|shopping site|online store|online retailer|e-tailer"
              r"|retailer|social network|super-?app|storefront|shopping service)s?")
_NAME = r"[A-Z][A-Za-z0-9]+(?:[ -][A-Z][A-Za-z0-9]+){0,2}"
_SOURCE_KINDS = re.compile(r"(?<!\w)(?:data|analytics|research|intelligence|measurement|payments?|advertising|ad"
                           r"|البيانات|الأبحاث|الابحاث|التحليلات|الاستشارات|الإعلانات|الاعلانات|الدفع)(?!\w)",
                           re.IGNORECASE)
_DISCOVER_EN = re.compile(
    r"(?<![\w.])(?P<appos>" + _NAME + r"),\s+(?P<appos_mod>(?:the|a|an|[A-Z][\w.-]*'s)(?:\s+[\w'-]+){0,5}?)\s+"
    + _KIND_NOUN + r"(?=\s*[,;.)]|\s+-)"
    r"|(?<![\w.])(?P<cop>" + _NAME + r")\s+(?:is|was|has become|remains)\s+(?P<cop_mod>(?:the|a|an|[A-Z][\w.-]*'s)"
    r"(?:\s+[\w'-]+){0,5}?)\s+" + _KIND_NOUN + r"(?!\w)"
    r"|(?<![\w-])(?:marketplace|platform|app|e-commerce site|retailer)\s+(?P<pre>" + _NAME + r")(?![\w'])"
)
_DISCOVER_EN_GATE = re.compile(r"marketplace|app|platform|site|store|retailer|network|storefront|service")
_PRE_MODIFIERS = re.compile(r"(?:[a-z][\w'-]*\s+){0,3}\Z")
_AR_WORD = r"[\u0621-\u064a]+"
_DISCOVER_AR = re.compile(
    r"(?<!\w)(?:[وفبلك]{0,2}|ال)(?:منصه|تطبيق|متجر|موقع)(?P<ar_mod>(?:\s+" + _AR_WORD + r"){0,3}?)\s+"
    r"(?:\"(?P<arq>[^\"()\n]{1,30})\"|(?P<arw>" + _AR_WORD + r"))\s*\((?P<lat>[A-Z][A-Za-z0-9.&' -]{0,40})\)"
    r"|\"(?P<arq2>[^\"()\n]{1,30})\"\s*\((?P<lat2>[A-Z][A-Za-z0-9.&' -]{0,40})\)\s+(?:لل|ل)?"
    r"(?:تجاره\s+الالكترونيه|تسوق)"
)
_NOT_NAMES = {"the", "a", "an", "it", "its", "this", "that", "however", "meanwhile", "still", "now", "yet", "but",
              "and", "also", "instead", "today", "monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "in", "on", "at", "for", "with", "analysts"}



def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _known(name: str) -> bool:
    return fold(name).lower() in TABLE


def discover_platforms(text: str) -> dict[str, tuple[str, str]]:
    """Aliases (as written) of platforms the text introduces that the lexicon lacks -> (slug, Latin name)."""
    found: dict[str, tuple[str, str]] = {}
    for match in _DISCOVER_EN.finditer(text) if _DISCOVER_EN_GATE.search(text) else ():
        kind = None
        for group in ("appos", "cop", "pre"):
            if match.group(group):
                kind = group
        if kind is None:
            continue
        name = match.group(kind)
        if kind == "pre":
            before = _PRE_MODIFIERS.search(text, max(0, match.start() - 60), match.start())
            modifiers = before.group() if before else ""
        else:
            modifiers = match.group(f"{kind}_mod") or ""
        if _SOURCE_KINDS.search(modifiers) or name.lower() in _NOT_NAMES or name.split()[0].lower() in _NOT_NAMES:
            continue
        if _known(name) or any(_known(word) for word in name.split()):
            continue
        found.setdefault(name, (_slug(name), name))
    for match in _DISCOVER_AR.finditer(text) if "(" in text else ():
        latin = (match.group("lat") or match.group("lat2") or "").strip()
        arabic = (match.group("arq") or match.group("arw") or match.group("arq2") or "").strip()
        if not latin or not arabic or _SOURCE_KINDS.search(match.group("ar_mod") or ""):
            continue
        if _known(latin) or _known(arabic) or latin.lower() in _NOT_NAMES:
            continue
        entry = (_slug(latin), latin)
        found.setdefault(latin, entry)
        found.setdefault(arabic, entry)
    return found


def alias_matcher(aliases: dict[str, tuple[str, str]]) -> re.Pattern[str] | None:
    if not aliases:
        return None
    body = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    # Arabic aliases may carry one or two clitic letters («لبيندوودو», «وبيندوودو»).
    return re.compile(r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وفبلك]{2}))(?P<n>" + body + r")(?!\w)")

