"""Event-time windows owned by us (Faust's windowed tables expire on the wall clock)."""

from streams.windows.cells import COUNTER, DERIVED, GAUGE
from streams.windows.engine import (
    APPLIED,
    DUPLICATE,
    LATE,
    PARTLY_LATE,
    WindowEngine,
)
from streams.windows.keyed import PlatformEngines
from streams.windows.rows import FlushResult
from streams.windows.snapshot import Cell, Changes, EngineState, PendingWindow, Series
from streams.windows.spec import DEFAULT_WINDOWS, WindowSpec, parse_duration, parse_windows

__all__ = [
    "APPLIED",
    "COUNTER",
    "DEFAULT_WINDOWS",
    "DERIVED",
    "DUPLICATE",
    "GAUGE",
    "LATE",
    "PARTLY_LATE",
    "Cell",
    "Changes",
    "EngineState",
    "FlushResult",
    "PendingWindow",
    "PlatformEngines",
    "Series",
    "WindowEngine",
    "WindowSpec",
    "parse_duration",
    "parse_windows",
]
