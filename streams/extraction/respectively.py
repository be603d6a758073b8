"""Lists paired by "respectively" («على التوالي»): the n-th figure belongs to the n-th platform named.

"ranks WhatsApp, Instagram and YouTube at 6.1%, 2.4% and 1.7% respectively" states three figures of one
metric, one for each platform in the order they are named; the nearest-name rules would give them all to
the last platform named.
"""

from __future__ import annotations

import re

from .mentions import Mention
from .normalize import fold
from .numbers.quantity import Quantity

_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+و\s*)")
_RESPECTIVELY = re.compile(r"(?:\s+[\w-]+){0,3}?\s*,?\s*(?:respectively|" + fold("على التوالي") + r")(?!\w)")


def respective_platforms(text: str, quantities: list[Quantity], mentions: list[Mention]) -> dict[int, str]:
    """Index of each quantity in a "respectively" list -> the platform named in its place."""
    if "respectively" not in text and fold("التوالي") not in text:
        return {}
    paired: dict[int, str] = {}
    first = 0
    for index in range(1, len(quantities) + 1):
        if index < len(quantities) and _LIST_GAP.fullmatch(text, quantities[index - 1].end, quantities[index].lead):
            continue
        run = quantities[first:index]
        if len(run) > 1 and len({q.unit for q in run}) == 1 and _RESPECTIVELY.match(text, run[-1].end):
            named = list(dict.fromkeys(m.platform for m in mentions
                                       if m.explicit and not m.owner and m.end <= run[0].lead))
            if len(named) == len(run):
                paired.update({first + offset: platform for offset, platform in enumerate(named)})
        first = index
    return paired
