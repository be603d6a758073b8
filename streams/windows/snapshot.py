"""Plain data an engine exports for persistence and takes back on restore.

Kept free of storage concerns: `streams.state` decides bytes and keys, the engine only says
what changed. Cells are lists `[sum, count, min, max, last, last_ts, last_id, changed]`;
derived cells put their ratio in slot 0 and leave 2..6 empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Series = tuple[str, str, str | None, str, int]
"""(platform, metric, region, unit, kind) with kind 0 = gauge, 1 = counter, 2 = derived."""

Cell = list[Any]


@dataclass(slots=True)
class PendingWindow:
    """A window that closed after the last flush: its final rows are not emitted yet."""

    window: str
    start: int
    cells: list[tuple[Series, Cell]]


@dataclass(slots=True)
class EngineState:
    """Everything needed to rebuild an engine exactly (what `StateStore.load` returns)."""

    watermark: float | None
    max_event_ts: float | None
    cells: list[tuple[int, int, Series, Cell]] = field(default_factory=list)
    """(pane size, pane start, series, cell)."""
    dedup: list[tuple[int, str, int]] = field(default_factory=list)
    """(sequence, signal id, expiry watermark), oldest first."""
    finals: list[tuple[str, Series, int, Cell]] = field(default_factory=list)
    """(window name, series, window start, cell) of the last final per series."""
    pending: list[PendingWindow] = field(default_factory=list)


@dataclass(slots=True)
class Changes:
    """What changed since the previous export: deltas, not the whole state.

    `full` marks the first export of an engine that was not restored: the store must drop
    whatever engine state it held before writing these.
    """

    full: bool
    watermark: float | None
    max_event_ts: float | None
    cells: list[tuple[int, int, Series, Cell]] = field(default_factory=list)
    """Upserts: (pane size, pane start, series, cell)."""
    removed_panes: list[tuple[int, int]] = field(default_factory=list)
    """(pane size, pane start) of expired panes: every cell under them is gone."""
    dedup_added: list[tuple[int, str, int]] = field(default_factory=list)
    dedup_removed_below: int = 0
    """Every dedup entry with a sequence below this is gone (ids leave oldest first)."""
    finals: list[tuple[str, Series, tuple[int, Cell] | None]] = field(default_factory=list)
    """(window name, series, (start, cell)) upserts; None removes the entry."""
    pending: list[PendingWindow] = field(default_factory=list)
