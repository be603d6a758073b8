"""Newspapers, agencies and firms named in Arabic script: the Latin name a source is credited by."""

from __future__ import annotations

from .arabic_names import LOANWORDS, transliterate
from .lexicon.platforms import PUBLICATIONS_AR
from .normalize import fold


def publication_name(arabic: str) -> str:
    """A newspaper or agency named in Arabic: its known Latin name, else a transliteration («الاقتصادية»)."""
    folded = fold(arabic).strip()
    known = PUBLICATIONS_AR.get(folded)
    if known:
        return known
    if any(word in LOANWORDS for word in folded.split()):  # «عرب نيوز» Arab News
        return transliterate(folded)
    if folded.startswith("ال"):
        return "Al " + transliterate(folded[2:])
    return transliterate(folded)
