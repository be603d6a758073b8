"""Platforms outside the lexicon in Arabic text: names in Arabic script, and Latin names inside it.

An Arabic name is a platform when the text introduces it with a kind noun («منصة «نمشي»», «تطبيق
«كيتا»», «شركة «بريدفاست» لتوصيل البقالة», «منافستها «هبسي بورادا»») or puts it where a platform
stands next to a figure («تلتها «X» بـ23%», «مبيعات «X»», «تستحوذ «X» على»). Its Latin name is the
gloss the text gives («(Hepsiburada)»), else the Latin name (in the text or the lexicon) whose
consonants it spells («هبسي بورادا» ~ Hepsiburada), else a transliteration. A Latin name written
inside Arabic text (منصة Trendyol، تطبيقها Lemon8) is a platform unless the text marks it as a source.
Names after a source's kind noun (صحيفة، وكالة، شركة الأبحاث، مجموعة) are not platforms.
"""

from __future__ import annotations

import re

from .lexicon.matcher import TABLE
from .lexicon.platforms import LATIN_NAMES, PLATFORM_NAMES
from .normalize import fold
from .platforms import SOURCE_ENDINGS, Discovered, known, slug

_AR_WORD = r"[\u0621-\u064a]+"
_QUOTED_NAME = re.compile(r"\"(?P<q>[\u0621-\u064a][\u0621-\u064a ]{0,28}[\u0621-\u064a]|[\u0621-\u064a])\"")
_KIND = (r"(?:قناه(?=\s+(?:ال|لل)?تسوق)|منصه"
         r"|منصات|تطبيق|تطبيقات|متجر|متاجر|موقع|شركه|خدمه|سلسله|منافس|منافسه|منافستها|منافسيها|منافسها|غريمتها)")
_SOURCE_KIND = re.compile(
    r"(?:صحيفه|جريده|مجله|وكاله|مؤسسه|مركز|بنك|البنك|هيئه|وزاره|مجموعه|السوق|بيانات|تقرير|تقارير|دراسه|مسح"
    r"|مكتب|الابحاث|الاستشارات|التحليلات|البيانات|للابحاث|للاستشارات|الاحصاء|للاحصاء|بورصه)"
    r"(?:\s+" + _AR_WORD + r"){0,1}\s*\Z"
)
_SOURCE_MODIFIER = re.compile(r"ابحاث|استشارات|تحليلات|بيانات|اعلانات|دفع|احصاء|تصنيف")
# A name that says what the firm is: «X للأبحاث», «X للاستشارات» (a research house, not a platform).
_SOURCE_NAME_END = re.compile(r"\s(?:ل|ال)?(?:ل?ابحاث|استشارات|تحليلات|دراسات|احصاء)\Z")
# A quoted shopping event or season («الجمعة البيضاء», «موسم الرياض», «يوم العزاب»): when, not who.
_EVENT_NAME = re.compile(r"(?:ال)?(?:جمعه|موسم|عيد|يوم|ليله|اسبوع|مهرجان|عروض|تخفيضات|تنزيلات)(?:\s|\Z)")
# An encyclopedia's lead: «X (بالإنجليزية: Latin) تطبيق ...» defines a platform by its Latin name.
_DEFINED = re.compile(r"(?:^|(?<=[\n.،:]))\s*(?P<ar>" + _AR_WORD + r"(?:\s" + _AR_WORD + r"){0,2})\s*"
                      r"\(\s*بال(?:انجليزيه|انكليزيه)\s*:\s*(?P<lat>[A-Z][A-Za-z0-9.&' -]{0,40})\)"
                      r"\s*(?:هو\s+|هي\s+)?(?:تطبيق|منصه|متجر|موقع|سوق)(?!\w)", re.MULTILINE)
