"""Who the text credits for a figure: the entity a reporting phrase governs.

"according to X", «بحسب X», «قالت X», "X said", "by X's count", "per X"; a back-reference ("the
same study", «الدراسة ذاتها», "the paper") is the last named source, "the company" the company
credited last (else the platform in focus), «المجموعة» the group named last; "X's chief executive
told Reuters" credits X, never the one told; unnamed sources ("analysts", «مصادر») credit nobody.
In an analyst's note, "we estimate", "our checks", «تقديراتنا» credit its author; inside a quotation,
the speaker's company. An Arabic speech verb governs what follows it («أعلنت X أن ...»).
"""

from __future__ import annotations

import re

from .groups import GROUP_AFTER, GROUP_BEFORE, group_names
from .lexicon.platforms import PLATFORM_NAMES
from .memory import Memory
from .mentions import SPEAKER_GAP_AFTER, Mention, company_name
from .publications import publication_name
from .sentence import Sentence
from .source_names import clean_name, executive_surname, full_name, glossed_name, its_own_credits, platform_name

# One character class first (a capital, or a lower-case letter before one: "eMarketer"): the engine skips to it.
# Latin letters with diacritics belong to a name ("Yeşil Dijital", "Ödeme Analitik").
_CAPRUN = re.compile(r"[A-Za-z\u00c0-\u00de](?:(?<=[A-Z\u00c0-\u00de])|(?=[A-Z]))[A-Za-z0-9\u00c0-\u024f&.\-']*"
                     r"(?:\s+(?:&\s+|of\s+)?[A-Z\u00c0-\u00de][A-Za-z0-9\u00c0-\u024f&.\-']*)*")
# "Makati research firm Bayanihan Data Labs": a place or descriptor before the firm's kind; the name after it
_BEFORE_KIND = re.compile(r"\s+(?:[a-z-]+\s+){0,2}(?:firm|consultancy|house|agency|brokerage|researcher|tracker"
                          r"|analyst|outfit)\s+[A-Z]")
_NAME_BEFORE = re.compile(
    r"(?P<name>[A-Z\u00c0-\u00de][A-Za-z0-9\u00c0-\u024f&.\-']*(?:\s+[A-Z][A-Za-z0-9\u00c0-\u024f&.\-']*)*)(?:\s*,[^,]{1,70},)?\s*\Z"
)
_BY_COUNT = re.compile(
    r"(?<!\w)(?:[Bb]y\s+(?P<name>[A-Z][A-Za-z0-9&.\-]*(?:\s+[A-Z][A-Za-z0-9&.\-]*)*)(?:'s|')?\s+"
    r"(?:count|estimates?|calculations?|tally|reckoning|data|figures)"
    r"|per\s+(?P<per>(?:[A-Z]|[a-z][A-Z])[A-Za-z0-9&.\-]*(?:\s+[A-Z][A-Za-z0-9&.\-]*)*))"
)
_MODEL_HAS = re.compile(r"(?<![\w'])(?P<name>[A-Z][A-Za-z0-9&.\-]*(?:\s+[A-Z][A-Za-z0-9&.\-]*){0,3})'s\s+"
                        r"(?:model|forecast|estimates?|projections?|numbers)\s+(?:has|have|puts|sees|shows)(?!\w)")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
# First person outside quotations: the author of a note ("We estimate", "our checks", «تقديراتنا»).
_FIRST_PERSON = re.compile(r"(?<![\w])(?:[Ww]e|[Oo]ur|us)(?![\w])|(?<!\w)[وف]?(?:نقدر|نتوقع|نرجح|نرى|نرفع|نبقي|نخفض"
                           r"|تقديراتنا|تقديرنا|توقعاتنا|توقعنا|مسحنا|بياناتنا|حساباتنا|مذكرتنا|تحليلنا|اجريناه"
                           r"|اجريناها|نعتقد|نقدرها)(?!\w)")
