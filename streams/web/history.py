"""Recent windows as the live page saw them.

The engine keeps open windows and the last final per series, not a history; a chart of the
last 30 minutes needs one. The web layer snapshots `WindowWorker.query` every few seconds (and on
every `/api/overview`) and keeps the latest row per window cell, a bounded number of windows per
(window size, platform). A 1m window is open for a minute plus its grace, so 2 s snapshots see
every one the worker produces in real time; windows replayed faster than that (a backlog) show
only as their last final. Per worker: after a rebalance it shows what this worker held.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import datetime

from models import WindowAggregate

Cell = tuple[str, str | None, str]
"""(metric, region, unit)"""


class History:
    def __init__(self, keep: int = 240, follow_s: float = 300.0) -> None:
        self.keep = keep
        self.follow_s = follow_s
        self._rows: dict[tuple[str, str], dict[datetime, dict[Cell, WindowAggregate]]] = {}
        self._requested: dict[str, float] = {}

    def record(self, rows: Iterable[WindowAggregate]) -> None:
        """The engine's current view of these cells replaces what was recorded before."""
        trim: set[tuple[str, str]] = set()
        for row in rows:
            key = (row.window, row.platform)
            starts = self._rows.setdefault(key, {})
            starts.setdefault(row.window_start, {})[(row.metric, row.region, row.unit)] = row
            if len(starts) > self.keep:
                trim.add(key)
        for key in trim:
            starts = self._rows[key]
            for start in sorted(starts)[: len(starts) - self.keep]:
                del starts[start]

    def rows(self, window: str, platform: str, last: int) -> list[WindowAggregate]:
        starts = self._rows.get((window, platform), {})
        out: list[WindowAggregate] = []
        for start in sorted(starts)[-last:] if last > 0 else []:
            out.extend(starts[start].values())
        return out

    def platforms(self) -> set[str]:
        return {platform for (_, platform), starts in self._rows.items() if starts}

    def requested(self, window: str, now: float | None = None) -> None:
        self._requested[window] = time.monotonic() if now is None else now

    def followed(self, default: str, now: float | None = None) -> list[str]:
        """The default window always; others while a page asked for them in the last `follow_s`."""
        now = time.monotonic() if now is None else now
        recent = sorted(w for w, at in self._requested.items() if now - at <= self.follow_s and w != default)
        return [default, *recent]
