"""Newspapers, agencies and firms named in Arabic script: the Latin name a source is credited by."""

from __future__ import annotations

from .arabic_names import transliterate
from .lexicon.platforms import PUBLICATIONS_AR
from .normalize import fold


def publication_name(arabic: str) -> str:
    """A newspaper or agency named in Arabic: its known Latin name, else a transliteration («الاقتصادية»)."""
    folded = fold(arabic).strip()
    known = PUBLICATIONS_AR.get(folded)
    if known:
        return known
    words = folded.split()
    if len(words) > 1 and any(fold(w) in _MEDIA_WORDS for w in words):  # «عرب نيوز» Arab News
        return " ".join(_MEDIA_WORDS.get(w) or transliterate(w) for w in words)
    if folded.startswith("ال"):
        return "Al " + transliterate(folded[2:])
    return transliterate(folded)


# English words that Arabic spells in the names of English-language media and firms.
_MEDIA_WORDS = {fold(arabic): latin for arabic, latin in [
    ("نيوز", "News"), ("تايمز", "Times"), ("تايمس", "Times"), ("بوست", "Post"), ("ديلي", "Daily"), ("عرب", "Arab"),
    ("بزنس", "Business"), ("ريسيرش", "Research"), ("إنسايتس", "Insights"), ("داتا", "Data"), ("ماركت", "Market"),
    ("ماركتس", "Markets"), ("جازيت", "Gazette"), ("تريبيون", "Tribune"), ("ويكلي", "Weekly"), ("ريفيو", "Review"),
    ("جورنال", "Journal"), ("ميديا", "Media"), ("جلف", "Gulf"), ("غلف", "Gulf"), ("ديجيتال", "Digital"), ("تك", "Tech"),
    ("مونيتور", "Monitor"), ("كابيتال", "Capital"), ("بارتنرز", "Partners"), ("غروب", "Group"), ("جروب", "Group"),
]}
