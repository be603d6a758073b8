"""Where a figure is for: the region mentions of a sentence and the one a figure takes.

A place right after "based in" / «مقرها» is a headquarters, not a market; "the region", «البلاد»
and «المملكة» refer back to the last region named; "global" only holds within its clause.
"""

from __future__ import annotations

from .candidate import Candidate
from .memory import Memory
from .numbers.quantity import Quantity
from .segments import Clause
from .sentence import Sentence, nearest

Regions = list[tuple[int, str, bool]]
"""(position, code, whether it holds only in its own clause) for each region mention."""


def region_mentions(sent: Sentence, memory: Memory) -> Regions:
    """Region mentions of a sentence, in order, back-references resolved; updates the last region named."""
    text = sent.text
    regions: Regions = []
    hq = sent.cat("hq")
    for hit in sent.hits:
        code: str | None = None
        local = False
        if hit.cat == "region":
            if any(0 <= hit.start - h.end <= 2 for h in hq) or text[hit.end : hit.end + 6] == "-based":
                continue
            code = hit.payload
        elif hit.cat == "region_global":
            code, local = "global", True
        elif hit.cat == "region_ref":
            code = memory.last_region
        elif hit.cat == "kingdom":
            code = memory.last_region if memory.last_region in ("SA", "GB", "JO", "MA", "BH") else "SA"
        if code:
            regions.append((hit.start, code, local))
            if not local:
                memory.last_region = code
    return regions


def figure_region(regions: Regions, q: Quantity, clause: Clause, prev: Candidate | None, same_source: bool,
                  memory: Memory) -> str | None:
    """The region of the figure ``q``: its clause's, the previous figure's for a continuing clause, the
    sentence's, or (when the sentence cites the same study) the previous sentence's."""
    centre = (q.start + q.end) // 2
    own_regions = [(p, c) for p, c, _local in regions if clause.start <= p < clause.end]
    region = nearest(own_regions, centre)[1] if own_regions else None
    if region is None and clause.adjunct and prev is not None:
        region = prev.region
    if region is None:
        wide = [(p, c) for p, c, local in regions if not local]
        before = [(p, c) for p, c in wide if p < q.start]
        region = before[-1][1] if before else (wide[0][1] if wide else None)
    if region is None and same_source:
        region = memory.prev_sentence_region
    return region
