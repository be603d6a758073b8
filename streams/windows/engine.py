"""Event-time window engine: applies signals to panes, moves the watermark, closes and emits.

Pure: no Kafka, no Faust. The concepts it combines live beside it: which windows a time falls in
(`spec`), which panes and windows hold data (`panes`), how a cell is kept and ratios derived
(`cells`), which signal ids were counted (`signal_ids`), what a row looks like (`rows`), and what
is persisted (`snapshot`). This module answers *when*: an event updates its panes at once; a
window closes the moment the watermark passes `end + grace`, and its final value is snapshotted
then, not at the next flush (a pane shared with still-open windows may keep changing afterwards
with a partly-late event, and that must not leak into a final already decided); rows leave at
flush, once per key. Nothing iterates over empty event time, so a replay of 2019 data followed
by live data costs the same as any other jump.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from models.aggregate import WindowAggregate
from streams.windows.cells import COUNTER, DERIVED, DERIVED_INPUTS, WindowValues, add_derived, merge_cells, value_of
from streams.windows.panes import NEVER, Pane, PaneGroup, SpecWindows, pane_groups
from streams.windows.rows import FlushResult, RowBuilder
from streams.windows.signal_ids import SeenSignalIds
from streams.windows.snapshot import Cell, Changes, EngineState, PendingWindow, Series
from streams.windows.spec import WindowSpec

APPLIED: Final = 0
DUPLICATE: Final = 1
LATE: Final = 2
"""Every window containing the event had closed: not applied; publish it to `late-signals`."""
PARTLY_LATE: Final = 3
"""Some windows (hopping, or a spec with a shorter grace) had closed: applied to the open ones."""

_INF: Final = math.inf
_Cache = dict[tuple[int, int], WindowValues | None]


class WindowEngine:
    """One instance per platform of an input partition (the watermark is the platform's own)."""

    def __init__(self, specs: Sequence[WindowSpec], *, dedup_max: int = 1_000_000, idle_s: float = 30.0,
                 clock: Callable[[], float] = time.time) -> None:
        if not specs:
            raise ValueError("a window engine needs at least one window spec")
        if len({s.name for s in specs}) != len(specs):
            raise ValueError("window names must be unique")
        self.specs: tuple[WindowSpec, ...] = tuple(specs)
        self._ids = SeenSignalIds(dedup_max)
        self._idle_s = idle_s
        self._clock = clock
        self._specs, self._groups = pane_groups(self.specs)
        self._by_name = {st.spec.name: st for st in self._specs}
        self._reset()

    def _reset(self) -> None:
        for g in self._groups:
            g.clear()
        for st in self._specs:
            st.clear()
        self._ids.clear()
        self._wm = -_INF
        self._max_ts = -_INF
        self._next_close: float = _INF
        self._last_wall = self._clock()
        self._pending: dict[tuple[int, int], WindowValues] = {}
        """Windows closed since the last flush, their cells snapshotted when they closed."""
        self._last_final: dict[tuple[int, Series], tuple[int, Cell]] = {}
        """(spec, series) → (start, cell) of the last final: the "previous window" of the next one."""
        self._tracking = False
        self._x_removed: list[tuple[int, int]] = []
        self._x_finals: set[tuple[int, Series]] = set()

    # ------------------------------------------------------------------ hot path

    def apply(self, signal_id: str, platform: str, metric: str, region: str | None, unit: str, value: float,
              ts: float, increment: bool) -> int:
        """Apply one validated signal at event time `ts` (epoch seconds); see the result constants."""
        self._last_wall = self._clock()
        seen = self._ids.seen
        if signal_id in seen:
            return DUPLICATE
        wm = self._wm
        series = (platform, metric, region, unit, increment)
        partial = False
        expires = NEVER
        for g in self._groups:
            ps = ts - ts % g.size
            if ps == g.last_ps:
                pane = g.last_pane
            else:
                found = g.panes.get(ps) or self._new_pane(g, ps)
                if found is None:  # every window containing it has closed
                    partial = True
                    continue
                pane = found
                g.last_ps = ps
                g.last_pane = pane
            if wm >= pane.any_closed:
                partial = True
                if wm >= pane.all_closed:
                    continue
            cells = pane.cells
            cell = cells.get(series)
            if cell is None:  # the cell layout of streams.windows.cells, updated inline
                cells[series] = [value, 1, value, value, value, ts, signal_id, True]
                g.dirty.append((ps, series))
            else:
                cell[0] += value
                cell[1] += 1
                if not increment:
                    if value < cell[2]:
                        cell[2] = value
                    if value > cell[3]:
                        cell[3] = value
                    if ts > cell[5] or (ts == cell[5] and signal_id > cell[6]):
                        cell[4] = value
                        cell[5] = ts
                        cell[6] = signal_id
                if not cell[7]:
                    cell[7] = True
                    g.dirty.append((ps, series))
            if pane.all_closed > expires:
                expires = pane.all_closed
        if expires == NEVER:
            return LATE
        seen[signal_id] = expires
        self._ids.fifo.append(signal_id)
        if len(seen) > self._ids.limit:
            self._ids.evict()
        if ts > self._max_ts:
            self._max_ts = ts
            if ts > wm:
                self._wm = ts
                if ts >= self._next_close:
                    self._advance()
        return PARTLY_LATE if partial else APPLIED

    def _new_pane(self, g: PaneGroup, ps: float) -> Pane | None:
        pane, earliest_close = g.new_pane(ps, self._wm)
        if earliest_close < self._next_close:
            self._next_close = earliest_close
        return pane

    # ------------------------------------------------------------------ watermark

    @property
    def watermark(self) -> float:
        """Max event time seen, or the idle wall-clock advance; -inf before the first event."""
        return self._wm

    def hold_idle(self, seconds: float, now: float) -> None:
        """Wall time that was not idle time (the broker away, input behind, the stage busy):
        the idle clock does not count it, so the watermark does not run ahead of signals that
        are only late to arrive."""
        if seconds > 0:
            self._last_wall = min(now, self._last_wall + seconds)

    def tick(self, now: float | None = None) -> int:
        """Wall-clock fallback; returns how many windows closed.

        After `idle_s` wall seconds without events the watermark follows the wall clock,
        `idle_s` behind it, so an idle partition still closes (and emits) its windows.
        """
        if now is None:
            now = self._clock()
        idle = now - self._last_wall
        if idle < self._idle_s or self._max_ts == -_INF:
            return 0
        candidate = self._max_ts + idle - self._idle_s
        if candidate <= self._wm:
            return 0
        self._wm = candidate
        before = len(self._pending)
        if candidate >= self._next_close:
            self._advance()
        return len(self._pending) - before

    def _advance(self) -> None:
        """Close (snapshot) windows, expire panes and signal ids the watermark has passed."""
        wm = self._wm
        next_close = _INF
        for st in self._specs:
            for start in st.close_through(wm):
                self._pending[(st.index, start)] = self._merge_window(st, start)
            next_close = min(next_close, st.next_close())
        self._next_close = next_close
        for g in self._groups:
            gone = g.expire_through(wm)
            if gone and self._tracking:
                self._x_removed.extend((g.size, ps) for ps in gone)
        self._ids.expire_through(wm)

    # ------------------------------------------------------------------ window values

    def _merge_window(self, st: SpecWindows, start: int) -> WindowValues:
        """The window's cells: its panes merged in pane order, plus its derived ratios."""
        out: WindowValues = {}
        for cells in st.group.window_cells(st, start):
            merge_cells(out, cells)
        add_derived(out)
        return out

    def _values(self, si: int, start: int, cache: _Cache) -> WindowValues | None:
        """Current cells of a window that is open or closed-but-unflushed; None otherwise."""
        key = (si, start)
        if key in cache:
            return cache[key]
        values = self._pending.get(key)
        if values is None and start in self._specs[si].open:
            values = self._merge_window(self._specs[si], start)
        cache[key] = values
        return values

    def _previous(self, si: int, start: int, series: Series, cache: _Cache) -> float | None:
        """Value of `series` in the spec's previous window (start - step), if it had one."""
        prev = start - self._specs[si].spec.step_s
        values = self._values(si, prev, cache)
        if values is not None:
            cell = values.get(series)
            return None if cell is None else value_of(series, cell)
        remembered = self._last_final.get((si, series))
        if remembered is not None and remembered[0] == prev:
            return value_of(series, remembered[1])
        return None

    def _row(self, rows: RowBuilder, si: int, start: int, series: Series, cell: Cell, final: bool,
             cache: _Cache) -> WindowAggregate:
        return rows.row(self._specs[si].spec, start, series, cell, final, self._previous(si, start, series, cache))

    # ------------------------------------------------------------------ flush

    def flush(self, now: float | None = None) -> FlushResult:
        """Rows for what changed since the previous flush, and finals for what closed."""
        rows = RowBuilder(now if now is not None else self._clock())
        cache: _Cache = {}
        result = FlushResult()
        updates = result.updates
        for (si, start), changed in self._changed_windows().items():
            values = self._values(si, start, cache)
            if values is None:
                continue
            emit: list[Series] = list(changed)
            derived_of = {(s[0], s[2]) for s in changed if s[4] == COUNTER and s[1] in DERIVED_INPUTS}
            if derived_of:
                emit.extend(s for s in values if s[4] == DERIVED and (s[0], s[2]) in derived_of)
            for series in emit:
                cell = values.get(series)
                if cell is not None:
                    updates.append(self._row(rows, si, start, series, cell, False, cache))
        if self._pending:
            finals = result.finals
            closed_upto: dict[int, int] = {}
            for (si, start), values in self._pending.items():
                for series, cell in values.items():
                    if cell[7]:  # changed since the previous flush: `aggregates` gets it too
                        updates.append(self._row(rows, si, start, series, cell, False, cache))
                    finals.append(self._row(rows, si, start, series, cell, True, cache))
                    self._last_final[(si, series)] = (start, cell)
                    if self._tracking:
                        self._x_finals.add((si, series))
                closed_upto[si] = max(start, closed_upto.get(si, start))
            self._pending = {}
            self._forget_finals(closed_upto)
        return result

    def _changed_windows(self) -> dict[tuple[int, int], set[Series]]:
        """Open windows (spec, start) with the series changed in them since the last flush;
        clears the changed marks (and records them for the next export)."""
        want: dict[tuple[int, int], set[Series]] = {}
        for g in self._groups:
            for ps, ss in g.take_changed(self._tracking).items():
                for st, _size, _step, _grace in g.members:
                    si = st.index
                    for start in st.spec.starts_for(ps):
                        if start in st.open:
                            w = want.get((si, start))
                            if w is None:
                                want[(si, start)] = set(ss)
                            else:
                                w |= ss
        return want

    def _forget_finals(self, closed_upto: dict[int, int]) -> None:
        """Drop remembered finals whose next window has closed too (no row can need them)."""
        stale = [key for key, (start, _) in self._last_final.items()
                 if key[0] in closed_upto and start + self._specs[key[0]].spec.step_s <= closed_upto[key[0]]]
        for key in stale:
            del self._last_final[key]
            if self._tracking:
                self._x_finals.add(key)

    # ------------------------------------------------------------------ introspection

    def live_windows(self) -> int:
        """Windows holding data that have not closed yet, over all specs."""
        return sum(len(st.open) for st in self._specs)

    def live_panes(self) -> int:
        return sum(len(g.panes) for g in self._groups)

    def dedup_size(self) -> int:
        return len(self._ids)

    def query(self, platform: str, metric: str | None = None, window: str | None = None, last: int = 1
              ) -> list[WindowAggregate]:
        """Current rows of the latest `last` windows per series, newest first.

        Open windows and closed-but-unflushed ones are merged live; older windows are only
        known through the last final remembered per series.
        """
        rows = RowBuilder(self._clock())
        cache: _Cache = {}
        found: list[WindowAggregate] = []
        for st in self._specs:
            if window is not None and st.spec.name != window:
                continue
            si = st.index
            starts = sorted(st.open | {s for (i, s) in self._pending if i == si}, reverse=True)
            taken: dict[Series, int] = {}
            for start in starts:
                values = self._values(si, start, cache)
                for series, cell in (values or {}).items():
                    if series[0] != platform or (metric is not None and series[1] != metric):
                        continue
                    if taken.get(series, 0) >= last:
                        continue
                    taken[series] = taken.get(series, 0) + 1
                    found.append(self._row(rows, si, start, series, cell, (si, start) in self._pending, cache))
            for (i, series), (start, cell) in self._last_final.items():
                if i != si or series[0] != platform or (metric is not None and series[1] != metric):
                    continue
                if taken.get(series, 0) >= last or (si, start) in self._pending:
                    continue
                found.append(self._row(rows, si, start, series, cell, True, cache))
        found.sort(key=lambda r: r.window_start, reverse=True)
        return found

    # ------------------------------------------------------------------ persistence

    def export_changes(self) -> Changes:
        """Deltas since the previous export (everything, flagged `full`, on the first one)."""
        full = not self._tracking
        changes = Changes(full=full, watermark=_finite(self._wm), max_event_ts=_finite(self._max_ts))
        for g in self._groups:
            if full:
                keys: Iterable[tuple[float, Series]] = (
                    (ps, s) for ps, pane in g.panes.items() for s in pane.cells)
            else:
                keys = set(itertools.chain(((ps, s) for ps, ss in g.touched.items() for s in ss), g.dirty))
            for ps, series in keys:
                pane = g.panes.get(ps)
                cell = None if pane is None else pane.cells.get(series)
                if cell is not None:
                    changes.cells.append((g.size, int(ps), series, list(cell)))
            g.touched.clear()
        changes.removed_panes = self._x_removed
        self._x_removed = []
        changes.dedup_added, changes.dedup_removed_below = self._ids.export(full)
        names = [st.spec.name for st in self._specs]
        finals_keys = self._last_final.keys() if full else self._x_finals
        changes.finals = [(names[si], series, self._last_final.get((si, series))) for si, series in finals_keys]
        self._x_finals = set()
        changes.pending = [PendingWindow(names[si], start, list(values.items()))
                           for (si, start), values in self._pending.items()]
        self._tracking = True
        return changes

    def restore(self, state: EngineState) -> None:
        """Rebuild from a stored state (windows of specs no longer configured are dropped)."""
        self._reset()
        self._wm = -_INF if state.watermark is None else state.watermark
        self._max_ts = -_INF if state.max_event_ts is None else state.max_event_ts
        groups = {g.size: g for g in self._groups}
        for size, ps, series, cell in state.cells:
            g = groups.get(size)
            if g is None:
                continue
            pane = g.panes.get(ps) or self._new_pane(g, ps)
            if pane is None:
                continue
            pane.cells[series] = list(cell)
            if cell[7]:
                g.dirty.append((ps, series))
        self._ids.restore(state.dedup)
        for name, series, start, cell in state.finals:
            st = self._by_name.get(name)
            if st is not None:
                self._last_final[(st.index, series)] = (start, list(cell))
        for window in state.pending:
            st = self._by_name.get(window.window)
            if st is not None:
                self._pending[(st.index, window.start)] = {s: list(c) for s, c in window.cells}
        self._tracking = True


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None