# Before a quoted name: its kind noun («منصة «X»», «شركة توصيل الطعام «X»»), or the place of a platform.
_INTRODUCED = re.compile(r"(?<!\w)(?:[وفبلك]{0,2}|ال)" + _KIND + r"(?P<mod>(?:\s+" + _AR_WORD + r"){0,2}?)\s+\Z")
_PLACED_AFTER = re.compile(
    r"(?<!\w)(?:[وفبلك]{0,2})(?:تلتها|تلاها|تليها|ثم|مبيعات|ايرادات|عائدات|حصه|مستخدمي|عملاء|بائعي|تجار|متسوقي"
    r"|تستحوذ|استحوذت|يستحوذ|استحوذ|تصدرت|تتصدر|تصدر|تضم|يضم|سجلت|حققت|تسيطر|يسيطر)\s+(?:ل|ب)?\Z"
)
_HOLDING = re.compile(r"\s+(?:القابضه|جروب|غروب|للتجاره الالكترونيه)\Z")
_PLACED_BEFORE = re.compile(r"\s*(?:ب|بحصه|بنسبه)\s*[0-9]")
# The kind noun in an appositive after the name: «X»، التطبيق الشامل ...، «X»، منصة التجارة ...
_KIND_AFTER = re.compile(r"\s*[،,]\s*(?:ال)?(?:تطبيق|منصه|متجر|سوق\s+الكترونيه)(?!\w)")
# A gloss: «X» (Latin), or kind noun + X (Latin).
_GLOSS_LATIN = re.compile(r"\((?P<lat>[A-Z][A-Za-z0-9.&' -]{0,40})\)")
_GLOSSED = re.compile(
    r"(?<!\w)(?:[وفبلك]{0,2}|ال)" + _KIND + r"(?P<mod>(?:\s+" + _AR_WORD + r"){0,3}?)\s+"
    r"(?:\"(?P<arq>[^\"()\n]{1,30})\"|(?P<arw>" + _AR_WORD + r"))\s*\Z"
    r"|\"(?P<arq2>[^\"()\n]{1,30})\"\s*\Z"
)
_COMMERCE_AFTER = re.compile(r"\s+(?:لل|ل)?(?:تجاره\s+الالكترونيه|تسوق)")
# A Latin name in Arabic text, of one or more words, maybe camel-cased («منصة iFood», «Mercado Libre»).
_LATIN_IN_ARABIC = re.compile(r"(?P<lat>(?:[A-Z](?<![\w(][A-Z])|[a-z](?<![\w(][a-z])(?=[A-Z]))[A-Za-z0-9]*"
                              r"(?:[.&][A-Za-z0-9]+)*(?:\s[A-Z][A-Za-z0-9]*){0,2})(?![\w)])")
_LATIN_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[A-Za-z0-9]+(?:\s[A-Z][A-Za-z0-9]+)*")
_LATIN_NOT_NAMES = {"GMV", "AOV", "CEO", "CFO", "COO", "MAU", "DAU", "SME", "SMEs", "USD", "SAR", "AED", "EGP", "KWD",
                    "QAR", "IPO", "AI", "TV", "PDF", "ID", "Q1", "Q2", "Q3", "Q4", "H1", "H2",
                    "CPM", "CPC", "CPA", "CTR", "ROAS", "ROI", "KPI", "YoY", "MoM", "QoQ"}  # ad and report terms
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")

# Consonant classes shared by an Arabic spelling and the Latin name it spells.
_AR_SKELETON = {"ب": "b", "ت": "t", "ث": "t", "ج": "g", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
                "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f", "ق": "k", "ك": "k",
                "ل": "l", "م": "m", "ن": "n", "ه": "h"}
