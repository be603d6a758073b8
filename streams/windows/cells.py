"""How a window's state is kept: one cell per series, merged pane by pane, ratios derived from sums.

A cell is a list `[sum, count, min, max, last, last_ts, last_id, changed]` (see
`streams.windows.snapshot`): lists, not objects, because the hot path updates millions of them
and a list slot costs less than an attribute. Derived cells (ratios) use the counter layout with
their ratio in slot 0, so one `value_of` serves every kind. `WindowEngine.apply` updates a
pane's cell in place with this layout, inline (a call per pane would cost ~13% of its rate).
"""

from __future__ import annotations

from typing import Final

from streams.windows.snapshot import Cell, Series

GAUGE: Final = 0
COUNTER: Final = 1
DERIVED: Final = 2
KIND_NAMES: Final = {GAUGE: "gauge", COUNTER: "counter", DERIVED: "derived"}
DERIVED_INPUTS: Final = frozenset({"orders", "sessions", "gmv"})
"""Counters a derived ratio is made of: a change to one of them changes the ratio's row too."""

WindowValues = dict[Series, Cell]


def merge_cells(into: WindowValues, cells: WindowValues) -> None:
    """Fold one pane's cells into a window's (panes in time order; "last" by event time, then id)."""
    for series, c in cells.items():
        acc = into.get(series)
        if acc is None:
            into[series] = c[:]
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


def value_of(series: Series, cell: Cell) -> float:
    """The headline: sum for counters, ratio for derived (both in slot 0), last for gauges."""
    return cell[0] if series[4] else cell[4]


def add_derived(values: WindowValues) -> None:
    """conversion_rate and average_order_value per currency: ratios of the window's sums, never
    a mean of ratios, so an hour or a day stays exact."""
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
