"""A deterministic stream shared by the crash test and its child process."""

from __future__ import annotations

import random

from streams.windows import WindowSpec
from tests.windows.reference import Event

SPECS = [WindowSpec("1m", 60, 60, 10), WindowSpec("5m/1m", 300, 60, 20), WindowSpec("1h", 3600, 3600, 30)]
T0 = 1_546_300_800.0  # 2019-01-01T00:00:00Z


def make_events(n: int, seed: int = 11) -> list[Event]:
    rng = random.Random(seed)
    series = [("noon", "orders", "SA", "count", True), ("noon", "sessions", "SA", "count", True),
              ("noon", "gmv", "SA", "SAR", True), ("temu", "market_share", None, "percent", False),
              ("temu", "orders", None, "count", True)]
    events: list[Event] = []
    for i in range(n):
        if events and rng.random() < 0.05:
            events.append(rng.choice(events[-50:]))  # redelivery
            continue
        platform, metric, region, unit, inc = rng.choice(series)
        ts = T0 + i * 1.5 - rng.choice([0, 0, 0, 2, 8, 15, 90])
        events.append(Event(f"e{i}", platform, metric, region, unit, float(rng.randint(0, 40)), ts, inc))
    return events
