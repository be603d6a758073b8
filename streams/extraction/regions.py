"""Where a figure is for: the region mentions of a sentence and the one a figure takes.

A place right after "based in" / «مقرها» is a headquarters, not a market; "the region", «البلاد»
and «المملكة» refer back to the last region named; "global" only holds within its clause.
"""

from __future__ import annotations

import re

from .candidate import Candidate
from .memory import Memory
from .normalize import fold
from .numbers.quantity import Quantity
from .segments import Clause
from .sentence import Sentence, nearest

# A place that says where a company is from, not where a figure is for: "China's Alibaba", "the Lithuanian
# resale app", ««علي بابا» الصينية», "منصة Trendyol التركية"; or part of an institution's name ("U.S.
# Securities and Exchange Commission").
_COMPANY_OF = re.compile(r"'s\s+(?:[A-Z][\w.&-]*\s*){1,3}(?:Group|Holdings|Inc|Ltd|Limited)?")
_NATIONALITY_OF = re.compile(r"(?:[\w-]+\s+){0,2}(?:app|platform|marketplace|retailer|company|firm|group|rival"
                             r"|e-commerce (?:company|group)|store builder|conglomerate|giant|unicorn)s?(?!\w)")
_DEMONYM = re.compile(r"(?:ish|ese|ian|ean|can|i|ic|ch|sh|ern|ss)\Z|\A(?:Thai|Kazakh)\Z")
_AFTER_A_NAME = re.compile(r"[A-Za-z0-9\"]\s*\Z")
_INSTITUTION = re.compile(r"\s+(?:Securities|Federal|Department|Office|Bureau|Census|Treasury|Central|National"
                          r"|Commerce|Trade|Competition|Markets|Government|Ministry|Customs|[Ss]tock\s+[Ee]xchange"
                          r"|[Ee]xchange|[Bb]ourse|[Rr]egulator)(?!\w)")
# A place opening the name of a publication or research firm: "Shanghai Tech Ledger", "Gulf Retail Insights".
_NAME_OF_SOURCE = re.compile(r"(?:\s+[A-Z][\w&.-]*){0,2}\s+(?:Ledger|Times|Post|Research|Analytics|Capital|Data"
                             r"|Insights|Tribune|Journal|Herald|News|Daily|Monitor|Lens|Index|Partners|Metrics)(?!\w)")
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:the|a|an)\s+\Z", re.IGNORECASE)

# A dateline names where the story was filed: "JAKARTA, Feb 15 (SWN) -", «بكين - (وكالة ...) -».
_DATELINE = re.compile(r"\s*(?:,\s*[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}\s*\(|-\s*\()")
# A dateline opening a release: "LAGOS, Nigeria, February 20, 2025 -", "NAIROBI, March 3 -", «الرياض - أعلنت».
DATELINE_SPAN = re.compile(r"\s*[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+){0,2}"
                            r"(?:,\s*[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+)?)?"
                            r",\s*(?:[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}(?:,\s*[0-9]{4})?|[0-9]{1,2}\s+[A-Z][a-z]{2,8}\.?"
                            r"(?:\s+[0-9]{4})?)(?:\s*/[^/\n]{1,60}/)?\s*(?:--|[-–—])"  # "/PR Newswire/ --"
                            r"|\s*[A-Z]{2,}(?:\s[A-Z]{2,})?\s*\([^()]{1,30}\)\s*[-–—]"
                            r"|\s*[\u0621-\u064a]+(?:\s[\u0621-\u064a]+)?\s*[-–—]\s")

Regions = list[tuple[int, str, bool]]
"""(position, code, whether it holds only in its own clause) for each region mention."""


_WIDE = {"MENA", "SEA", "EU"}  # the codes of regions of several countries
_WIDE_REFS = {fold(w).lower() for w in ["المنطقة", "the region", "the region's", "the bloc", "the bloc's", "regional",
                                        "الإقليمية", "الإقليمي"]}


def region_mentions(sent: Sentence, memory: Memory) -> Regions:
    """Region mentions of a sentence, in order, back-references resolved; updates the last region named."""
    text = sent.text
    regions: Regions = []
    hq = sent.cat("hq")
    dateline = DATELINE_SPAN.match(text) if memory.paragraph == 0 else None
    filed = dateline.end() if dateline else 0
    for hit in sent.hits:
        code: str | None = None
        local = False
        if hit.cat == "region":
            if (any(0 <= hit.start - h.end <= 2 for h in hq) or text[hit.end : hit.end + 6] == "-based"
                    or _nationality(sent, hit.start, hit.end) or (hit.start < 3 and _DATELINE.match(text, hit.end))
                    or hit.end <= filed or _aside(sent, hit.start)):
                continue
            code = hit.payload
        elif hit.cat == "region_global":
            code, local = "global", True
        elif hit.cat == "region_ref":
            code = memory.last_region
            if code not in _WIDE and fold(text[hit.start : hit.end]).lower() in _WIDE_REFS:
                code, local = MANY, True  # «في المنطقة» after «إندونيسيا وحدها»: the region, never one country
        elif hit.cat == "kingdom":
            code = memory.last_region if memory.last_region in ("SA", "GB", "JO", "MA", "BH") else "SA"
        if code:
            regions.append((hit.start, code, local))
            if not local:
                memory.last_region = code
    if "خليج" in text or "GCC" in text or "Gulf" in text:
        # «دول الخليج», "the Gulf states": several countries, which no one code names
        regions = sorted([*regions, *((m.start(), MANY, True) for m in _SEVERAL.finditer(text))])
    if len(regions) > 1 and (" and " in text or " و" in text):
        regions = _pairs_as_none(text, regions)
    return regions


