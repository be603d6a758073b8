"""Normalisation that keeps a way back to the original offsets.

Every later stage matches one spelling (ASCII digits, ``.``/``,`` separators, folded alef/ya/
ta-marbuta, no harakat, tatweel or bidi marks), but the spans we hand out must slice the body the
caller gave us. One-to-one replacements keep offsets; deletions are undone through a per-block
index that is built lazily, so a 1 MB body with no figures never pays for it.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from functools import lru_cache

# Characters dropped entirely: tatweel, harakat and Quranic marks, superscript alef, zero-width
# and bidi controls, soft hyphen, Arabic letter mark.
_DELETABLE = (
    "\u0640\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad"
)
# Also dropped: the hyphen and line break of a word hyphenated at a line's end ("mil-\nlion" in a scan's column)
_DELETE_RE = re.compile(f"[{_DELETABLE}]+")
_DELETE_ONE = re.compile(f"[{_DELETABLE}]")
_HYPHEN_WRAP = r"(?<=[a-z])-\n(?=[a-z])"  # searched for only in a text that has "-\n" at all
_DELETE_WRAPPED = re.compile(f"[{_DELETABLE}]+|{_HYPHEN_WRAP}")
_DELETE_ONE_WRAPPED = re.compile(f"[{_DELETABLE}]|{_HYPHEN_WRAP}")

_TABLE: dict[int, str] = {}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _TABLE[ord(_d)] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _TABLE[ord(_d)] = str(_i)
_TABLE.update(
    {
        ord("٫"): ".",  # Arabic decimal separator
        ord("٬"): ",",  # Arabic thousands separator
        ord("٪"): "%",
        ord("﹪"): "%",
        ord("％"): "%",
        ord("أ"): "ا",
        ord("إ"): "ا",
        ord("آ"): "ا",
        ord("ٱ"): "ا",
        ord("ى"): "ي",
        ord("ی"): "ي",  # Persian ya
        ord("ک"): "ك",  # Persian kaf
        ord("ة"): "ه",
        ord("«"): '"',
        ord("»"): '"',
        ord("“"): '"',
        ord("”"): '"',
        ord("„"): '"',
        ord("‘"): "'",
        ord("’"): "'",
        ord("\u00a0"): " ",
        ord("\u2007"): " ",
        ord("\u2009"): " ",
        ord("\u202f"): " ",
        ord("\t"): " ",
        ord("\r"): " ",
        ord("−"): "-",
        ord("–"): "-",
        ord("—"): "-",
    }
)

# ``str.translate`` looks every character of the body up in a dict; only a few need changing, so the
# regex finds those and the dict is consulted for them alone (about three times faster on Arabic).
_TRANSLATED = re.compile("[" + re.escape("".join(chr(code) for code in _TABLE)) + "]")
_BY_CHAR = {chr(code): value for code, value in _TABLE.items()}


def _translate(text: str) -> str:
    if len(text) > 100_000:  # a huge body may be all such characters: one call per character would not pay
        return text.translate(_TABLE)
    return _TRANSLATED.sub(lambda match: _BY_CHAR[match.group()], text)


_BLOCK = 2048
_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def ascii_lower(text: str) -> str:
    """Lower-case, keeping length, so regexes run without IGNORECASE (much faster) on the same offsets.

    ``str.lower`` is fast but can change the length of a few characters (``İ``); then only A-Z
    are lowered.
    """
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_LOWER)


@lru_cache(maxsize=20_000)
def fold(text: str) -> str:
    """Normalise a lexicon entry or query the same way bodies are (no offsets needed)."""
    return _DELETE_RE.sub("", text.translate(_TABLE))


class Normalized:
    """A normalised body plus the map from its offsets back to the original ones."""

    __slots__ = ("_block_starts", "_delete", "_identity", "_kept", "_translated", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        translated = _translate(original)
        self._translated = translated
        self._kept: dict[int, list[int]] = {}
        wrapped = "-\n" in translated
        self._delete = _DELETE_WRAPPED if wrapped else _DELETE_RE
        if not (_DELETE_ONE_WRAPPED if wrapped else _DELETE_ONE).search(translated):
            self.text = translated
            self._identity = True
            self._block_starts: list[int] = []
            return
        self._identity = False
        pieces: list[str] = []
        starts: list[int] = []
        total = 0
        for begin in range(0, len(translated), _BLOCK):
            piece = self._delete.sub("", translated[begin : begin + _BLOCK])
            starts.append(total)
            pieces.append(piece)
            total += len(piece)
        self.text = "".join(pieces)
        self._block_starts = starts

    def _kept_in_block(self, block: int) -> list[int]:
        kept = self._kept.get(block)
        if kept is None:
            begin = block * _BLOCK
            chunk = self._translated[begin : begin + _BLOCK]
            kept = []
            position = 0
            for run in self._delete.finditer(chunk):
                kept.extend(range(begin + position, begin + run.start()))
                position = run.end()
            kept.extend(range(begin + position, begin + len(chunk)))
            self._kept[block] = kept
        return kept

    def to_original(self, index: int) -> int:
        """Original offset of the normalised character at ``index`` (``len`` maps to ``len``)."""
        if self._identity:
            return index
        if index >= len(self.text):
            return len(self.original)
        # The last block starting at or before ``index``; empty blocks share a start with their
        # successor, so this always lands on the block that holds the character.
        block = bisect_right(self._block_starts, index) - 1
        kept = self._kept_in_block(block)
        return kept[index - self._block_starts[block]]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open normalised span to the original body."""
        if end <= start:
            pos = self.to_original(start)
            return pos, pos
        return self.to_original(start), self.to_original(end - 1) + 1


_SPACE_RE = re.compile(r"\s+")


def content_fingerprint(body: str) -> str:
    """SHA-256 of the body with whitespace, diacritics, digit forms and letter variants folded.

    Why: a syndicated copy that differs only in tatweel, Arabic-Indic digits or line wrapping is
    the same article and must not be counted twice.
    """
    folded = _SPACE_RE.sub(" ", fold(body)).strip().casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
