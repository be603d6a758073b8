"""Which signal ids a window engine has counted: redelivered signals are not counted twice.

An id lives until every window containing its event has closed (after that a redelivery is
late anyway) or until `limit` newer ids push it out; both leave oldest first, so ids are kept
in arrival order with a running sequence number, which is what lets the store persist only the
ids added and a "removed below" mark instead of the whole set each commit.
"""

from __future__ import annotations

import itertools
from collections import deque


class SeenSignalIds:
    """Signal id → the watermark at which it expires, oldest first."""

    __slots__ = ("exported_seq", "fifo", "front_seq", "limit", "seen")

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("dedup_max must be at least 1")
        self.limit = limit
        self.seen: dict[str, int] = {}
        """Read and written directly by `WindowEngine.apply` (one lookup per signal)."""
        self.fifo: deque[str] = deque()
        self.front_seq = 0
        """Sequence number of the oldest id kept."""
        self.exported_seq = 0
        """Sequence number of the first id not exported yet."""

    def clear(self) -> None:
        self.seen.clear()
        self.fifo.clear()
        self.front_seq = self.exported_seq = 0

    def __len__(self) -> int:
        return len(self.seen)

    def evict(self) -> None:
        """Forget the oldest ids beyond `limit`."""
        seen, fifo = self.seen, self.fifo
        while len(seen) > self.limit:
            del seen[fifo.popleft()]
            self.front_seq += 1

    def expire_through(self, watermark: float) -> None:
        """Forget the ids whose windows have all closed."""
        seen, fifo = self.seen, self.fifo
        while fifo and seen[fifo[0]] <= watermark:
            del seen[fifo.popleft()]
            self.front_seq += 1

    def export(self, full: bool) -> tuple[list[tuple[int, str, int]], int]:
        """(ids added since the previous export as (seq, id, expiry), every seq below this is gone)."""
        end_seq = self.front_seq + len(self.fifo)
        first_new = self.front_seq if full else max(self.exported_seq, self.front_seq)
        new = list(itertools.islice(reversed(self.fifo), end_seq - first_new))
        new.reverse()
        seen = self.seen
        added = [(first_new + i, sid, seen[sid]) for i, sid in enumerate(new)]
        self.exported_seq = end_seq
        return added, self.front_seq

    def restore(self, ids: list[tuple[int, str, int]]) -> None:
        """Take back stored ids (oldest first, as exported); the store holds all of them."""
        self.clear()
        if ids:
            self.front_seq = ids[-1][0] + 1 - len(ids)
            for _seq, sid, expires in ids:
                self.seen[sid] = expires
                self.fifo.append(sid)
        self.exported_seq = self.front_seq + len(self.fifo)