# The one who speaks through an executive: "Zentro's chief executive told", "the chief executive of Zentro said",
# "its chief executive told", "the Zentro executive said".
_EXECUTIVE = re.compile(
    r"(?:(?P<poss>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)*)'s"
    r"|(?P<its>its|the company's|the firm's|the group's|their|an?\s+company|the\s+company))\s+"
    r"(?:[\w-]+\s+){0,4}?(?:executive|officer|president|founder|head|boss|chief|spokes\w+|director|manager|CEO"
    r"|COO|CFO|chairman|chairwoman)(?:\s+of\s+[\w ]{1,40}?)?\s*\Z"
    r"|the\s+(?:[\w-]+\s+){0,3}?(?:executive|officer|president|founder|head|boss|chief)\s+of\s+"
    r"(?P<of>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)*)\s*\Z"
    # "Tokopedia executives have told merchants": the company speaks
    r"|(?<![\w'])(?P<plain>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})\s+(?:executives|officials|managers|bosses)"
    r"(?:\s+(?:have|has|had))?\s*\Z")
_ADDRESSEE = re.compile(r"\s*(?:told|tells|telling|spoke to|speaking to)\s+\Z|\s+in an interview with\s+\Z")
_BASED_PREFIX = re.compile(r"(?:[A-Z][\w.]*\s)?[A-Z][\w.]*-based\s+")
_GROUP_WORD = re.compile(r"(?:مجموعه|group)", re.IGNORECASE)
_FORWARD_CUE = re.compile(r"[\u0600-\u06ff]")
_SOURCE_REACH = 70
_LOCAL_AR = {"بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا عن", "استنادا الي", "بناء علي"}
# Verbs of an estimate: "it" before one after a research firm was credited is that firm, not a platform.
_ESTIMATE_VERBS = {"calculates", "calculated", "estimates", "estimated", "puts", "put", "reckons", "reckoned",
                   "measured", "forecasts", "forecast"}
_IT_BEFORE = re.compile(r"(?<!\w)it\s+\Z")
_AND_BEFORE = re.compile(r"(?<!\w)and\s+\Z")
_PARENT_GAP = re.compile(r"\s*(?:الام|parent|holding|القابضه)?\s*\"?\s*", re.IGNORECASE)
_ALSO_BEFORE = re.compile(r"(?<!\w)(?:كما|و|ف)\s*\Z")
_HE_BEFORE = re.compile(r"(?<!\w)(?:he|she|they)\s+\Z", re.IGNORECASE)
_THEY_BEFORE = re.compile(r"(?<!\w)[Tt]hey\s+(?:also\s+|further\s+)?\Z")
_CORPORATE_AFTER = re.compile(r"\s+(?P<suffix>Technologies|Inc\.?|Limited|Ltd\.?|plc|PLC|Corp\.?|Corporation|S\.A\.)"
                              r"(?!\w)")
_QUOTED_AR = re.compile(r"\"(?P<ar>[\u0621-\u064a][\u0621-\u064a ]{0,38})\"")
# «X» (Latin) where the text glosses a source's Arabic name.
GLOSS = re.compile(r"\"(?P<ar>[\u0621-\u064a][\u0621-\u064a ]{0,38})\"\s*\((?P<lat>[A-Z][A-Za-z0-9.&' -]{1,40})\)")
_PUBLICATION = re.compile(r"(?:صحيفه|جريده|مجله|وكاله|قناه)\s+\"(?P<ar>[\u0621-\u064a ]{2,30})\"")
# An executive of the platform the text refers back to: «المدير العام للمنصة», «الرئيسة التنفيذية للتطبيق».
_TITLE_OF = re.compile(r"(?<!\w)(?:ال)?(?:مدير|مديره|رئيس|رئيسه|متحدث|متحدثه|نائب|مسؤول|مسؤوله|مؤسس|مؤسسه)"
                       r"(?:\s+[\u0621-\u064a]+){0,2}\s+[لب]?\Z")
_DATA_OF = re.compile(r"(?<!\w)(?:بيانات|ارقام|احصاءات|تقديرات)\s+\Z")
_RELATIVE_GAP = re.compile(r",\s+(?:which|who|that|owned|backed|based|founded|run)\s[^,;]{1,70},\s*")
_TITLE_BEFORE = re.compile(r"(?<!\w)(?:chief executive(?: officer)?|CEO|chief financial officer|CFO"
                           r"|chief operating officer|COO|founder|co-founder|president|managing director"
                           r"|spokes(?:person|man|woman)|chairman|chairwoman|general manager)\s*,?\s*\Z")
