"""Platforms outside the lexicon, recognised by how the text uses their names (Latin script).

The contract slugs any platform by its Latin name. A closed list cannot be the only way a platform
is recognised, so a capitalised name counts as a platform when the text uses it as one:

- introduced as one: an appositive or copula naming a marketplace/app/channel ("Depop, the
  London-based resale app,", "Hepsiburada is a Turkish e-commerce platform", "Zid, a rival store
  builder,"), the kind noun before it ("the resale platform Poshmark"), "rival X", "X-owned Y";
- in the place of a platform next to a figure: its possessive before a metric ("Zentro's GMV",
  "Zentro's average basket"), after a metric and "on/at" ("sales on Zentro"), the subject of a
  commerce verb with a figure after it ("Zentro shipped 20 million orders"), or a figure's
  comparator ("₹290 for Zentro", "followed by Zentro at 19%").

A name that the text marks as a source (a research house, a newspaper, "analysts at X", a name
ending in Research, Securities, Daily...) or as an addressee ("told X", "in an interview with X")
is never a platform; nor is a region, a month or a function word. Arabic-script names are
:mod:`.arabic_names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon.matcher import TABLE
from .normalize import fold

X_CONTEXT = re.compile(r"twitter|تويتر|x corp|formerly|سابقا")  # searched in lowered text

_TOKEN = r"(?:[A-Z][A-Za-z0-9]*(?:[.&][A-Za-z0-9]+)*|[ei][A-Z][A-Za-z0-9]*)"
_NAME = _TOKEN + r"(?:\s" + _TOKEN + r"){0,3}"
_KIND_NOUN = (r"(?:(?:online|e-commerce|shopping|social|live[- ]?shopping|resale|fashion|grocery|food|delivery"
              r"|video|classifieds|TV|television|home[- ]shopping)\s+)*"
              r"(?:marketplace|app|platform|e-commerce site|shopping site|online store|online retailer|e-tailer"
              r"|retailer|social network|super-?app|storefront|shopping service|shopping channel|channel"
              r"|store builder|rival|competitor|challenger|delivery service|classifieds site|online arm"
              r"|e-commerce arm)s?")
_SOURCE_KINDS = re.compile(r"(?<!\w)(?:data|analytics|research|intelligence|measurement|payments?|advertising|ad"
                           r"|consultancy|consulting|newspaper|paper|magazine|agency|broker|brokerage|bank"
                           r"|البيانات|الأبحاث|الابحاث|التحليلات|الاستشارات|الإعلانات|الاعلانات|الدفع)(?!\w)",
                           re.IGNORECASE)
# Words that say what a figure measures, as they stand next to a platform's name.
_METRIC_WORD = (r"(?:GMV|gross merchandise (?:value|volume)|merchandise (?:value|volume)|(?:gross |net |online )?sales"
                r"|revenues?|turnover|orders|users|customers|buyers|sellers|merchants|vendors|shoppers|basket"
                r"|average order(?: value)?|order value|market share|share|conversion(?: rate)?|active users"
                r"|monthly active users|daily active users|viewers|subscribers|audience)")
# The first character first, the look-behind after it: the engine then skips to candidate letters at C speed.
_CAP_NAME = re.compile(r"[A-Zei](?<![\w.'-].)(?:(?<=[A-Z])[A-Za-z0-9]*(?:[.&][A-Za-z0-9]+)*|(?<=[ei])[A-Z][A-Za-z0-9]*)"
                       r"(?:\s" + _TOKEN + r"){0,3}(?![\w])")
# What stands after a name that the text uses as a platform's.
_AFTER = re.compile(
    # "Zentro, the London-based resale app,": an appositive naming its kind
    r",\s+(?P<appos_mod>(?:the|a|an|its|[A-Z][\w.-]*'s)(?:\s+[\w'-]+){0,5}?)\s+" + _KIND_NOUN
    + r"(?=\s*[,;.)]|\s+-|\s+(?:that|which|who|with|for|in|of|from|based|owned|backed|known|built|designed|aimed"
    r"|focused|popular|run|operated|selling|serving|offering)(?!\w))"
    # "Zentro is a Turkish e-commerce platform"
    r"|\s+(?:is|was|has become|remains)\s+(?P<cop_mod>(?:the|a|an|[A-Z][\w.-]*'s)(?:\s+[\w'-]+){0,5}?)\s+"
    + _KIND_NOUN + r"(?!\w)"
    # "Zentro's GMV", "Zentro's Indonesian orders", "Zentro's marketplace", "Zentro's chief executive"
    r"|(?P<poss>'s\s+(?!(?:[\w-]+\s+){0,2}?(?:largest|biggest|leading|top|main|second-largest|fastest-growing|own)"
    r"(?!\w))(?:[\w-]+\s+){0,2}?(?:" + _METRIC_WORD + r"|marketplace|app|platform|store|shop|site|website"
    r"|live streams?|streams|broadcasts|channel|chief executive|chief operating officer|chief financial officer"
    r"|CEO|COO|CFO|president|founder|head of|boss|managing director|chief commercial officer"
    r"|spokes(?:person|man|woman))(?!\w))"
    # "Naspers-owned Zentro": the owner, not a platform
    r"|(?P<owner>-(?:owned|backed|controlled)(?!\w))"
    # "Zentro shipped about 20 million orders": a commerce verb with a figure after it, maybe after a
    # relative clause or an appositive ("Zentro, which is owned by X, had ...")
    r"|(?P<verb>(?:,\s+(?:which|who|owned|backed|controlled|run|founded|launched)\s[^,;.]{1,80},)?\s+"
    r"(?:now\s+|also\s+|still\s+)?(?:(?:has|had|have|counts|counted|shipped|sold|handled|delivered|hosts"
    r"|hosted|averaged|posted|recorded|holds|held|took|takes|captured|commands|commanded|leads|led|generated|booked"
    r"|processed|served|attracts|attracted|boasts|reached|logged|registered|claims|claimed|controls|controlled"
    r"|accounts for|accounted for|is running|runs|grew|rose|saw|fell|doubled|tripled)(?!\w)[^.;:\n]{0,60}?"
    r"[0-9$£€¥₹%]"
    # "Zentro reported 30 million active customers", "Zentro posted revenue of $2bn"
    r"|(?:reported|posted|announced|disclosed)(?=[^.;:\n]{0,40}?[0-9$£€¥₹%])\s+(?:[\w.,$£€¥₹%-]+\s+){0,3}?"
    + _METRIC_WORD + r"(?!\w)))"
    # "Zentro, meanwhile, said it received 145 million orders": what the speaker says it did is a platform's
    # "Zentro itself told the consultancy it had ...": what it tells someone, too
    r"|(?P<said>(?:,\s+\w+,|\s+itself)?\s+(?:said|says|reported|announced|told(?:\s+[\w-]+){1,4}?)\s+(?:that\s+)?it\s+"
    r"(?:now\s+)?(?:had|has|received"
    r"|shipped|sold|handled|processed|served|delivered|hosts|hosted|counts|counted)(?!\w)(?!\s+been\b)[^.;:\n]{0,40}?[0-9$£€¥₹])"
    # "Zentro was second with $310 million", "Zentro third at 9%": a place in a ranking of figures
    r"|(?P<rank>\s+(?:(?:was|is|came|ranked|placed|came in|finished)\s+)?(?:first|second|third|fourth|fifth|next|last)"
    r"\s+(?:with|at|on)\s+(?:about\s+|around\s+|roughly\s+|some\s+)?(?:[$£€¥₹₦]|[A-Z]{1,3}\$?\s?)?[0-9])"
    # "followed by Zentro at 19%"
    r"|(?P<at>\s+(?:at|with)\s+(?:about\s+|around\s+|roughly\s+)?(?:[$£€¥₹₦]|[A-Z]{1,3}\$?\s?)?[0-9])"
)
_BEFORE = re.compile(
    r"(?:(?P<kind>(?<![\w-])(?:marketplace|platform|app|super-app|superapp|e-commerce site|retailer|channel|arm|unit"
    r"|subsidiary"
    r"|(?:chief executive|chief operating officer|CEO|COO|president|founder|head|boss|spokes\w+) of))"
    r"|(?P<owned>-(?:owned|backed|controlled))"
    r"|(?P<on>(?<!\w)(?:" + _METRIC_WORD + r"|bought|sold|buy|sell|buying|selling|spent|spend|shop|shopped|shopping"
    r"|orders placed|streams)\s+(?:on|at|through|via|across))"
    r"|(?P<for>[0-9%](?:\s*(?:%|percent|million|billion|trillion|crore|lakh|bn|mn|m|k))?\s+(?:for|at))"
    r"|(?P<list>(?<!\w)(?:followed by|then|ahead of|behind|trailed by|and))"
    r"|(?P<addressee>(?<!\w)(?:told|spoke to|speaking to|interview with|according to|data from|figures from"
    r"|analysts at|analysts from|estimates by|research by|report by|cited by|quoted by|reported by|survey by"
    r"|study by|per)(?:\s+the)?))\s+\Z"
)
_HEADING = re.compile(r"(?:\A|\n)\s*(?P<name>[A-Z]{2,6}(?:\s[A-Z]{2,6})?)\.\s")
_CLAUSE_START = re.compile(r"(?:\A|[.;:!?,(\"]\s+|\"|\n|(?<!\w)(?:that|while|and|estimate|expect)\s+)"
                           r"(?:[A-Z][\w.&-]*'s\s+)?\Z")
_PRE_MODIFIERS = re.compile(r"(?:[a-z][\w'-]*\s+){0,3}\Z")
SOURCE_ENDINGS = {
    "research", "securities", "partners", "analytics", "insights", "data", "lab", "labs", "journal", "daily",
    "news", "newswire", "wire", "times", "post", "gazette", "review", "press", "agency", "bureau", "office",
    "statistics", "bank", "capital", "advisors", "advisory", "consulting", "consultancy", "intelligence",
    "observatory", "institute", "association", "council", "commission", "ministry", "authority", "exchange",
    "economics", "ratings", "equity", "equities", "markets", "monitor", "tracker", "reports", "survey",
    "university", "courier", "tribune", "herald", "telegraph", "standard", "chronicle", "magazine", "weekly",
    "group", "holdings", "limited", "ltd", "inc", "corp", "corporation", "plc", "ag", "sa", "ventures", "fund",
}
_NOT_NAMES = {"the", "a", "an", "it", "its", "this", "that", "however", "meanwhile", "still", "now", "yet", "but",
              "and", "also", "instead", "today", "monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "in", "on", "at", "for", "with", "analysts", "we",
              "our", "us", "they", "their", "he", "she", "his", "her", "i", "you", "my", "shares", "sales",
              "revenue", "orders", "users", "shoppers", "consumers", "customers", "merchants", "sellers", "gmv",
              "separately", "overall", "globally", "rival", "rivals", "both", "all", "some", "most", "many", "each",
              "every", "one", "two", "three", "q1", "q2", "q3", "q4", "h1", "h2", "ceo", "cfo", "coo", "chief",
              "executive", "president", "if", "when", "while", "as", "by", "from", "to", "of", "is", "was",
              "sources", "people", "officials", "government", "statistics", "volumes", "basket", "conversion",
              "valuation", "outlook", "take", "results", "key", "note", "orders.", "after", "before", "since",
              "about", "nearly", "around", "more", "less", "over", "under", "up", "down", "last", "next", "total",
              "gross", "net", "average", "monthly", "daily", "annual", "quarterly", "online", "e-commerce",
              "social", "live", "tv", "asked", "according", "there", "here", "not", "no", "so", "then", "than"}


# A job title is no platform's name ("Group CFO, Swiggy").
_TITLE_WORD = re.compile(r"(?<![A-Za-z])(?:CEO|CFO|COO|CTO|Chief|Officer|President|Director|Manager|Head|Founder"
                         r"|Chairman|Chairwoman|Analyst|Editor|Reporter)(?![A-Za-z])")


@dataclass(slots=True)
class Discovered:
    """Names of the text's platforms that the lexicon lacks, and the short forms the text uses."""

    platforms: dict[str, tuple[str, str]] = field(default_factory=dict)  # alias as written -> (slug, Latin name)
    quoted_only: set[str] = field(default_factory=set)  # aliases that are ordinary words: matched in quotes only
    short_forms: dict[str, str] = field(default_factory=dict)  # "SDL" -> "Saigon Data Lab"
    companies: set[str] = field(default_factory=set)  # names the text calls an owner or parent company
    owned: dict[str, str] = field(default_factory=dict)  # platform as written -> the company the text says owns it


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(name).lower()).strip("_")


