"""When wall time counts as idle time for the windows' idle close.

A partition whose input stops still closes its windows once `idle_close_s` of wall time pass
without a signal. Idle means nothing left to read, not nothing received: this clock holds the
time that was not idle, and every platform engine's idle clock is held by it.
"""

from __future__ import annotations

from streams.health import lagging
from streams.pipeline import Pipeline

REFETCH_HOLD_S = 5.0
"""After the broker is reachable again, the idle clock waits this long for fresh fetches."""


class IdleClock:
    """Wall seconds held from the idle close since the worker started (`held`), tick by tick."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.held = 0.0
        """Wall seconds the idle close was held (broker unreachable, input behind, just reconnected,
        or the stage busy handling input and delivering output)."""
        self.busy = 0.0
        """Seconds the stage spent applying batches and waiting for their output since the last tick."""
        self._last_tick: float | None = None
        self._hold_until = 0.0

    def hold(self, now: float, behind: bool) -> float:
        """Seconds since the last tick that were not idle time (also added to `held`).

        While the broker is unreachable, for a few seconds after it is back (the first fetches),
        while any input partition is behind, sought back for records its state lacks or waiting
        for its state (`behind`), and while the stage itself handles input or delivers output,
        wall time does not count as idle time. Otherwise an outage, a lag or a slow delivery
        longer than `idle_close_s` closes windows whose signals are still on their way (they
        arrive late).
        """
        last, self._last_tick = self._last_tick, now
        busy, self.busy = self.busy, 0.0
        reachable = self.pipeline.broker_reachable
        if not reachable:
            self._hold_until = now + REFETCH_HOLD_S
        if last is None:
            return 0.0
        if not reachable or now < self._hold_until or behind or lagging(self.pipeline):
            held = now - last
        else:
            # a batch whose output took seconds to deliver (a producer reconnecting after an
            # outage) kept the next input from being read: that was not idle time either; batches
            # overlap one deep (one applied while the one before is delivered), hence the bound
            held = min(busy, now - last)
        self.held += held
        return held
