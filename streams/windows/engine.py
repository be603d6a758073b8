"""Event-time window engine: panes, watermark, grace, dedup, finals. Pure: no Kafka, no Faust.

Design (why it is shaped like this):

* Every event updates one *pane* per distinct pane size, a pane being `gcd(size, step)` of a
  spec. A tumbling window is one pane; a hopping window is the merge of `size/pane` panes,
  computed only when a row is emitted, so the cost of `apply` does not grow with size/step.
  Specs with the same pane size share panes (1h tumbling and 1d/1h share hour panes).
* A window's final value is snapshotted the moment the watermark passes `end + grace`, not at
  the next flush: a pane shared with still-open windows may keep changing afterwards (a
  partly-late event), and that must not leak into a final that is already decided.
* A pane lives until every window containing it has closed; a dedup id lives until every
  window containing its event has closed (after that a redelivery is late anyway) or until
  `dedup_max` newer ids push it out. Both leave oldest first, so state stays bounded.
* Nothing iterates over empty event time: closing walks a heap of windows that hold data, so
  a replay of 2019 data followed by live data costs the same as any other jump.
"""

from __future__ import annotations

import heapq
import itertools
import math
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Final

from models.aggregate import WindowAggregate
from streams.windows.snapshot import Cell, Changes, EngineState, PendingWindow, Series
from streams.windows.spec import WindowSpec

APPLIED: Final = 0
DUPLICATE: Final = 1
LATE: Final = 2
"""Every window containing the event had closed: not applied; publish it to `late-signals`."""
PARTLY_LATE: Final = 3
"""Some windows (hopping, or a spec with a shorter grace) had closed: applied to the open ones."""

GAUGE: Final = 0
COUNTER: Final = 1
DERIVED: Final = 2
_KIND_NAMES: Final = {GAUGE: "gauge", COUNTER: "counter", DERIVED: "derived"}
_DERIVED_INPUTS: Final = frozenset({"orders", "sessions", "gmv"})

_INF: Final = math.inf
_NONE: Final = -(1 << 62)
_NAN: Final = math.nan

WindowValues = dict[Series, Cell]


@dataclass(slots=True)
class FlushResult:
    updates: list[WindowAggregate] = field(default_factory=list)
    """Cells changed since the previous flush, once per key, with their latest value."""
    finals: list[WindowAggregate] = field(default_factory=list)
    """Windows closed since the previous flush, `final=True`, each emitted exactly once."""


_FIELDS: Final = frozenset(WindowAggregate.model_fields)
_new_object = object.__new__
_set_attr = object.__setattr__


def _construct_fast(values: dict[str, object]) -> WindowAggregate:
    """What `model_construct` does for this model (no defaults to fill, no private attributes),
    without its per-field loop: flush builds thousands of rows, and this is 5-7x cheaper."""
    row = _new_object(WindowAggregate)
    _set_attr(row, "__dict__", values)
    _set_attr(row, "__pydantic_fields_set__", set(_FIELDS))
    _set_attr(row, "__pydantic_extra__", None)
    _set_attr(row, "__pydantic_private__", None)
    return row


def _construct_checked(values: dict[str, object]) -> WindowAggregate:
    return WindowAggregate.model_construct(**values)  # type: ignore[arg-type]


def _pick_constructor() -> Callable[[dict[str, object]], WindowAggregate]:
    """Use the fast path only if it builds exactly what `model_construct` builds (a pydantic
    upgrade that changes the internals silently falls back to the public API)."""
    now = datetime.fromtimestamp(0, UTC)
    sample: dict[str, object] = {
        "window": "1m", "window_kind": "tumbling", "window_start": now, "window_end": now, "platform": "x",
        "metric": "orders", "region": None, "unit": "count", "kind": "counter", "value": 1.0, "count": 1,
        "sum": 1.0, "last": None, "min": None, "max": None, "mean": None, "change_abs": None,
        "change_pct": None, "final": False, "updated_at": now,
    }
    if set(sample) != _FIELDS:
        return _construct_checked
    try:
        fast, slow = _construct_fast(dict(sample)), _construct_checked(dict(sample))
        same = (fast == slow and fast.model_dump() == slow.model_dump()
                and fast.model_fields_set == slow.model_fields_set and fast.key == slow.key)
    except Exception:
        same = False
    return _construct_fast if same else _construct_checked