def known(name: str) -> bool:
    return fold(name).lower() in TABLE


def _is_region(word: str) -> bool:
    return any(entry.cat in ("region", "region_global") for entry in TABLE.get(fold(word).lower(), ()))


def clean_platform_name(raw: str) -> str:
    """A candidate name without leading function words and trailing region words ("QVC US" -> "QVC")."""
    words = raw.split()
    while words and (words[0].lower() in _NOT_NAMES or _is_region(words[0])):
        words.pop(0)
    while len(words) > 1 and _is_region(words[-1]):
        words.pop()
    return " ".join(words).rstrip(".")


def _source_like(name: str) -> bool:
    words = name.split()
    return words[-1].lower() in SOURCE_ENDINGS or any(
        entry.cat in ("org", "owner") for entry in TABLE.get(fold(name).lower(), ()))


_FIRM_ENDING = "|".join(sorted((w.title() for w in SOURCE_ENDINGS if len(w) > 2), key=len, reverse=True))


def _shortens_a_firm(name: str, text: str) -> bool:
    """"Bayanihan" where the text also writes "Bayanihan Data Labs": the firm's short name, no platform."""
    if " " in name or name + " " not in text:
        return False
    return re.search(r"(?<![\w.'-])" + re.escape(name) + r"(?:\s[A-Z][\w&.-]*){0,2}\s(?:" + _FIRM_ENDING
                     + r")(?!\w)", text) is not None


