"""Money: currency words after a number, codes and symbols before it, to ISO 4217.

Nouns shared by several currencies (دولار، ريال، دينار، درهم، جنيه، "pounds", "dollars") take the
country adjective; a bare one means the currency the contract's region most often writes it for
(ريال → SAR), unless the figure is for the country of another currency with that noun (a bare درهم
in Morocco is MAD): see :func:`for_region`.
"""

from __future__ import annotations

import re

from ..normalize import fold
from ..trie import trie_pattern

CURRENCY_WORDS: dict[str, str] = {}
_SHARED: dict[str, set[str]] = {}  # noun -> currencies written with it


def _currency(code: str, nouns: list[str], adjectives: list[str] | None = None, bare: bool = True) -> None:
    for noun in nouns:
        folded = fold(noun).lower()
        if bare:
            CURRENCY_WORDS[folded] = code
        _SHARED.setdefault(folded.split()[-1], set()).add(code)
        for adjective in adjectives or []:
            CURRENCY_WORDS[fold(f"{noun} {adjective}").lower()] = code


_DOLLAR = ["دولار", "دولارا", "دولارات", "دولارين", "الدولار"]
_currency("USD", _DOLLAR, ["أمريكي", "أميركي", "أمريكيا", "أميركيا"])
_currency("USD", ["dollar", "dollars", "US dollars", "U.S. dollars", "USD", "US$"])
_currency("SGD", _DOLLAR, ["سنغافوري", "سنغافوريا"], bare=False)
_currency("SGD", ["Singapore dollars", "SGD"])
_RIYAL = ["ريال", "ريالا", "ريالات"]
_currency("SAR", _RIYAL, ["سعودي", "سعوديا", "سعودية"])
_currency("SAR", ["riyal", "riyals", "Saudi riyals", "SAR"])
_currency("QAR", _RIYAL, ["قطري", "قطريا"], bare=False)
_currency("QAR", ["Qatari riyals", "QAR"])
_currency("OMR", _RIYAL, ["عماني", "عمانيا"], bare=False)
_DIRHAM = ["درهم", "درهما", "دراهم"]
_currency("AED", _DIRHAM, ["إماراتي", "إماراتيا"])
_currency("AED", ["dirham", "dirhams", "AED"])
_currency("MAD", _DIRHAM, ["مغربي", "مغربيا"], bare=False)
_POUND = ["جنيه", "جنيها", "جنيهات"]
_currency("EGP", _POUND, ["مصري", "مصريا", "مصرية"])
_currency("EGP", ["Egyptian pounds", "EGP"])
_currency("GBP", _POUND, ["إسترليني", "إسترلينيا", "استرليني", "استرلينيا"], bare=False)
_currency("GBP", ["pound", "pounds", "pounds sterling", "sterling", "GBP"])
_currency("EUR", ["يورو", "euro", "euros", "EUR", "€"])
_currency("CNY", ["يوان", "يوانا", "yuan", "renminbi", "RMB", "CNY"])
_currency("IDR", ["روبية", "روبيات"], ["إندونيسية", "اندونيسية"])
_currency("IDR", ["rupiah", "IDR"])
_currency("INR", ["روبية"], ["هندية"], bare=False)
_currency("INR", ["rupees", "rupee", "INR"])
_currency("KWD", ["دينار", "دينارا", "دنانير"], ["كويتي", "كويتيا"])
_currency("KWD", ["dinar", "dinars", "Kuwaiti dinars", "KWD"])
_currency("BHD", ["Bahraini dinars", "BHD"])
_currency("JOD", ["Jordanian dinars", "JOD"])
_currency("BHD", ["دينار", "دينارا"], ["بحريني", "بحرينيا"], bare=False)
_currency("JOD", ["دينار", "دينارا"], ["أردني", "أردنيا"], bare=False)
_DINAR = ["دينار", "دينارا", "دنانير"]
_currency("IQD", _DINAR, ["عراقي", "عراقيا"], bare=False)
_currency("DZD", _DINAR, ["جزائري", "جزائريا"], bare=False)
_currency("TND", _DINAR, ["تونسي", "تونسيا"], bare=False)
_currency("LYD", _DINAR, ["ليبي", "ليبيا"], bare=False)
_currency("JOD", ["دنانير"], ["أردنية"], bare=False)
_currency("IQD", ["Iraqi dinars", "Iraqi dinar"])
_currency("DZD", ["Algerian dinars", "Algerian dinar"])
_currency("TND", ["Tunisian dinars", "Tunisian dinar"])
_currency("JOD", ["Jordanian dinar"])
_currency("MAD", ["Moroccan dirhams", "Moroccan dirham"])
_currency("MAD", ["دراهم"], ["مغربية"], bare=False)
_currency("LBP", ["ليرة", "ليرات"], ["لبنانية"], bare=False)
_currency("SYP", ["ليرة", "ليرات"], ["سورية"], bare=False)
_currency("LBP", ["Lebanese pounds", "Lebanese pound"])
_currency("TRY", ["ليرة", "ليرات"], ["تركية"], bare=False)
_currency("JPY", ["ين", "yen", "JPY"])
_currency("MYR", ["ringgit", "MYR"])
_currency("VND", ["dong", "đồng", "VND", "₫"])
_currency("THB", ["baht", "THB"])
_currency("PHP", ["Philippine pesos", "PHP"])
_currency("MXN", ["pesos", "peso"])  # a bare peso: the country's, when the figure is for one (for_region)
_currency("PHP", ["pesos", "peso"], bare=False)
_currency("COP", ["pesos", "peso", "Colombian pesos", "COP"], bare=False)
_currency("CLP", ["pesos", "peso", "Chilean pesos", "CLP"], bare=False)
_currency("ARS", ["pesos", "peso", "Argentine pesos", "ARS"], bare=False)
_currency("NGN", ["naira", "NGN"])
_currency("TRY", ["lira", "liras", "Turkish lira", "Turkish liras", "TRY", "TL"])
_currency("ZAR", ["rand", "rands", "South African rand", "ZAR"])
_currency("ZAR", ["راند"], ["جنوب أفريقي"])
_currency("KES", ["shillings", "Kenyan shillings", "KES"])
_currency("PKR", ["Pakistani rupees", "PKR"])
_currency("MXN", ["Mexican pesos", "MXN"])
_currency("MXN", ["بيزو", "بيزوس"], ["مكسيكي", "مكسيكيا"], bare=False)
_currency("BRL", ["reais", "Brazilian reais", "BRL"])
_currency("BRL", _RIYAL, ["برازيلي", "برازيليا"], bare=False)
_currency("KES", ["شلن", "شلنات"], ["كيني", "كينيا"], bare=False)
_currency("NGN", ["نايرا", "نيرة"])
_currency("INR", ["روبية"], ["هندية"], bare=False)
_currency("KRW", ["KRW", "won", "Korean won"])
_currency("KZT", ["tenge", "KZT"])
_currency("RUB", ["rubles", "roubles", "ruble", "rouble", "RUB", "روبل"])
_currency("BDT", ["taka", "BDT"])
_currency("PKR", ["rupees", "rupee"], bare=False)  # a bare rupee: India's unless the figure is for Pakistan
_currency("JPY", ["ين"], ["ياباني"], bare=False)
# Further ISO 4217 codes written after a number ("15.2 billion PLN"); before one they are read by _CURRENCY_BEFORE.
_OTHER_CODES = ["PLN", "CZK", "HUF", "SEK", "NOK", "DKK", "CHF", "AUD", "CAD", "NZD", "HKD", "TWD", "ARS", "CLP", "COP",
                "PEN", "UAH", "RON", "ILS", "LKR", "NPR", "GHS", "MAD", "TND", "DZD", "IQD", "LBP", "SYP", "UZS"]