_construct: Final = _pick_constructor()


class _Pane:
    """The cells of one pane; `any_closed`/`all_closed` are the watermarks at which the first
    and the last window containing it close (precomputed so lateness costs two compares)."""

    __slots__ = ("all_closed", "any_closed", "cells")

    def __init__(self, any_closed: int, all_closed: int) -> None:
        self.any_closed = any_closed
        self.all_closed = all_closed
        self.cells: dict[Series, Cell] = {}


_NO_PANE: Final = _Pane(0, 0)
"""Cached-pane sentinel (never matched: the cached start is NaN whenever it is set)."""


class _SpecState:
    """A spec's windows that hold data and are still open, by close time."""

    __slots__ = ("group", "heap", "index", "open", "spec")

    def __init__(self, index: int, spec: WindowSpec, group: _Group) -> None:
        self.index = index
        self.spec = spec
        self.group = group
        self.open: set[int] = set()
        self.heap: list[tuple[int, int]] = []


class _Group:
    """Panes of one size, shared by every spec whose gcd(size, step) is that size."""

    __slots__ = ("dirty", "expiry", "last_pane", "last_ps", "members", "panes", "size", "touched")

    def __init__(self, size: int) -> None:
        self.size = size
        self.members: list[tuple[_SpecState, int, int, int]] = []
        self.panes: dict[float, _Pane] = {}
        self.expiry: list[tuple[int, float]] = []
        self.dirty: list[tuple[float, Series]] = []
        """(pane start, series) first changed since the last flush."""
        self.touched: dict[float, set[Series]] = {}
        """Flushed since the last export (export also reads `dirty`)."""
        self.last_ps: float = _NAN
        self.last_pane: _Pane = _NO_PANE