# "across Lebanon and Iraq", «في لبنان والعراق»: two countries for one figure, which no one code names.
_PAIR_GAP = re.compile(r"\s*(?:,|and|&|و)\s*")
_PAIR_BEFORE = re.compile(r"(?<!\w)(?:across|in|between|both|في|عبر|بين)\s+\Z")
MANY = "many"  # the region of a figure for several countries: reported as none
_SEVERAL = re.compile(r"(?<!\w)(?:دول\s+(?:ال)?خليج(?:\s+العربي)?|دول\s+مجلس\s+التعاون|the\s+Gulf\s+states|GCC)(?!\w)")


def _pairs_as_none(text: str, regions: Regions) -> Regions:
    out: Regions = []
    index = 0
    while index < len(regions):
        start, code, local = regions[index]
        if index + 1 < len(regions) and not local and code not in ("global", "MENA", "SEA", "EU"):
            nxt = regions[index + 1]
            end = _region_end(text, start)
            if (nxt[1] != code and not nxt[2] and end is not None and _PAIR_GAP.fullmatch(text, end, nxt[0])
                    and _PAIR_BEFORE.search(text, max(0, start - 10), start)):
                out.append((start, MANY, True))
                index += 2
                continue
        out.append((start, code, local))
        index += 1
    return out


_NAME_RUN = re.compile(r"[\w.-]+(?:\s[A-Z][\w.-]+)?")


def _region_end(text: str, start: int) -> int | None:
    match = _NAME_RUN.match(text, start)
    return match.end() if match else None


_ASIDE_OPEN = re.compile(r"\s*\(")


def _aside(sent: Sentence, at: int) -> bool:
    """A place in a parenthetical remark right after a name: "Vinted (private, but it files accounts in
    Lithuania): its revenue ...", about the company, not where the figure is for."""
    text = sent.text
    opened = text.rfind("(", max(0, at - 80), at)
    if opened < 0 or ")" in text[opened:at] or len(text[opened:at].split()) < 3:
        return False
    return any(h.cat in ("platform", "owner") and _ASIDE_OPEN.fullmatch(text, h.end, opened + 1) for h in sent.hits)


def _nationality(sent: Sentence, start: int, end: int) -> bool:
    """A region word naming a company's home or part of an institution's name (see above)."""
    text = sent.text
    named = [h for h in sent.hits if h.cat in ("platform", "owner", "org")]
    if text[start].isascii():
        if _COMPANY_OF.match(text, end) and any(0 < h.start - end <= 4 for h in named):
            return True
        if (_ARTICLE_BEFORE.search(text, max(0, start - 5), start) and _NATIONALITY_OF.match(text, end + 1)
                and _DEMONYM.search(text, start, end)):
            return True  # "the Turkish marketplace" (not "the Japan marketplace", the market it serves)
        return bool(_INSTITUTION.match(text, end) or _NAME_OF_SOURCE.match(text, end))
    # Arabic: the adjective right after a name («علي بابا» الصينية، منصة Trendyol التركية), but not a market
    # named inside the same quotes («أمازون الإمارات»)
    if text.startswith('"', end) and any(0 <= start - h.end <= 3 and '"' not in text[h.end:start] for h in named):
        return False
    return text.startswith("ال", start) and (
        any(0 <= start - h.end <= 3 for h in named) or bool(_AFTER_A_NAME.search(text, max(0, start - 3), start)))


def figure_region(regions: Regions, q: Quantity, clause: Clause, prev: Candidate | None, same_source: bool,
                  memory: Memory, platform: str, implicit: bool = False, metric: str = "") -> str | None:
    """The region of the figure ``q``: its clause's, the previous figure's for a continuing clause, the
    sentence's, or (when the sentence cites the same study, is about the same platform or names none: "In Korea,
    ... In won terms, revenue was ...", or the sentence before named no platform: "Competition in India is
    brutal. Zepto ...") the previous sentence's of the same paragraph."""
    centre = (q.start + q.end) // 2
    own_regions = [(p, c) for p, c, _local in regions if clause.start <= p < clause.end]
    region = nearest(own_regions, centre)[1] if own_regions else None
    if region is None and prev is not None and (clause.adjunct or clause.start <= prev.q.start < clause.end):
        # "worldwide" holds in its clause: a continuing clause's growth of that figure keeps it, another figure
        # ("..., while daily users across its apps reached 3.3 billion") does not
        keep = prev.region != "global" or metric.startswith("growth") or clause.start <= prev.q.start < clause.end
        region = prev.region if keep else None
    if region is None:
        # The sentence's region, from the clauses before the figure: one place, not a list of them
        before = {c for p, c, local in regions if not local and p < q.start}
        region = before.pop() if len(before) == 1 else None
    if region is None and (same_source or implicit or platform in memory.prev_sentence_platforms
                           or not memory.prev_sentence_platforms):
        region = memory.prev_sentence_region
    return region or memory.intro_region
