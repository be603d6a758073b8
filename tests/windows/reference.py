"""A brute-force reference: every window recomputed from the list of events it received.

It takes only the numbers of a WindowSpec (size, step, grace) and does its own window arithmetic
(`containing`, `closes_at`), in exact fractions: a reference that called the spec's own
`starts_for` could not catch a bug in it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from streams.windows import APPLIED, DUPLICATE, LATE, PARTLY_LATE, WindowEngine, WindowSpec


@dataclass(frozen=True)
class Event:
    sid: str
    platform: str
    metric: str
    region: str | None
    unit: str
    value: float
    ts: float
    increment: bool

    def apply_to(self, engine: WindowEngine) -> int:
        return engine.apply(self.sid, self.platform, self.metric, self.region, self.unit, self.value, self.ts,
                            self.increment)


DUPLICATE_OR_LATE = -1
"""A redelivery after all its windows closed: either answer is right (neither is applied)."""

Key = tuple[str, str, str, str | None, str, int]  # window, platform, metric, region, unit, start


def containing(spec: WindowSpec, ts: float) -> list[int]:
    """Starts of the windows [start, start + size), start a multiple of step, that hold `ts`."""
    t = Fraction(ts)
    newest = math.floor(t / spec.step_s)
    candidates = range(newest - spec.size_s // spec.step_s - 1, newest + 1)
    return [k * spec.step_s for k in candidates if k * spec.step_s <= t < k * spec.step_s + spec.size_s]


def closes_at(spec: WindowSpec, start: int) -> int:
    return start + spec.size_s + spec.grace_s


def reference(specs: list[WindowSpec], events: list[Event]) -> tuple[list[int], dict[Key, dict[str, Any]]]:
    """Statuses in arrival order and the final fields of every window cell."""
    wm = -math.inf
    seen: set[str] = set()
    statuses: list[int] = []
    got: dict[tuple[str, int], list[Event]] = defaultdict(list)
    for e in events:
        windows = [(s, start) for s in specs for start in containing(s, e.ts)]
        open_ = [(s, start) for s, start in windows if closes_at(s, start) > wm]
        if e.sid in seen:
            # Once all its windows closed, an id may have left the dedup table: late then.
            statuses.append(DUPLICATE if open_ else DUPLICATE_OR_LATE)
            continue
        statuses.append(LATE if not open_ else PARTLY_LATE if len(open_) < len(windows) else APPLIED)
        if open_:
            seen.add(e.sid)
            for s, start in open_:
                got[(s.name, start)].append(e)
            wm = max(wm, e.ts)
    out: dict[Key, dict[str, Any]] = {}
    for (name, start), evs in got.items():
        series: dict[tuple[str, str, str | None, str, bool], list[Event]] = defaultdict(list)
        for e in evs:
            series[(e.platform, e.metric, e.region, e.unit, e.increment)].append(e)
        sums: dict[tuple[str, str, str | None, str], tuple[float, int]] = {}
        for (platform, metric, region, unit, inc), es in series.items():
            total = sum(e.value for e in es)
            if inc:
                out[(name, platform, metric, region, unit, start)] = {
                    "kind": "counter", "value": total, "count": len(es), "sum": total}
                sums[(platform, metric, region, unit)] = (total, len(es))
            else:
                last = max(es, key=lambda e: (e.ts, e.sid))
                out[(name, platform, metric, region, unit, start)] = {
                    "kind": "gauge", "value": last.value, "count": len(es), "sum": total, "last": last.value,
                    "min": min(e.value for e in es), "max": max(e.value for e in es), "mean": total / len(es)}
        for (platform, metric, region, _unit), (orders, n_orders) in sums.items():
            if metric != "orders":
                continue
            sessions = sums.get((platform, "sessions", region, "count"))
            if sessions and sessions[0] > 0:
                out[(name, platform, "conversion_rate", region, "percent", start)] = {
                    "kind": "derived", "value": 100.0 * orders / sessions[0], "count": n_orders + sessions[1]}
            for (p2, m2, r2, currency), (gmv, n_gmv) in sums.items():
                if (p2, m2, r2) == (platform, "gmv", region) and orders > 0:
                    out[(name, platform, "average_order_value", region, currency, start)] = {
                        "kind": "derived", "value": gmv / orders, "count": n_gmv + n_orders}
    by_name = {s.name: s for s in specs}
    for (name, platform, metric, region, unit, start), fields in out.items():
        prev = out.get((name, platform, metric, region, unit, start - by_name[name].step_s))
        fields["change_abs"] = None if prev is None else fields["value"] - prev["value"]
    return statuses, out


def same_statuses(got: list[int], want: list[int]) -> bool:
    return len(got) == len(want) and all(
        g == w or (w == DUPLICATE_OR_LATE and g in (DUPLICATE, LATE)) for g, w in zip(got, want, strict=True))


def row_key(row: Any) -> Key:
    return (row.window, row.platform, row.metric, row.region, row.unit, int(row.window_start.timestamp()))
