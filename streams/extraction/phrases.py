"""The phrase of a word list that ends right before a position, found from its last words.

Why not a regex anchored at the position: searching back with ``(...)\\s*\\Z`` tries the pattern at
every character of the window; looking the last one to four words up in a set costs a split.
"""

from __future__ import annotations

from collections.abc import Collection

_PUNCTUATION = "\"'([«"


def phrase_before(low: str, position: int, phrases: Collection[str], reach: int = 40,
                  longest: int = 4) -> tuple[str, int] | None:
    """(phrase, its start) of the longest phrase of ``phrases`` ending just before ``position`` (spaces
    between them and ``position`` allowed), or None. ``phrases`` are lower-case, single-spaced."""
    begin = max(0, position - reach)
    window = low[begin:position]
    words = window.split()
    if begin and words and not low[begin - 1].isspace() and not window[0].isspace():
        words.pop(0)  # a word cut by the window
    for count in range(min(longest, len(words)), 0, -1):
        phrase = " ".join(words[-count:]).lstrip(_PUNCTUATION)
        if phrase in phrases:
            at = window.rstrip().rfind(phrase)
            if at >= 0 and window.rstrip().endswith(phrase):
                return phrase, begin + at
    return None