_OURS_AFTER = re.compile(r"\s*(?:(?:ال)?\w+\s+)?(?:تقديراتنا|تقديرنا|بياناتنا|حساباتنا|توقعاتنا|ارقامنا|مسحنا|our\s)")
_CAP_WORDS = r"[A-Z\u00c0-\u00de][A-Za-z0-9\u00c0-\u024f&.\-']*(?:\s+(?:&\s+)?[A-Z][A-Za-z0-9\u00c0-\u024f&.\-']*)*"
_FIRM_BEFORE = re.compile(r"(?<![\w'])(?P<name>" + _CAP_WORDS + r")(?:'s)?\s+(?:own\s+)?(?:data|figures|estimates"
                          r"|research|numbers|analysis|analysts|analyst|economists|researchers|disclosures|filings"
                          r"|accounts|results|statements)\s+\Z")
_SAID_BY = re.compile(r"\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3},\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,3}?"
                      r"(?:analyst|economist|partner|strategist|researcher|director|head|consultant)\s+(?:at|with|of)\s+"
                      r"(?P<firm>" + _CAP_WORDS + r")")
# The verb before its subject at the end of a sentence: "..., estimates Indus Digital Research.", "..., says Zentro."
_INVERTED = re.compile(r"\s+(?P<name>" + _CAP_WORDS + r")\s*[.!]?\s*\Z")
_COMMA_BEFORE = re.compile(r",\s*\Z")
_DOMAIN = re.compile(r"(?<![\w.])[a-z][a-z0-9-]{1,20}\.(?:ai|io|com|co|net)(?!\w|\.\w)")
_THAT = re.compile(r"\s*(?:الي\s+)?(?<!\w)[بل]?ان(?:ها|ه)?(?!\w)")
_NAME_GAP = re.compile(r"[\s\"]*")
# One that only carries another's figures: «بيانات X، التي استشهدت بها وكالة «Y»، تشير»: X is credited, not Y.
_CARRIER_BEFORE = re.compile(r"(?<!\w)(?:استشهدت|استشهد|نقلتها|نقلها|نقلته|اوردتها|اوردته|نشرتها|نشرته)"
                             r"(?:\s+(?:بها|به))?\s+(?:[\u0621-\u064a]+\s+)?\"?\s*\Z")
_MEMBERS_OF = re.compile(r"\s+(?:في|لد[يى]|من|ب|at|from|with|of)\s", re.IGNORECASE)


Credit = tuple[int, str | None, bool]
"""(position, credited name or None for unnamed sources, whether it governs what follows it)."""