_LATIN_DIGRAPHS = (("ph", "f"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("ck", "k"),
                   ("x", "ks"))
_LATIN_SKELETON = {"b": "b", "p": "b", "t": "t", "d": "d", "f": "f", "v": "f", "k": "k", "c": "k", "q": "k", "g": "g",
                   "j": "g", "h": "h", "r": "r", "z": "z", "s": "s", "l": "l", "m": "m", "n": "n"}
_TRANSLITERATION = {"ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
                    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a",
                    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "o",
                    "ي": "i", "ء": "", "ئ": "", "ؤ": "", " ": " "}


def arabic_skeleton(name: str) -> str:
    """Consonants of an Arabic spelling; a final ta marbuta (folded to ه) is a vowel («سلة» Salla)."""
    folded = re.sub(r"ه(?=\s|\Z)", "", fold(name))
    return _single("".join(_AR_SKELETON.get(ch, "") for ch in folded))


def latin_skeleton(name: str) -> str:
    low = name.lower()
    for pair, single in _LATIN_DIGRAPHS:
        low = low.replace(pair, single)
    return _single("".join(_LATIN_SKELETON.get(ch, "") for ch in low))


def _single(skeleton: str) -> str:
    """Doubled consonants once: Arabic writes «سلة» for Salla (the shadda is not written)."""
    return re.sub(r"(.)\1+", r"\1", skeleton)


# English words that Arabic spells in the names of English-language media and firms.
LOANWORDS = {fold(arabic): latin for arabic, latin in [
    ("نيوز", "News"), ("تايمز", "Times"), ("تايمس", "Times"), ("بوست", "Post"), ("ديلي", "Daily"), ("عرب", "Arab"),
    ("بزنس", "Business"), ("ريسيرش", "Research"), ("إنسايتس", "Insights"), ("داتا", "Data"), ("ماركت", "Market"),
    ("ماركتس", "Markets"), ("جازيت", "Gazette"), ("تريبيون", "Tribune"), ("ويكلي", "Weekly"), ("ريفيو", "Review"),
    ("جورنال", "Journal"), ("ميديا", "Media"), ("جلف", "Gulf"), ("غلف", "Gulf"), ("ديجيتال", "Digital"), ("تك", "Tech"),
    ("بلس", "Plus"),
    ("مونيتور", "Monitor"), ("كابيتال", "Capital"), ("بارتنرز", "Partners"), ("غروب", "Group"), ("جروب", "Group"),
]}


def transliterate(name: str) -> str:
    """A Latin rendering of an Arabic name, for a platform the text names in Arabic script only; English
    words it spells keep their spelling («ديجيتال بلس» Digital Plus)."""
    name = fold(name)
    words = name.split()
    if any(word in LOANWORDS for word in words):
        return " ".join(LOANWORDS.get(word) or _letters(word).capitalize() for word in words)
    return _letters(name).capitalize()


def _letters(name: str) -> str:
    out = []
    for index, ch in enumerate(name):
        if ch == "ه" and (index + 1 == len(name) or name[index + 1] == " "):
            out.append("a")  # ta marbuta, folded to ha
        elif ch == "و" and (index == 0 or name[index - 1] == " "):
            out.append("w")
        elif ch == "ي" and (index == 0 or name[index - 1] == " "):
            out.append("y")
        else:
            out.append(_TRANSLITERATION.get(ch, ""))
    return "".join(out).strip()


def _latin_for(arabic: str, in_text: list[str]) -> str:
    """The Latin name the text itself writes with these consonants, else the only such lexicon name."""
    skeleton = arabic_skeleton(arabic)
    if len(skeleton) >= 2:
        for names in (in_text, LATIN_NAMES):
            fits = {name for name in names if latin_skeleton(name) == skeleton}
            if len(fits) == 1:
                return fits.pop()
            if fits:
                break
    return transliterate(arabic)


def discover_arabic(text: str, found: Discovered) -> None:
    """Add the platforms Arabic text names (in either script) to ``found``."""
    if not _ARABIC_LETTER.search(text):
        return
    for match in _DEFINED.finditer(text) if "(بال" in text else ():
        latin = match.group("lat").strip()
        if not known(latin):  # the defined name wins over a shorter Latin read of it («Zanqa» of «Zanqa Live»)
            _add(found, match.group("ar"), latin, quoted=False)
            for name in (latin, *latin.split()[:1]):
                found.platforms[name] = found.platforms[match.group("ar")]
    for match in _GLOSS_LATIN.finditer(text) if "(" in text else ():
        glossed = _GLOSSED.search(text, max(0, match.start() - 90), match.start())
        if glossed is None:
            continue
        latin = match.group("lat").strip()
        arabic = (glossed.group("arq") or glossed.group("arw") or glossed.group("arq2") or "").strip()
        platform = _lexicon_platform(latin)
        if platform and arabic and arabic not in found.platforms and not _named_in_lexicon(arabic):
            # «طلبات» (Talabat): the Arabic spelling of a platform the lexicon knows by its Latin name (matched
            # between quotes only: «طلبات» is also the word "orders")
            found.platforms[arabic] = (platform, PLATFORM_NAMES.get(platform, latin))
            found.quoted_only.add(arabic)
            continue
        if glossed.group("arq2") and not (_COMMERCE_AFTER.match(text, match.end())
                                          or _KIND_AFTER.match(text, match.end())):
            continue  # a bare «X» (Latin) glosses sources as often as platforms («X» (Latin)، المنصة ...: one)
        if (not arabic or _SOURCE_KIND.search(text, max(0, glossed.start() - 40), glossed.start())
                or _SOURCE_MODIFIER.search(glossed.group("mod") or "") or known(latin) or _named_in_lexicon(arabic)
                or _lexicon_owner(latin)
                or latin.split()[-1].lower() in SOURCE_ENDINGS):  # «X» (Blue Reef Research): a research house
            continue
        _add(found, arabic, latin, quoted=False)
        found.platforms.setdefault(latin, found.platforms[arabic])
    latin_names: list[str] = []  # Latin names in the text and the lexicon's, read when a name needs them
    for match in _QUOTED_NAME.finditer(text) if '"' in text else ():
        arabic = match.group("q")
        if (arabic in found.platforms or _named_in_lexicon(arabic) or _SOURCE_NAME_END.search(arabic)
                or _EVENT_NAME.match(arabic)):
            continue
        holding = _HOLDING.search(arabic)
        if holding and _lexicon_owner(_gloss_of(text, match.group()) or ""):
            continue  # «بي دي دي القابضة» (PDD Holdings): an owner the lexicon knows, no platform of its own
        if holding and arabic[: holding.start()].strip():  # «طلبات القابضة»: the company of the platform «طلبات»
            base = arabic[: holding.start()].strip()
            latin = _latin_for(base, latin_names or sorted({m.group() for m in _LATIN_WORD.finditer(text)}))
            _add(found, base, latin)
            found.platforms.setdefault(arabic, found.platforms[base])
            found.quoted_only.add(arabic)
            continue
        start = match.start()
        introduced = _INTRODUCED.search(text, max(0, start - 40), start)
        placed = (_PLACED_AFTER.search(text, max(0, start - 16), start) or _PLACED_BEFORE.match(text, match.end())
                  or _KIND_AFTER.match(text, match.end()) or _coordinated(text, start, match.end(), found))
        if (introduced is None and not placed) or _known_then_place(arabic):
            continue
        lead_end = introduced.start() if introduced else start
        if (_SOURCE_KIND.search(text, max(0, lead_end - 40), lead_end) or _VENUE.search(text, max(0, start - 30), start)
                or (introduced and _SOURCE_MODIFIER.search(introduced.group("mod") or "")
                    and "مبوب" not in introduced.group("mod"))):  # «منصة الإعلانات المبوبة»: classifieds, a market
            continue
        if not latin_names:
            latin_names = sorted({m.group() for m in _LATIN_WORD.finditer(text)} - _LATIN_NOT_NAMES)
        gloss = _gloss_of(text, match.group())
        if gloss:  # «يوباي» (Ubuy) elsewhere in the text: its own Latin name, not a guess from the letters
            _add(found, arabic, gloss)
            continue
        service = _service_of(arabic, latin_names)
        if service:  # «طلبات مارت»: a service named after its platform is the platform
            found.platforms.setdefault(arabic, service)
            found.quoted_only.add(arabic)
            continue
        _add(found, arabic, _latin_for(arabic, latin_names))
    for match in _LATIN_IN_ARABIC.finditer(text):
        latin = match.group("lat")
        if (latin in _LATIN_NOT_NAMES or latin in found.platforms or known(latin) or len(latin) < 3
                or not _ARABIC_LETTER.search(text, max(0, match.start() - 3), match.start())
                or _SOURCE_KIND.search(text, max(0, match.start() - 40), match.start())
                or _VENUE.search(text, max(0, match.start() - 30), match.start())):
            continue
        found.platforms[latin] = (slug(latin), latin)


# A quoted name in a list of names: «"X" و"نون"», «"أمازون"، "X"».
_LISTED_BEFORE = re.compile(r"\"(?P<name>[^\"\n]{1,30})\"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[،,]\s*|\s*و\s*)\Z")
_LISTED_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[،,]\s*|و\s*)\"(?P<name>[^\"\n]{1,30})\"")


