"""One window engine per platform: each platform's event time is its own.

A `signals` partition carries several platforms. With one watermark per partition, a
platform whose updates arrive in a later message than another's (a producer batching per
platform, a backfill of one platform beside another's live feed) finds its windows already
closed and is dropped as late. Keyed by platform, a platform's windows close only when that
platform's own event time passes them: the grace covers disorder within a platform's
stream, which is the only order a producer can promise.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence

from models import WindowAggregate
from streams.windows.engine import WindowEngine
from streams.windows.rows import FlushResult
from streams.windows.snapshot import Changes, EngineState
from streams.windows.spec import WindowSpec


class PlatformEngines:
    """Looks like one WindowEngine to its caller; routes every signal by its platform."""

    def __init__(self, specs: Sequence[WindowSpec], *, dedup_max: int = 1_000_000, idle_s: float = 30.0,
                 clock: Callable[[], float] = time.time) -> None:
        self.specs = tuple(specs)
        self._dedup_max = dedup_max
        self._idle_s = idle_s
        self._clock = clock
        self.engines: dict[str, WindowEngine] = {}

    def engine(self, platform: str) -> WindowEngine:
        found = self.engines.get(platform)
        if found is None:
            found = self.engines[platform] = WindowEngine(self.specs, dedup_max=self._dedup_max,
                                                          idle_s=self._idle_s, clock=self._clock)
        return found

    def apply(self, signal_id: str, platform: str, metric: str, region: str | None, unit: str, value: float,
              ts: float, increment: bool) -> int:
        return self.engine(platform).apply(signal_id, platform, metric, region, unit, value, ts, increment)

    def hold_idle(self, seconds: float, now: float) -> None:
        for engine in self.engines.values():
            engine.hold_idle(seconds, now)

    def tick(self, now: float | None = None) -> int:
        return sum(engine.tick(now) for engine in self.engines.values())

    def flush(self, now: float | None = None) -> FlushResult:
        result = FlushResult()
        for engine in self.engines.values():
            part = engine.flush(now)
            result.updates.extend(part.updates)
            result.finals.extend(part.finals)
        return result

    def query(self, platform: str, metric: str | None = None, window: str | None = None,
              last: int = 1) -> list[WindowAggregate]:
        engine = self.engines.get(platform)
        return [] if engine is None else engine.query(platform, metric=metric, window=window, last=last)

    def live_windows(self) -> int:
        return sum(engine.live_windows() for engine in self.engines.values())

    def dedup_size(self) -> int:
        return sum(engine.dedup_size() for engine in self.engines.values())

    def export_changes(self) -> Iterator[tuple[str, Changes]]:
        """Each platform engine's deltas since the previous export."""
        for platform, engine in self.engines.items():
            yield platform, engine.export_changes()

    def restore(self, states: dict[str, EngineState]) -> None:
        for platform, state in states.items():
            self.engine(platform).restore(state)