def discover_latin(text: str, found: Discovered) -> None:
    """Add the Latin-script platforms ``text`` introduces or uses as platforms to ``found``."""
    not_platforms: set[str] = set()
    candidates: list[str] = []
    for match in _CAP_NAME.finditer(text):
        raw, start, end = match.group(), match.start(), match.end()
        words = raw.split()
        if words[0] in ("Rival", "Rivals") and len(words) > 1:  # "Rival Zentro reported ..."
            candidates.append(" ".join(words[1:]))
            continue
        before = _BEFORE.search(text, max(0, start - 48), start)
        if before and before.group("addressee"):
            not_platforms.add(clean_platform_name(raw))
            continue
        after = _AFTER.match(text, end + 1 if text.startswith('"', end) else end)  # '"Zentro" reported'

        if after:
            modifiers = after.group("appos_mod") or after.group("cop_mod") or ""
            if _SOURCE_KINDS.search(modifiers) or after.group("owner"):
                not_platforms.add(clean_platform_name(raw))
                continue
            verb_not_at_start = (after.group("verb") or after.group("said")) and not _CLAUSE_START.search(
                text, max(0, start - 12), start)
            if verb_not_at_start or (after.group("at") and not (before and before.group("list"))):
                after = None
        if before and before.group("kind"):
            modifiers_match = _PRE_MODIFIERS.search(text, max(0, before.start() - 60), before.start())
            if modifiers_match and _SOURCE_KINDS.search(modifiers_match.group()):
                continue
        if after or (before and not before.group("list")) or _coordinated(text, start, end):
            candidates.append(raw)
    # "HSN. Quarterly revenue came in at ...": a capitals name as a paragraph's heading in a note
    candidates.extend(m.group("name") for m in _HEADING.finditer(text))
    for raw in candidates:
        name = clean_platform_name(raw)
        store = _COUNTRY_STORE.fullmatch(name)
        if store and known(store.group("base")):  # "Amazon.co.za", "Amazon.in": the platform's local store
            found.platforms.setdefault(name, (lexicon_slug(store.group("base")), store.group("base")))
            continue
        if (len(name) < 2 or name in not_platforms or name.lower() in _NOT_NAMES or _source_like(name)
                or _TITLE_WORD.search(name) or _shortens_a_firm(name, text)
                or known(name) or any(known(word) for word in name.split())):
            continue
        found.platforms.setdefault(name, (slug(name), name))
    if "owne" in text or "backed" in text or "parent" in text or "controlled" in text:
        found.companies.update(_owner_names(text))
        for match in _OWNED_BY_AFTER.finditer(text) if "owned by" in text else ():
            # "Takealot, the Cape Town-based online retailer owned by Naspers": Naspers owns Takealot
            platform = match.group("platform")
            if platform in found.platforms or known(platform):
                found.owned.setdefault(platform, clean_platform_name(match.group("owner")))
    _short_forms(text, found)


