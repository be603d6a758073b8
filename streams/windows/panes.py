"""Which panes and windows hold data: panes of one size shared by the specs built from them.

A pane is `gcd(size, step)` of a spec; a tumbling window is one pane, a hopping window the merge
of `size / pane` panes, computed only when a row is emitted, so the cost of an update does not
grow with size / step. Specs with the same pane size share panes (1h tumbling and 1d/1h share
hour panes). Each spec keeps the starts of its windows that hold data and are still open, in a
heap by close time, so closing never walks empty event time.
"""

from __future__ import annotations

import heapq
import math
from typing import Final

from streams.windows.snapshot import Cell, Series
from streams.windows.spec import WindowSpec

NEVER: Final = -(1 << 62)
"""A close time before every watermark (also "no pane applied" in `WindowEngine.apply`)."""


class Pane:
    """The cells of one pane; `any_closed`/`all_closed` are the watermarks at which the first
    and the last window containing it close (precomputed so lateness costs two compares)."""

    __slots__ = ("all_closed", "any_closed", "cells")

    def __init__(self, any_closed: int, all_closed: int) -> None:
        self.any_closed = any_closed
        self.all_closed = all_closed
        self.cells: dict[Series, Cell] = {}


NO_PANE: Final = Pane(0, 0)
"""Cached-pane sentinel (never matched: the cached start is NaN whenever it is set)."""


class SpecWindows:
    """A spec's windows that hold data and are still open, by close time."""

    __slots__ = ("group", "heap", "index", "open", "spec")

    def __init__(self, index: int, spec: WindowSpec, group: PaneGroup) -> None:
        self.index = index
        self.spec = spec
        self.group = group
        self.open: set[int] = set()
        self.heap: list[tuple[int, int]] = []

    def clear(self) -> None:
        self.open.clear()
        self.heap.clear()

    def close_through(self, watermark: float) -> list[int]:
        """Starts of the open windows the watermark has closed, oldest first."""
        heap = self.heap
        closed = []
        while heap and heap[0][0] <= watermark:
            _, start = heapq.heappop(heap)
            self.open.discard(start)
            closed.append(start)
        return closed

    def next_close(self) -> float:
        return self.heap[0][0] if self.heap else math.inf


class PaneGroup:
    """Panes of one size, shared by every spec whose gcd(size, step) is that size."""

    __slots__ = ("dirty", "expiry", "last_pane", "last_ps", "members", "panes", "size", "touched")

    def __init__(self, size: int) -> None:
        self.size = size
        self.members: list[tuple[SpecWindows, int, int, int]] = []
        """(spec windows, size, step, grace) of every spec built from these panes."""
        self.panes: dict[float, Pane] = {}
        self.expiry: list[tuple[int, float]] = []
        """(close time of the last window containing the pane, pane start): a heap."""
        self.dirty: list[tuple[float, Series]] = []
        """(pane start, series) first changed since the last flush."""
        self.touched: dict[float, set[Series]] = {}
        """Flushed since the last export (export also reads `dirty`)."""
        self.last_ps: float = math.nan
        self.last_pane: Pane = NO_PANE

    def clear(self) -> None:
        self.panes.clear()
        self.expiry.clear()
        self.dirty = []
        self.touched.clear()
        self.forget_cached()

    def forget_cached(self) -> None:
        """Drop the last-pane cache `WindowEngine.apply` uses (a pane it points to may be gone)."""
        self.last_ps = math.nan
        self.last_pane = NO_PANE

    def new_pane(self, ps: float, watermark: float) -> tuple[Pane | None, float]:
        """Create the pane at `ps` and register its still-open windows with their specs.

        Returns the pane (None when every window containing it has closed) and the earliest
        close time among the windows it opened (inf when none).
        """
        ips = int(ps)
        any_closed = -NEVER
        all_closed = NEVER
        for _spec, size, step, grace in self.members:
            last = ips - ips % step
            first = ((ips - size) // step + 1) * step
            any_closed = min(any_closed, first + size + grace)
            all_closed = max(all_closed, last + size + grace)
        if all_closed <= watermark:
            return None, math.inf
        pane = Pane(any_closed, all_closed)
        self.panes[ps] = pane
        heapq.heappush(self.expiry, (all_closed, ps))
        earliest = math.inf
        for spec, size, step, grace in self.members:
            last = ips - ips % step
            first = ((ips - size) // step + 1) * step
            for start in range(first, last + 1, step):
                close = start + size + grace
                if close > watermark and start not in spec.open:
                    spec.open.add(start)
                    heapq.heappush(spec.heap, (close, start))
                    if close < earliest:
                        earliest = close
        return pane, earliest

    def take_changed(self, tracking: bool) -> dict[float, set[Series]]:
        """Series changed per pane since the last call; clears their changed marks (and, when
        `tracking`, remembers them in `touched` for the next export)."""
        dirty = self.dirty
        if not dirty:
            return {}
        self.dirty = []
        panes, touched = self.panes, self.touched
        by_pane: dict[float, set[Series]] = {}
        for ps, series in dirty:
            pane = panes.get(ps)
            if pane is None:
                continue  # expired: its windows closed and are in the engine's pending finals
            cell = pane.cells.get(series)
            if cell is not None:
                cell[7] = False
            if tracking:
                t = touched.get(ps)
                if t is None:
                    t = touched[ps] = set()
                t.add(series)
        for ps, series in dirty:
            ss = by_pane.get(ps)
            if ss is None:
                ss = by_pane[ps] = set()
            ss.add(series)
        return by_pane

    def expire_through(self, watermark: float) -> list[int]:
        """Delete the panes whose every window has closed; their starts, oldest first."""
        expiry = self.expiry
        if not expiry or expiry[0][0] > watermark:
            return []
        gone = []
        while expiry and expiry[0][0] <= watermark:
            _, ps = heapq.heappop(expiry)
            del self.panes[ps]
            self.touched.pop(ps, None)
            gone.append(int(ps))
        self.forget_cached()
        return gone

    def window_cells(self, spec: SpecWindows, start: int) -> list[dict[Series, Cell]]:
        """The cells of each pane of the spec's window at `start` that holds data, in time order."""
        panes = self.panes
        found = []
        for ps in range(start, start + spec.spec.size_s, self.size):
            pane = panes.get(ps)
            if pane is not None:
                found.append(pane.cells)
        return found


def pane_groups(specs: tuple[WindowSpec, ...]) -> tuple[list[SpecWindows], list[PaneGroup]]:
    """Each spec's windows, and the pane groups they share (one per distinct pane size)."""
    groups: dict[int, PaneGroup] = {}
    windows: list[SpecWindows] = []
    for i, spec in enumerate(specs):
        size = math.gcd(spec.size_s, spec.step_s)
        group = groups.get(size) or groups.setdefault(size, PaneGroup(size))
        spec_windows = SpecWindows(i, spec, group)
        windows.append(spec_windows)
        group.members.append((spec_windows, spec.size_s, spec.step_s, spec.grace_s))
    return windows, list(groups.values())
