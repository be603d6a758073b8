"""Window specifications: size, step and grace, aligned to the Unix epoch.

Alignment to the epoch (not to the first event) makes a window's bounds a pure function of
event time, so every worker, every restart and every replay of old data agrees on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

DEFAULT_WINDOWS: Final = "1m:10s,1h:1m,1d:10m,1h/5m:1m,1d/1h:10m"

_UNITS: Final = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION: Final = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")


@dataclass(frozen=True, slots=True)
class WindowSpec:
    """One rolling table: windows `[start, start + size)` with `start % step == 0`.

    A window closes (its final value is emitted, later events for it are late) once the
    watermark reaches `end + grace`.
    """

    name: str
    size_s: int
    step_s: int
    grace_s: int

    def __post_init__(self) -> None:
        if self.size_s <= 0 or self.step_s <= 0:
            raise ValueError(f"window {self.name!r}: size and step must be positive")
        if self.step_s > self.size_s:
            raise ValueError(f"window {self.name!r}: step {self.step_s}s is longer than size {self.size_s}s "
                             "(events between windows would belong to none)")
        if self.grace_s < 0:
            raise ValueError(f"window {self.name!r}: grace must not be negative")

    @property
    def kind(self) -> Literal["tumbling", "hopping"]:
        return "tumbling" if self.step_s == self.size_s else "hopping"

    def starts_for(self, ts: float) -> range:
        """Starts of every window containing `ts` (one for tumbling, size/step for hopping)."""
        step, size = self.step_s, self.size_s
        last = int(ts // step) * step
        first = (int((ts - size) // step) + 1) * step
        # Float division can land one step off near a boundary; int-float compares are exact.
        while last > ts:
            last -= step
        while last + step <= ts:
            last += step
        while first - step + size > ts:
            first -= step
        while first + size <= ts:
            first += step
        return range(first, last + 1, step)

    def closes_at(self, start: int) -> int:
        """Watermark at which the window starting at `start` closes."""
        return start + self.size_s + self.grace_s


def parse_duration(text: str) -> int:
    """`"10s"`, `"5m"`, `"1h"`, `"1d"` → seconds."""
    match = _DURATION.match(text)
    if match is None:
        raise ValueError(f"duration {text!r} is not a number followed by s, m, h or d (e.g. 10s, 5m, 1h, 1d)")
    return int(match.group(1)) * _UNITS[match.group(2)]


def parse_windows(text: str) -> list[WindowSpec]:
    """Settings string `size[/step]:grace,...` → specs; the name is the `size[/step]` part."""
    specs: list[WindowSpec] = []
    for raw in text.split(","):
        item = raw.strip()
        if not item:
            continue
        name, sep, grace = item.partition(":")
        if not sep:
            raise ValueError(f"window {item!r} has no grace: write size[/step]:grace, e.g. 1h/5m:1m")
        name = name.replace(" ", "")
        size_text, _, step_text = name.partition("/")
        size = parse_duration(size_text)
        step = parse_duration(step_text) if step_text else size
        specs.append(WindowSpec(name=name, size_s=size, step_s=step, grace_s=parse_duration(grace)))
    names = [s.name for s in specs]
    if len(set(names)) != len(names):
        raise ValueError(f"windows {text!r} name a window twice")
    if not specs:
        raise ValueError("no windows configured")
    return specs