_COUNTRY_STORE = re.compile(r"(?P<base>[A-Z][A-Za-z]+)\.(?:com?\.)?(?:[a-z]{2}|com)")
_OWNED_BY_AFTER = re.compile(r"(?<![\w.'-])(?P<platform>" + _NAME + r"),\s+(?:the|a|an)\s[^,;.()]{0,70}?\s"
                             r"(?:owned|controlled)\s+by\s+(?P<owner>" + _NAME + r")")


def lexicon_slug(name: str) -> str:
    entry = next((e for e in TABLE.get(fold(name).lower(), ()) if e.cat == "platform"), None)
    return entry.payload if entry is not None else slug(name)


# Names coordinated with a platform the lexicon knows: "QVC and HSN are bigger", "Zentro, Shopee and Lazada".
_COORD_BEFORE = re.compile(r"(?P<k>" + _TOKEN + r"(?:\s" + _TOKEN + r")?)(?:\s*,\s*|\s+(?:and|or|&)\s+)\Z")
_COORD_AFTER = re.compile(r"(?:\s*,\s*|\s+(?:and|or|&)\s+)(?P<k>" + _TOKEN + r"(?:\s" + _TOKEN + r")?)(?![\w'])")


def _is_platform(name: str) -> bool:
    return any(entry.cat == "platform" for entry in TABLE.get(fold(name).lower(), ()))