for _code in _OTHER_CODES:
    if _code not in ("PEN", "COP", "RON"):  # ordinary words in lower case after a number
        _currency(_code, [_code])
_currency("PLN", ["zloty", "zlotys", "złoty"])
_currency("SEK", ["kronor", "Swedish kronor"])
_currency("CHF", ["Swiss francs"])
_currency("AUD", ["Australian dollars", "A$"])
_currency("CAD", ["Canadian dollars", "C$"])
_currency("HKD", ["Hong Kong dollars", "HK$"])

CURRENCY_AFTER = re.compile(r"\s*(?P<cur>" + trie_pattern(CURRENCY_WORDS) + r")(?!\w)")
_PREFIX_CODES = {
    "us$": "USD", "s$": "SGD", "$": "USD", "£": "GBP", "€": "EUR", "¥": "CNY", "₹": "INR", "rp": "IDR",
    "rp.": "IDR", "rm": "MYR", "e£": "EGP", "sar": "SAR", "aed": "AED", "egp": "EGP", "usd": "USD",
    "eur": "EUR", "gbp": "GBP", "cny": "CNY", "rmb": "CNY", "idr": "IDR", "inr": "INR", "kwd": "KWD",
    "qar": "QAR", "bhd": "BHD", "omr": "OMR", "jod": "JOD", "mad": "MAD", "sgd": "SGD", "myr": "MYR",
    "vnd": "VND", "thb": "THB", "php": "PHP", "ngn": "NGN", "brl": "BRL", "r$": "BRL", "krw": "KRW",
    "₫": "VND", "₱": "PHP", "₦": "NGN", "฿": "THB", "₩": "KRW", "₺": "TRY", "try": "TRY", "zar": "ZAR",
    "ksh": "KES", "kes": "KES", "r": "ZAR", "mxn": "MXN", "mx$": "MXN", "kzt": "KZT", "₸": "KZT", "rub": "RUB",
    "₽": "RUB", "tk": "BDT", "bdt": "BDT", "৳": "BDT", "pkr": "PKR", "rs": "INR", "rs.": "INR", "jpy": "JPY",
    "a$": "AUD", "c$": "CAD", "hk$": "HKD", "zł": "PLN",
    # the Gulf press's own prefixes: "SR2.6 billion", "QR185", "BD12 million", "RO11.5", "KD4m", "Dh350"
    "sr": "SAR", "qr": "QAR", "bd": "BHD", "ro": "OMR", "kd": "KWD", "dh": "AED", "dhs": "AED",
}
_PREFIX_CODES.update({code.lower(): code for code in _OTHER_CODES})
# Symbols several currencies write: the figure's country decides (see for_region), else the first.
_SHARED.setdefault("¥", set()).update({"CNY", "JPY"})
_SHARED.setdefault("rs", set()).update({"INR", "PKR"})
_SHARED.setdefault("rs.", set()).update({"INR", "PKR"})
_SHARED.setdefault("₹", set()).add("INR")
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<code>US\$|S\$|E£|Rp\.?|RM|SAR|AED|EGP|USD|EUR|GBP|CNY|RMB|IDR|INR|KWD|QAR|BHD|"
    r"OMR|JOD|MAD|SGD|MYR|VND|THB|PHP|NGN|BRL|R\$|KRW|TRY|ZAR|KSh|KES|MXN|MX\$|KZT|RUB|BDT|Tk|PKR|Rs\.?|JPY"
    r"|A\$|C\$|HK\$|SR|QR|BD|RO|KD|Dhs?|" + "|".join(_OTHER_CODES) + r")"
    r"|(?P<sym>[$£€¥₹₫₱₦฿₩₺₸₽৳]))\s?\Z"
    r"|(?<![\w$.])(?P<rand>R)\Z"
)


def ambiguous(word: str) -> bool:
    """A bare currency noun that several currencies share."""
    return len(_SHARED.get(word.lower(), ())) > 1


def for_region(word: str, default: str, region: str | None) -> str:
    """The currency a bare shared noun means for a figure in ``region`` (its ISO 4217 code starts with it)."""
    if region:
        for code in _SHARED.get(word.lower(), ()):
            if code[:2] == region:
                return code
    return default


def currency_before(text: str, start: int) -> tuple[str, int] | None:
    found = currency_symbol_before(text, start)
    return (found[0], found[1]) if found else None


def currency_symbol_before(text: str, start: int) -> tuple[str, int, str | None] | None:
    """(code, start of the symbol, the symbol when several currencies write it) of a prefix before a number."""
    head = text[max(0, start - 5) : start]
    match = _CURRENCY_BEFORE.search(head)
    if not match:
        return None
    token = (match.group("code") or match.group("sym") or match.group("rand")).lower()
    return _PREFIX_CODES[token], start - (len(head) - match.start()), token if ambiguous(token) else None