def _coordinated(text: str, start: int, end: int, found: Discovered) -> bool:
    """A quoted name in a list of three or more with two platforms and no other known name in it («"أمازون"
    و"نون" و"X"») is a platform too; beside one platform it may be anything (a feature, a firm)."""
    names: list[str] = []
    at = start
    while len(names) < 6 and (before := _LISTED_BEFORE.search(text, max(0, at - 80), at)):
        names.append(before.group("name").strip())
        at = before.start()
    at = end
    while len(names) < 6 and (after := _LISTED_AFTER.match(text, at)):
        names.append(after.group("name").strip())
        at = after.end()
    platforms = [name for name in names if _lexicon_platform(name) or name in found.platforms]
    return len(platforms) >= 2 and not any(_named_in_lexicon(name) for name in names if name not in platforms)


def _gloss_of(text: str, quoted: str) -> str | None:
    """The Latin gloss the text writes after any of its statements of ``quoted`` («"X" (Latin)»)."""
    at = text.find(quoted)
    while at >= 0:
        gloss = _GLOSS_LATIN.match(text, at + len(quoted) + 1 if text.startswith(" ", at + len(quoted))
                                   else at + len(quoted))
        if gloss:
            return gloss.group("lat").strip()
        at = text.find(quoted, at + 1)
    return None