def _coordinated(text: str, start: int, end: int) -> bool:
    before = _COORD_BEFORE.search(text, max(0, start - 30), start)
    after = _COORD_AFTER.match(text, end)
    return bool((before and _is_platform(before.group("k"))) or (after and _is_platform(after.group("k"))))


# Patterns that open with literals, so the engine skips to them at C speed; the name before "-owned" is
# read back from there.
_OWNER_OF = re.compile(r"(?:parent(?: company)?|owner|owned by|backed by|controlled by)\s+(?P<name>" + _NAME + r")")
_OWNED = re.compile(r"-(?:owned|backed|controlled)(?!\w)")
_NAME_AT_END = re.compile(r"(?<![\w.'-])(?P<name>" + _NAME + r")\Z")


def _owner_names(text: str) -> list[str]:
    """Companies the text names as an owner: "parent company X", "owned by X", "X-owned"."""
    names = [m.group("name") for m in _OWNER_OF.finditer(text) if not (m.start() and text[m.start() - 1].isalnum())]
    for m in _OWNED.finditer(text):
        before = _NAME_AT_END.search(text, max(0, m.start() - 60), m.start())
        if before:
            names.append(before.group("name"))
    return [clean_platform_name(name) for name in names]


# "Saigon Data Lab (SDL)", "ecommerceIQ (eIQ)": found from the bracket, the full name read back from it.
_SHORT_IN_BRACKETS = re.compile(r"\s\((?P<short>[A-Za-z](?:[A-Za-z0-9]|&(?=[A-Za-z])){1,7})\)")
_FULL_BEFORE = re.compile(r"(?P<full>[\w&.'-]+(?:\s(?:&\s)?[A-Z][\w&.'-]*){0,4})\Z")
_CAPS_TOKEN = re.compile(r"[A-Z](?<![\w.][A-Z])[A-Z0-9]{1,5}(?![\w])")


