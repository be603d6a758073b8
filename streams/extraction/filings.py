"""Documents that name themselves: a filing's defined terms ('Magazine Luiza S.A. ("Magalu" or the
"Company")', 'Temu (the "Service")'), the filer they make the source of what nobody else is credited for, and
the firms a text names in full ("Savanna Insights"), for the short forms it uses later.
"""

from __future__ import annotations

import re

from .platforms import SOURCE_ENDINGS, Discovered, clean_platform_name, known, lexicon_slug, slug

# A filing's defined terms: 'Magazine Luiza S.A. ("Magalu" or the "Company")', 'Temu (the "Service")',
# 'Whaleco Technology Limited (the "Provider")'; a term names what stands before its brackets.
_DEFINED = re.compile(r"\((?P<terms>(?:the\s+)?\"[^()\n]{1,80})\)")
_DEFINED_NAME = re.compile(r"(?P<name>[A-Z][\w&.'-]*(?:\s+(?:&\s+)?[A-Z][\w&.'-]*){0,5})\s*\Z")
_TERM = re.compile(r"\"(?P<term>[A-Z][\w&'-]*(?:\s[A-Z][\w&'-]*){0,3})\"")
# Terms that stand for what they define and are nobody's name ("the Company", "the Service").
GENERIC_TERMS = {"company", "provider", "service", "platform", "marketplace", "group", "issuer", "app",
                 "business", "operator", "firm", "offeror", "retailer", "store", "site", "website", "bank",
                 "subsidiary", "parent", "segment", "network"}


def defined_terms(text: str, found: Discovered) -> None:
    """A defined term stands for the platform (or company) before its brackets: a proper term for a company's
    platform is that platform ("Magalu"), a generic one ("the Company") an alias of it; a generic term for a
    company that is no platform ("the Provider") is a short form of its name; a generic term for a common noun
    ('the marketplace (the "Marketplace")') stands for the platform defined last."""
    last: tuple[str, str] | None = None  # (slug, name) of the platform defined last
    for match in _DEFINED.finditer(text):
        terms = [m.group("term") for m in _TERM.finditer(match.group("terms"))]
        if not terms:
            continue
        name = defined_name(text, match.start())
        proper = [t for t in terms if t.lower() not in GENERIC_TERMS]
        generic = [t for t in terms if t.lower() in GENERIC_TERMS]
        referent: tuple[str, str] | None = None
        if name and (known(name) or name in found.platforms):
            referent = found.platforms.get(name) or (lexicon_slug(name), name)
        elif name and proper and not known(proper[0]):
            referent = found.platforms.get(proper[0]) or (slug(proper[0]), name)  # the company's own name first
            found.companies.add(name)
            found.platforms.setdefault(name, referent)
        elif name and proper:
            referent = (lexicon_slug(proper[0]), proper[0])
        elif name and generic:
            for term in generic:
                found.short_forms.setdefault(term, name)  # 'the "Provider"': a company, credited by its name
                found.platforms.pop(term, None)
            found.companies.add(name)
            continue
        elif not name:
            referent = last
        if referent is None:
            continue
        last = referent
        for term in proper:
            found.platforms.setdefault(term, referent)
        for term in generic:
            found.platforms[term] = referent


def defined_name(text: str, bracket: int) -> str:
    """The capitalised name right before a defined term's brackets ("Magazine Luiza S.A."), else ""."""
    before = _DEFINED_NAME.search(text, max(0, bracket - 60), bracket)
    if before is None:
        return ""
    raw = before.group("name").strip()
    name = clean_platform_name(raw)
    return name + "." if name and raw.endswith(name + ".") else name


def filer(text: str) -> str | None:
    """Who files a filing: the company its opening defines as "the Company" (or "the Provider", "the Issuer"),
    or the one its "we" refers to ('References to "we", "us" or "our" are to Zentro Holdings Limited')."""
    head = text[:600]
    for match in _DEFINED.finditer(head) if '"' in head else ():
        terms = {m.group("term").lower() for m in _TERM.finditer(match.group("terms"))}
        name = defined_name(text, match.start())
        if name and terms & {"company", "provider", "issuer", "group", "bank", "offeror"}:
            return name
    we = _WE_ARE.search(head) if '"we"' in head else None
    return clean_platform_name(we.group("name")) if we else None


_WE_ARE = re.compile(r"\"we\",?\s+(?:\"us\",?\s+)?(?:(?:or|and)\s+)?(?:\"our\"\s+)?(?:are|is|refers?)\s+(?:to\s+)?"
                     r"(?P<name>[A-Z][\w&'-]*(?:\s+(?:&\s+)?[A-Z][\w&.'-]*){0,5})")


_FIRM_WORDS = sorted((w.title() for w in SOURCE_ENDINGS if len(w) > 3), key=len, reverse=True)
_FIRM_ENDING = re.compile(r"\s(?=[A-Z])(?:" + "|".join(_FIRM_WORDS) + r")(?![\w'])")
_LATIN_CAPITAL = re.compile(r"\s[A-Z]")
_FIRM_START = re.compile(r"(?:[A-Z][\w&.'-]*\s){1,3}\Z")


def firm_names(text: str) -> set[str]:
    """Names of firms written in full ("Savanna Insights", "Song Hong Analytics"), for their short forms."""
    names: set[str] = set()
    if not _LATIN_CAPITAL.search(text):
        return names
    for match in _FIRM_ENDING.finditer(text):
        start = _FIRM_START.search(text, max(0, match.start() - 60), match.start() + 1)
        if start:
            name = clean_platform_name(text[start.start() : match.end()])
            if " " in name:
                names.add(name)
    return names