def _service_of(arabic: str, in_text: list[str]) -> tuple[str, str] | None:
    """(slug, Latin name) of the platform whose name is the first word of a many-word name that spells no
    name of its own («طلبات مارت», «نون فود» is Noon Food's own)."""
    words = arabic.split()
    if len(words) < 2 or transliterate(arabic) != _latin_for(arabic, in_text):
        return None
    latin = _latin_for(words[0], in_text)
    platform = _lexicon_platform(latin)
    return (platform, PLATFORM_NAMES.get(platform, latin)) if platform else None


# The outlet a speaker talks to: «في تصريح لموقع «X»», «لصحيفة X»: a venue, never a platform.
_VENUE = re.compile(r"(?<!\w)ل(?:موقع|صحيفه|جريده|مجله|قناه|وكاله|اذاعه|منصه\s+اخباريه)\s*\"?\s*\Z")


def _lexicon_platform(latin: str) -> str | None:
    return next((entry.payload for entry in TABLE.get(fold(latin).lower(), ()) if entry.cat == "platform"), None)


def _lexicon_owner(latin: str) -> bool:
    return any(entry.cat == "owner" for entry in TABLE.get(fold(latin).lower(), ()))


def _known_then_place(name: str) -> bool:
    """«أمازون مصر», «نون السعودية»: a platform the lexicon knows and the market it serves."""
    words = name.split()
    return len(words) > 1 and any(
        _named_in_lexicon(" ".join(words[:cut])) and _named_in_lexicon(" ".join(words[cut:]))
        for cut in range(1, len(words)))


def _named_in_lexicon(name: str) -> bool:
    """A platform, owner, source or place the lexicon knows (an ordinary word such as «طلبات» may be a brand)."""
    return any(entry.cat in _NAME_CATEGORIES for entry in TABLE.get(fold(name).lower(), ()))


_NAME_CATEGORIES = {"platform", "owner", "org", "region", "region_global", "region_ref", "kingdom"}


def _add(found: Discovered, arabic: str, latin: str, quoted: bool = True) -> None:
    """A name found between quotes is matched between quotes only: many Arabic brands are ordinary words
    («طلبات» "orders", «جاهز» "ready", «سلة» "basket")."""
    found.platforms.setdefault(arabic, (slug(latin), latin))
    if quoted:
        found.quoted_only.add(arabic)