class WindowEngine:
    """One instance per input partition (the watermark is per partition)."""

    def __init__(self, specs: Sequence[WindowSpec], *, dedup_max: int = 1_000_000, idle_s: float = 30.0,
                 clock: Callable[[], float] = time.time) -> None:
        if not specs:
            raise ValueError("a window engine needs at least one window spec")
        if len({s.name for s in specs}) != len(specs):
            raise ValueError("window names must be unique")
        if dedup_max < 1:
            raise ValueError("dedup_max must be at least 1")
        self.specs: tuple[WindowSpec, ...] = tuple(specs)
        self._dedup_max = dedup_max
        self._idle_s = idle_s
        self._clock = clock
        groups: dict[int, _Group] = {}
        self._specs: list[_SpecState] = []
        for i, spec in enumerate(self.specs):
            size = math.gcd(spec.size_s, spec.step_s)
            group = groups.get(size) or groups.setdefault(size, _Group(size))
            st = _SpecState(i, spec, group)
            self._specs.append(st)
            group.members.append((st, spec.size_s, spec.step_s, spec.grace_s))
        self._groups: list[_Group] = list(groups.values())
        self._by_name = {st.spec.name: st for st in self._specs}
        self._reset()

    def _reset(self) -> None:
        for g in self._groups:
            g.panes.clear()
            g.expiry.clear()
            g.dirty = []
            g.touched.clear()
            g.last_ps = _NAN
            g.last_pane = _NO_PANE
        for st in self._specs:
            st.open.clear()
            st.heap.clear()
        self._wm = -_INF
        self._max_ts = -_INF
        self._next_close: float = _INF
        self._last_wall = self._clock()
        self._seen: dict[str, int] = {}
        self._fifo: deque[str] = deque()
        self._front_seq = 0
        self._pending: dict[tuple[int, int], WindowValues] = {}
        self._last_final: dict[tuple[int, Series], tuple[int, Cell]] = {}
        self._tracking = False
        self._exported_seq = 0
        self._x_removed: list[tuple[int, int]] = []
        self._x_finals: set[tuple[int, Series]] = set()

    # ------------------------------------------------------------------ hot path

    def apply(self, signal_id: str, platform: str, metric: str, region: str | None, unit: str, value: float,
              ts: float, increment: bool) -> int:
        """Apply one validated signal at event time `ts` (epoch seconds); see the result constants."""
        self._last_wall = self._clock()
        seen = self._seen
        if signal_id in seen:
            return DUPLICATE
        wm = self._wm
        series = (platform, metric, region, unit, increment)
        partial = False
        expires = _NONE
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
            if cell is None:
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
        if expires == _NONE:
            return LATE
        seen[signal_id] = expires
        self._fifo.append(signal_id)
        if len(seen) > self._dedup_max:
            self._evict()
        if ts > self._max_ts:
            self._max_ts = ts
            if ts > wm:
                self._wm = ts
                if ts >= self._next_close:
                    self._advance()
        return PARTLY_LATE if partial else APPLIED

    def _new_pane(self, g: _Group, ps: float) -> _Pane | None:
        """Create a pane and register its still-open windows; None when all of them closed."""
        ips = int(ps)
        any_closed = -_NONE
        all_closed = _NONE
        for _st, size, step, grace in g.members:
            last = ips - ips % step
            first = ((ips - size) // step + 1) * step
            any_closed = min(any_closed, first + size + grace)
            all_closed = max(all_closed, last + size + grace)
        wm = self._wm
        if all_closed <= wm:
            return None
        pane = _Pane(any_closed, all_closed)
        g.panes[ps] = pane
        heapq.heappush(g.expiry, (all_closed, ps))
        for st, size, step, grace in g.members:
            last = ips - ips % step
            first = ((ips - size) // step + 1) * step
            for start in range(first, last + 1, step):
                close = start + size + grace
                if close > wm and start not in st.open:
                    st.open.add(start)
                    heapq.heappush(st.heap, (close, start))
                    if close < self._next_close:
                        self._next_close = close
        return pane

    def _evict(self) -> None:
        seen, fifo = self._seen, self._fifo
        while len(seen) > self._dedup_max:
            del seen[fifo.popleft()]
            self._front_seq += 1

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
        """Close (snapshot) windows, expire panes and dedup ids the watermark has passed."""
        wm = self._wm
        next_close = _INF
        for st in self._specs:
            heap = st.heap
            while heap and heap[0][0] <= wm:
                _, start = heapq.heappop(heap)
                st.open.discard(start)
                self._pending[(st.index, start)] = self._merge_window(st, start)
            if heap and heap[0][0] < next_close:
                next_close = heap[0][0]
        self._next_close = next_close
        for g in self._groups:
            expiry = g.expiry
            if expiry and expiry[0][0] <= wm:
                while expiry and expiry[0][0] <= wm:
                    _, ps = heapq.heappop(expiry)
                    del g.panes[ps]
                    g.touched.pop(ps, None)
                    if self._tracking:
                        self._x_removed.append((g.size, int(ps)))
                g.last_ps = _NAN
                g.last_pane = _NO_PANE
        seen, fifo = self._seen, self._fifo
        while fifo and seen[fifo[0]] <= wm:
            del seen[fifo.popleft()]
            self._front_seq += 1

    # ------------------------------------------------------------------ window values

    def _merge_window(self, st: _SpecState, start: int) -> WindowValues:
        """The window's cells: its panes merged in pane order, plus its derived ratios."""
        g = st.group
        panes = g.panes
        out: WindowValues = {}
        for ps in range(start, start + st.spec.size_s, g.size):
            pane = panes.get(ps)
            if pane is None:
                continue
            for series, c in pane.cells.items():
                acc = out.get(series)
                if acc is None:
                    out[series] = c[:]
                    continue
                if c[7]:
                    acc[7] = True
                acc[0] += c[0]
                acc[1] += c[1]
                if c[2] < acc[2]:
                    acc[2] = c[2]
                if c[3] > acc[3]:
                    acc[3] = c[3]
                if c[5] > acc[5] or (c[5] == acc[5] and c[6] > acc[6]):
                    acc[4] = c[4]
                    acc[5] = c[5]
                    acc[6] = c[6]
        _add_derived(out)
        return out

    def _values(self, si: int, start: int, cache: dict[tuple[int, int], WindowValues | None]
                ) -> WindowValues | None:
        """Current cells of a window that is open or closed-but-unflushed; None otherwise."""
        key = (si, start)
        if key in cache:
            return cache[key]
        values = self._pending.get(key)
        if values is None and start in self._specs[si].open:
            values = self._merge_window(self._specs[si], start)
        cache[key] = values
        return values

    def _previous(self, si: int, start: int, series: Series,
                  cache: dict[tuple[int, int], WindowValues | None]) -> float | None:
        """Value of `series` in the spec's previous window (start - step), if it had one."""
        prev = start - self._specs[si].spec.step_s
        values = self._values(si, prev, cache)
        if values is not None:
            cell = values.get(series)
            return None if cell is None else _value(series, cell)
        remembered = self._last_final.get((si, series))
        if remembered is not None and remembered[0] == prev:
            return _value(series, remembered[1])
        return None

    def _row(self, si: int, start: int, series: Series, cell: Cell, final: bool, updated_at: datetime,
             cache: dict[tuple[int, int], WindowValues | None], dts: dict[int, datetime]) -> WindowAggregate:
        spec = self._specs[si].spec
        kind = series[4]
        value = _value(series, cell)
        total = last = low = high = mean = None
        if kind == DERIVED:
            pass
        elif kind:
            total = cell[0]
        else:
            total, last, low, high, mean = cell[0], cell[4], cell[2], cell[3], cell[0] / cell[1]
        prev = self._previous(si, start, series, cache)
        change_abs = change_pct = None
        if prev is not None:
            change_abs = value - prev
            change_pct = 100.0 * change_abs / abs(prev) if prev else None
        start_dt = dts.get(start)
        if start_dt is None:
            start_dt = dts[start] = datetime.fromtimestamp(start, UTC)
        end = start + spec.size_s
        end_dt = dts.get(end)
        if end_dt is None:
            end_dt = dts[end] = datetime.fromtimestamp(end, UTC)
        return _construct({
            "window": spec.name, "window_kind": spec.kind, "window_start": start_dt, "window_end": end_dt,
            "platform": series[0], "metric": series[1], "region": series[2], "unit": series[3],
            "kind": _KIND_NAMES[kind], "value": value, "count": cell[1], "sum": total, "last": last,
            "min": low, "max": high, "mean": mean, "change_abs": change_abs, "change_pct": change_pct,
            "final": final, "updated_at": updated_at,
        })

    # ------------------------------------------------------------------ flush

    def flush(self, now: float | None = None) -> FlushResult:
        """Rows for what changed since the previous flush, and finals for what closed."""
        if now is None:
            now = self._clock()
        updated_at = datetime.fromtimestamp(now, UTC)
        cache: dict[tuple[int, int], WindowValues | None] = {}
        dts: dict[int, datetime] = {}
        pending = self._pending
        want: dict[tuple[int, int], set[Series]] = {}
        for g in self._groups:
            dirty = g.dirty
            if not dirty:
                continue
            g.dirty = []
            panes, touched, tracking = g.panes, g.touched, self._tracking
            for ps, series in dirty:
                pane = panes.get(ps)
                if pane is None:
                    continue  # expired: its windows closed and are in `pending`
                cell = pane.cells.get(series)
                if cell is not None:
                    cell[7] = False
                if tracking:
                    t = touched.get(ps)
                    if t is None:
                        t = touched[ps] = set()
                    t.add(series)
            by_pane: dict[float, set[Series]] = {}
            for ps, series in dirty:
                ss = by_pane.get(ps)
                if ss is None:
                    ss = by_pane[ps] = set()
                ss.add(series)
            for ps, ss in by_pane.items():
                for st, _size, _step, _grace in g.members:
                    si = st.index
                    for start in st.spec.starts_for(ps):
                        if start in st.open:
                            w = want.get((si, start))
                            if w is None:
                                want[(si, start)] = set(ss)
                            else:
                                w |= ss
        result = FlushResult()
        updates = result.updates
        for (si, start), changed in want.items():
            values = self._values(si, start, cache)
            if values is None:
                continue
            emit: list[Series] = list(changed)
            derived_of = {(s[0], s[2]) for s in changed if s[4] == COUNTER and s[1] in _DERIVED_INPUTS}
            if derived_of:
                emit.extend(s for s in values if s[4] == DERIVED and (s[0], s[2]) in derived_of)
            for series in emit:
                cell = values.get(series)
                if cell is not None:
                    updates.append(self._row(si, start, series, cell, False, updated_at, cache, dts))
        if pending:
            finals = result.finals
            closed_upto: dict[int, int] = {}
            for (si, start), values in pending.items():
                for series, cell in values.items():
                    if cell[7]:  # changed since the previous flush: `aggregates` gets it too
                        updates.append(self._row(si, start, series, cell, False, updated_at, cache, dts))
                    row = self._row(si, start, series, cell, True, updated_at, cache, dts)
                    finals.append(row)
                    self._last_final[(si, series)] = (start, cell)
                    if self._tracking:
                        self._x_finals.add((si, series))
                closed_upto[si] = max(start, closed_upto.get(si, start))
            self._pending = {}
            self._forget_finals(closed_upto)
        return result

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
        return len(self._seen)

    def query(self, platform: str, metric: str | None = None, window: str | None = None, last: int = 1
              ) -> list[WindowAggregate]:
        """Current rows of the latest `last` windows per series, newest first.

        Open windows and closed-but-unflushed ones are merged live; older windows are only
        known through the last final remembered per series.
        """
        updated_at = datetime.fromtimestamp(self._clock(), UTC)
        cache: dict[tuple[int, int], WindowValues | None] = {}
        dts: dict[int, datetime] = {}
        rows: list[WindowAggregate] = []
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
                    rows.append(self._row(si, start, series, cell, (si, start) in self._pending, updated_at,
                                          cache, dts))
            for (i, series), (start, cell) in self._last_final.items():
                if i != si or series[0] != platform or (metric is not None and series[1] != metric):
                    continue
                if taken.get(series, 0) >= last or (si, start) in self._pending:
                    continue
                rows.append(self._row(si, start, series, cell, True, updated_at, cache, dts))
        rows.sort(key=lambda r: r.window_start, reverse=True)
        return rows

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
        end_seq = self._front_seq + len(self._fifo)
        first_new = self._front_seq if full else max(self._exported_seq, self._front_seq)
        new = list(itertools.islice(reversed(self._fifo), end_seq - first_new))
        new.reverse()
        seen = self._seen
        changes.dedup_added = [(first_new + i, sid, seen[sid]) for i, sid in enumerate(new)]
        changes.dedup_removed_below = self._front_seq
        self._exported_seq = end_seq
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
        if state.dedup:
            self._front_seq = state.dedup[-1][0] + 1 - len(state.dedup)
            for _seq, sid, expires in state.dedup:
                self._seen[sid] = expires
                self._fifo.append(sid)
        self._exported_seq = self._front_seq + len(self._fifo)
        for name, series, start, cell in state.finals:
            st = self._by_name.get(name)
            if st is not None:
                self._last_final[(st.index, series)] = (start, list(cell))
        for window in state.pending:
            st = self._by_name.get(window.window)
            if st is not None:
                self._pending[(st.index, window.start)] = {s: list(c) for s, c in window.cells}
        self._tracking = True


def _value(series: Series, cell: Cell) -> float:
    """The headline: sum for counters, ratio for derived (both in slot 0), last for gauges."""
    return cell[0] if series[4] else cell[4]


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def _add_derived(values: WindowValues) -> None:
    """conversion_rate and average_order_value per currency: ratios of the window's sums."""
    orders: dict[tuple[str, str | None], Cell] = {}
    sessions: dict[tuple[str, str | None], Cell] = {}
    gmv: list[tuple[Series, Cell]] = []
    for series, cell in values.items():
        if series[4] != COUNTER:
            continue
        metric = series[1]
        if metric == "orders" and series[3] == "count":
            orders[(series[0], series[2])] = cell
        elif metric == "sessions" and series[3] == "count":
            sessions[(series[0], series[2])] = cell
        elif metric == "gmv":
            gmv.append((series, cell))
    for key, o in orders.items():
        s = sessions.get(key)
        if s is not None and s[0] > 0:
            values[(key[0], "conversion_rate", key[1], "percent", DERIVED)] = _derived(
                100.0 * o[0] / s[0], o[1] + s[1], o[7] or s[7])
    for series, money in gmv:
        n = orders.get((series[0], series[2]))
        if n is not None and n[0] > 0:
            values[(series[0], "average_order_value", series[2], series[3], DERIVED)] = _derived(
                money[0] / n[0], money[1] + n[1], money[7] or n[7])


def _derived(value: float, count: int, changed: bool) -> Cell:
    """Derived cells use the counter layout: value in slot 0, count in 1, changed flag in 7."""
    return [value, count, None, None, None, None, None, changed]