def _letters_in_order(short: str, full: str) -> bool:
    position = 0
    for letter in short:
        position = full.find(letter, position) + 1
        if position == 0:
            return False
    return True


def _short_forms(text: str, found: Discovered) -> None:
    """"Saigon Data Lab (SDL)"; and a capitals token standing for a many-word platform ("JTV")."""
    for match in _SHORT_IN_BRACKETS.finditer(text) if "(" in text else ():
        before = _FULL_BEFORE.search(text, max(0, match.start() - 60), match.start())
        if before is None:
            continue
        full = clean_platform_name(before.group("full"))
        short = match.group("short")
        if full and short.lower() != full.lower() and _letters_in_order(short.lower().replace("&", ""),
                                                                        full.lower()):
            found.short_forms.setdefault(short, full)
            if full in found.platforms:
                found.platforms.setdefault(short, found.platforms[full])
    long_names = [name for name in found.platforms if " " in name]
    for match in _CAPS_TOKEN.finditer(text) if long_names else ():
        token = match.group()
        if known(token) or found.platforms.get(token, (None,))[0] in {found.platforms[n][0] for n in long_names}:
            continue
        fits = [name for name in long_names if token[0] == name[0] and _letters_in_order(
            token.lower(), name.lower()) and _letters_in_order("".join(w[0] for w in name.split()).lower(),
                                                               token.lower())]
        if len(fits) == 1:
            found.platforms[token] = found.platforms[fits[0]]
            found.short_forms.setdefault(token, fits[0])


def merge_extensions(found: Discovered, glosses: dict[str, str] | None = None) -> None:
    """A discovered name that extends another platform's name is that platform's service ("Yassir Express" after
    «ياسير» (Yassir), «كريم كويك» after «كريم» (Careem)): the same platform; a glossed name it extends is then
    that platform too."""
    for arabic, latin in (glosses or {}).items():
        extends = (latin + " ", arabic + " ")
        if arabic not in found.platforms and any(name.startswith(extends) for name in found.platforms):
            found.platforms[arabic] = found.platforms.setdefault(latin, (lexicon_slug(latin), latin))
    names = sorted(found.platforms, key=len)
    for name in names:
        if " " not in name:
            continue
        base = next((other for other in names if len(other) < len(name) and name.startswith(other + " ")), None)
        if base is not None:
            found.platforms[name] = found.platforms[base]
            continue
        first = name.split()[0]
        if _is_platform(first):
            found.platforms[name] = (lexicon_slug(first), first)


def alias_matcher(found: Discovered) -> re.Pattern[str] | None:
    """One pattern for the discovered aliases; an alias that is an ordinary word only between quotes."""
    if not found.platforms:
        return None
    free = sorted((a for a in found.platforms if a not in found.quoted_only), key=len, reverse=True)
    quoted = sorted(found.quoted_only, key=len, reverse=True)
    alternatives = []
    if free:
        # Arabic aliases may carry one or two clitic letters («لبيندوودو», «وبيندوودو»).
        alternatives.append(r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وفبلك]{2}))(?P<n>"
                            + "|".join(re.escape(a) for a in free) + r")(?!\w)")
    if quoted:
        alternatives.append(r"(?<=\")(?P<q>" + "|".join(re.escape(a) for a in quoted) + r")(?=\")")
    return re.compile("|".join(alternatives))