def credited_sources(sent: Sentence, mentions: list[Mention], memory: Memory) -> list[Credit]:
    """The source phrases of a sentence, in order."""
    text = sent.text
    if not (sent.cat("src_prep") or sent.cat("src_verb") or memory.author or "by " in text or "By " in text
            or "per " in text or ("'s " in text and _MODEL_HAS.search(text))):
        return []  # no phrase that credits anyone
    entities: list[tuple[int, int, str, str | None]] = []  # start, end, kind, value
    covered: list[tuple[int, int]] = []
    for hit in sent.hits:
        if hit.cat == "platform" and (hit.payload != "x" or sent.x_ok):
            name = PLATFORM_NAMES.get(hit.payload) or memory.names.get(hit.payload, hit.payload)
            corporate = _CORPORATE_AFTER.match(text, hit.end)
            if GROUP_AFTER.match(text, hit.end) or GROUP_BEFORE.search(text, max(0, hit.start - 10), hit.start):
                name += " Group"  # "QVC Group said", «مجموعة «علي بابا»»
            elif corporate:
                name += " " + corporate.group("suffix")  # "Jumia Technologies said": the company as it names itself
            entities.append((hit.start, hit.end, "name", name))
        elif hit.cat == "owner":
            entities.append((hit.start, hit.end, "name", hit.payload.split("|")[0]))
        elif hit.cat == "org":
            entities.append((hit.start, hit.end, "name", hit.payload))
        elif hit.cat in ("company_ref", "backref") and hit.payload in ("", "app", "company"):
            word = text[hit.start : hit.end]
            kind = "group" if _GROUP_WORD.search(word) else "app" if hit.payload == "app" else "company"
            if (kind == "company" and word.lower().startswith("the firm") and memory.last_source
                    and memory.last_source not in memory.companies):
                kind = "same"  # "..., the firm said" after a consultancy was credited: the consultancy
            entities.append((hit.start, hit.end, kind, None))
        elif hit.cat == "src_same":
            entities.append((hit.start, hit.end, "same", None))
        elif hit.cat == "src_unnamed":
            entities.append((hit.start, hit.end, "unnamed", None))
        else:
            continue
        covered.append((hit.start, hit.end))
    if memory.author:  # «بحسب مسح أجريناه», "according to our estimates"
        entities.extend((m.start(), m.end(), "name", memory.author) for m in _FIRST_PERSON.finditer(text)
                        if not any(q[0] <= m.start() < q[1] for q in sent.quotes))
    for match in _QUOTED_AR.finditer(text) if memory.glosses and '"' in text else ():
        latin = glossed_name(match.group("ar"), memory)
        if latin and not any(s <= match.start("ar") < e for s, e in covered):
            entities.append((match.start("ar"), match.end("ar"), "name", latin))
            covered.append((match.start("ar"), match.end("ar")))
    for arabic, latin in memory.glosses.items():  # «وبحسب دراسة كيو ريسيرش»: a glossed name, later unquoted
        at = text.find(arabic) if " " in arabic else -1
        if (at > 0 and text[at - 1] == " " and not text[at + len(arabic) : at + len(arabic) + 1].isalpha()
                and not any(s <= at < e for s, e in covered)):
            entities.append((at, at + len(arabic), "name", latin))
            covered.append((at, at + len(arabic)))
    for match in _PUBLICATION.finditer(text) if '"' in text else ():
        paper = glossed_name(match.group("ar"), memory) or publication_name(match.group("ar"))  # its gloss first
        entities.append((match.start("ar"), match.end("ar"), "name", paper))
        covered.append((match.start("ar"), match.end("ar")))
    regions = [(h.start, h.end) for h in sent.hits if h.cat in ("region", "region_global")]
    for match in _CAPRUN.finditer(text):
        raw = match.group()
        based = _BASED_PREFIX.match(raw)  # "Jakarta-based Nusantara Research": the name after the place
        offset = based.end() if based else 0
        name = clean_name(raw[offset:], keep_the=match.start() + offset > 0)
        if not name or name.endswith("-based"):
            continue
        start = match.start() + offset + raw[offset:].find(name.split()[0])
        if _BEFORE_KIND.match(text, match.end()):
            continue
        if any(s <= start < e for s, e in covered) or any(s == start and e >= start + len(name) - 2
                                                            for s, e in regions):  # a place, not "Manila Retail Data"
            continue
        entities.append((start, start + len(name), "name", name))
    for match in _DOMAIN.finditer(text) if "." in text else ():  # "according to data.ai": a name in lower case
        if not any(s <= match.start() < e for s, e in covered):
            entities.append((match.start(), match.end(), "name", match.group()))
    entities.sort()
    groups = group_names(sent, memory)

    def resolve(kind: str, value: str | None, position: int) -> tuple[bool, str | None]:
        if kind == "name":
            company = memory.last_company_source or (company_name(memory.topic, memory) if memory.topic else None)
            if value and " " not in value and company and executive_surname(value, memory):
                return True, company  # "Fathy expects" after "chief executive Omar Fathy": his company
            return True, full_name(memory.short_forms.get(value or "", value), memory)
        if kind == "same":
            earlier = [credited for at, credited, _forward in found if credited and at < position]
            # "According to that information" in a filing that credited nobody yet: the filer's
            return True, earlier[-1] if earlier else memory.last_source or memory.author
        if kind == "unnamed":
            return True, None
        if kind == "group":
            group = next((name for at, name in reversed(groups) if at < position), memory.last_group)
            if group:
                return True, group
        subject = next((m for m in mentions if m.explicit and not m.owner and m.start < position), None)
        if subject is not None and kind == "group" and subject.platform in memory.owners:
            return True, memory.owners[subject.platform]  # "Takealot, owned by Naspers, ..., the group's results"
        if subject is not None:
            # "TikTok aims to ..., the company said": the platform the sentence is about speaks for itself,
            # a company named as its owner («قالت «بايت دانس»... بحسب تقديراتها») for its own
            return True, subject.owner_name or memory.names.get(subject.platform) or PLATFORM_NAMES.get(
                subject.platform) or company_name(subject.platform, memory)
        if memory.last_company_source:
            return True, memory.last_company_source  # "..., the company added": the company credited last
        return (True, company_name(memory.topic, memory)) if memory.topic else (False, None)

    found: list[Credit] = []
    for cue in sent.cat("src_prep"):
        forward = _ARABIC.match(text, cue.start) is not None and text[cue.start : cue.end] not in _LOCAL_AR
        if _OURS_AFTER.match(text, cue.end):
            found.append((cue.start, memory.author, forward))  # «وفق تقديراتنا»: the author's, named or not
            continue
        credited_after = False
        for index, (start, end, kind, value) in enumerate(entities):
            if start < cue.end:
                continue
            if start > cue.end + _SOURCE_REACH:
                break
            spoke = kind == "app" and forward and not text[cue.end : start].strip()  # «قالت القناة»: it speaks
            if kind == "app" and not (_TITLE_OF.search(text, max(0, start - 30), start) or spoke
                                      or _DATA_OF.search(text, max(0, start - 16), start)):
                continue  # «تشير إلى أن التطبيق ...»: what the source says is about the app (not «مدير المنصة»,
                # «بيانات التطبيق نفسه»: the app's own data)
            if _THAT.search(text, cue.end, start):
                # «أظهر أن «X» تصدرت», «وأضافت أن ... «X»»: X is what is reported on; the verb's subject speaks
                ok, credited = (True, found[-1][1]) if found else resolve("company", None, cue.start)
                if ok:
                    found.append((cue.start, credited, forward))
                    credited_after = True
                break
            if kind == "unnamed" and _MEMBERS_OF.match(text, end):
                continue  # «محللون في «غولدمان ساكس»», "analysts at Jefferies": the firm is credited
            following = next((e for e in entities[index + 1 :] if e[0] >= end), None)
            if (kind in ("company", "group") and following and following[2] == "name"
                    and _PARENT_GAP.fullmatch(text, end, following[0])):
                continue  # «أعلنت الشركة الأم «ألفابت»», "the parent company Alphabet": the name is credited
            if kind == "same" and following and following[2] == "name" and _NAME_GAP.fullmatch(text, end, following[0]):
                continue  # "compiled by the consultancy Streamline Partners": the name is credited
            app = next((m for m in mentions if m.start == start and not m.explicit), None) if kind == "app" else None
            if app is not None and (spoke or _DATA_OF.search(text, max(0, start - 16), start)):
                # «بحسب بيانات التطبيق نفسه»: the app's own data, the app credited (not its parent)
                found.append((cue.start, PLATFORM_NAMES.get(app.platform) or memory.names.get(app.platform), forward))
                credited_after = True
                break
            ok, credited = resolve("company" if kind == "app" else kind, value, start)
            if ok:
                found.append((cue.start, credited, forward))
                credited_after = True
                break
        if not credited_after:
            if not _ARABIC.match(text, cue.start):
                continue
            # «تقديرات شركة «ريدسير» تشير إلى»: a source named just before its verb
            earlier = [e for e in entities if e[2] == "name" and 0 <= cue.start - e[1] <= 40
                       and e[3] not in _platform_names(mentions, memory)]
            carrier = earlier[-1] if earlier and _CARRIER_BEFORE.search(text, max(0, earlier[-1][0] - 40),
                                                                        earlier[-1][0]) else None
            if carrier is not None:  # the one it carries, named before the relative clause
                earlier = [e for e in entities if e[2] == "name" and 0 <= carrier[0] - e[1] <= 100
                           and e[3] not in _platform_names(mentions, memory)]
            # «أما «أمازون»، فقالت إن ...»: an Arabic speech verb with its subject fronted before it.
            fronted = [m for m in mentions if m.explicit and m.end <= cue.start]
            if earlier:
                found.append((cue.start, earlier[-1][3], forward))
            elif found and _ALSO_BEFORE.search(text, max(0, cue.start - 8), cue.start):
                found.append((cue.start, found[-1][1], forward))  # «أفادت المجموعة بأن ... كما أشارت إلى أن»
            elif fronted and forward:
                found.append((cue.start, company_name(fronted[-1].platform, memory), forward))
            elif forward and (app_speaks := next((m for m in mentions if not m.explicit and m.end <= cue.start
                                              and not text[m.end : cue.start].strip()), None)):
                # «فالتطبيق يقول إن ...»: the app referred back to speaks for itself
                name = PLATFORM_NAMES.get(app_speaks.platform) or company_name(app_speaks.platform, memory)
                found.append((cue.start, name, forward))
            elif cue.start <= 2 and forward and memory.last_source and _THAT.match(text, cue.end):
                # «وأضاف أن المنصة ...» opening a sentence: the one who spoke in the sentence before goes on
                found.append((cue.start, memory.last_source, forward))
    for cue in sent.cat("src_verb"):
        # "Sensor Tower data show", "Itau BBA analysts wrote", "Sensor Tower's estimates put": the firm speaks
        firm = _FIRM_BEFORE.search(text, max(0, cue.start - 80), cue.start)
        if firm:
            name = clean_name(firm.group("name"))
            if name:
                found.append((cue.start, full_name(memory.short_forms.get(name, platform_name(name) or name), memory),
                              False))
                continue
        inverted = _INVERTED.match(text, cue.end) if _COMMA_BEFORE.search(text, max(0, cue.start - 3),
                                                                          cue.start) else None
        if inverted:
            name = clean_name(inverted.group("name"))
            if name:
                found.append((cue.start, full_name(memory.short_forms.get(name, platform_name(name) or name),
                                                   memory), False))
                continue
        after = _SAID_BY.match(text, cue.end) if text[cue.start : cue.end] in ("said", "says", "wrote") else None
        if after:  # "..., said Ana Lima, an analyst at Itau BBA": her firm
            found.append((cue.start, full_name(clean_name(after.group("firm")), memory), False))
            continue
        executive = _EXECUTIVE.search(text, max(0, cue.start - 90), cue.start)
        if executive:  # "Zentro's chief executive told Reuters": Zentro speaks, Reuters is told
            if executive.group("poss") or executive.group("of") or executive.group("plain"):
                name = clean_name(executive.group("poss") or executive.group("of") or executive.group("plain"))
                found.append((cue.start, full_name(memory.short_forms.get(name, platform_name(name) or name), memory),
                              True))  # "Tala's managing director said" after "Tala Data Labs": the firm in full
            else:
                ok, credited = resolve("company", None, cue.start)
                if ok:
                    found.append((cue.start, credited, True))
            continue
        if _HE_BEFORE.search(text, max(0, cue.start - 6), cue.start) and memory.last_quoted:
            found.append((cue.start, memory.last_quoted, True))  # '..., he said, adding that ...'
            continue
        if _THEY_BEFORE.search(text, max(0, cue.start - 12), cue.start):
            ok, credited = resolve("company", None, cue.start)  # "They also said ...": the company credited last
            if ok:
                found.append((cue.start, credited, True))
                continue
        # "Mercado Libre, the largest marketplace in Latin America, said": the platform before the
        # appositive speaks, not the last capitalised words inside it.
        spoken = [m for m in mentions if m.explicit and m.speaker and m.end <= cue.start
                  and cue.start - m.end <= 80 and SPEAKER_GAP_AFTER.fullmatch(text, m.end, cue.start)]
        if spoken:
            speaker = spoken[-1]
            name = company_name(speaker.platform, memory)
            corporate = _CORPORATE_AFTER.match(text, speaker.end)
            if GROUP_AFTER.match(text, speaker.end):
                name = (PLATFORM_NAMES.get(speaker.platform) or memory.names.get(speaker.platform, name)) + " Group"
            elif corporate:
                name = (PLATFORM_NAMES.get(speaker.platform) or memory.names.get(speaker.platform, name)) + " " + (
                    corporate.group("suffix"))
            found.append((cue.start, name, False))
            continue
        if _AND_BEFORE.search(text, max(0, cue.start - 5), cue.start) and found:
            found.append((cue.start, found[-1][1], True))  # "X reported ..., and said its users reached ..."
            continue
        if _AND_BEFORE.search(text, max(0, cue.start - 5), cue.start) and text[cue.start : cue.end] in ("says", "said"):
            # "Whatnot, the live-auction app, arrived in Britain in 2023 and says its sales doubled": its subject
            ok, credited = resolve("company", None, cue.start)
            if ok:
                found.append((cue.start, credited, True))
                continue
        # "the company said", "the company, which is owned by X, added": who stands before the verb
        before = [e for e in entities if 0 <= cue.start - e[1] <= 2 or (
            e[2] in ("company", "group", "same") and _RELATIVE_GAP.fullmatch(text, e[1], cue.start))]
        if before:
            kind = before[-1][2]
            if kind == "name" and _TITLE_BEFORE.search(text, max(0, before[-1][0] - 40), before[-1][0]):
                kind = "company"  # "..., chief executive Jane Doe said": her company speaks
            ok, credited = resolve(kind, before[-1][3], before[-1][0])
            if ok:
                found.append((cue.start, credited, False))
            continue
        named = _NAME_BEFORE.search(text, max(0, cue.start - 100), cue.start)
        if named and _TITLE_BEFORE.search(text, max(0, named.start() - 40), named.start()):
            ok, credited = resolve("company", None, cue.start)  # "..., chief executive Jane Doe said": her company's
            if ok:
                found.append((cue.start, credited, False))
        elif named:
            name = clean_name(named.group("name"))
            if name:
                found.append((cue.start, full_name(memory.short_forms.get(name, platform_name(name) or name), memory),
                              False))
        elif _IT_BEFORE.search(text, max(0, cue.start - 6), cue.start):
            if (text[cue.start : cue.end] in _ESTIMATE_VERBS and found and found[-1][1]
                    and found[-1][1] not in memory.companies and not platform_name(found[-1][1])):
                found.append((cue.start, found[-1][1], False))  # "X puts A at 4%, ahead of the 2% it calculates": X
                continue
            ok, credited = resolve("company", None, cue.start)  # "..., it added"
            if ok:
                found.append((cue.start, credited, False))
    for model in _MODEL_HAS.finditer(text) if "'s " in text else ():  # "Brightwater's model has X at ..."
        name = clean_name(model.group("name"))
        if name:
            found.append((model.start(), full_name(memory.short_forms.get(name, name), memory), True))
    for by_count in _BY_COUNT.finditer(text):
        name = clean_name(by_count.group("name") or by_count.group("per"))
        if name:
            found.append((by_count.start(), platform_name(name) or full_name(name, memory), False))
    found.extend(its_own_credits(text, mentions, memory) if "its own" in text else ())
    if memory.author:
        # "we estimate", «نقدر», «تقديراتنا تشير» govern what follows; "our", "us" only their own phrase
        found.extend((m.start(), memory.author, m.group() not in ("our", "Our", "us"))
                     for m in _FIRST_PERSON.finditer(text) if not any(q[0] <= m.start() < q[1] for q in sent.quotes))
    found.sort(key=lambda credit: credit[0])
    return found


def _platform_names(mentions: list[Mention], memory: Memory) -> set[str]:
    return {company_name(m.platform, memory) for m in mentions} | {
        PLATFORM_NAMES.get(m.platform, m.platform) for m in mentions}
