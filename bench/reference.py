"""The brute-force reference: sum and count per (series, 1-minute window), from the input itself."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bench.input import SERIES, WINDOW_S, Update

WINDOW_NAME = "1m"


def window_key(label: str, start_s: int) -> str:
    """The harness's name of a window: `1m|platform|metric|region|unit|start`, built from a row's
    fields (not from the Kafka key, whose format is ours to change)."""
    return f"{WINDOW_NAME}|{label}|{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(start_s))}"


def row_key(row: dict[str, Any]) -> str:
    """`window_key` of a WindowAggregate-shaped row (ours, or the Quix job's)."""
    label = f"{row['platform']}|{row['metric']}|{row.get('region') or '-'}|{row['unit']}"
    start = int(datetime.fromisoformat(row["window_start"]).timestamp())
    return f"{row['window']}|{label}|{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(start))}"


@dataclass
class Reference:
    cells: dict[tuple[int, int], list[float]] = field(default_factory=dict)
    """(series index, window start s) -> [sum, count]."""

    def add(self, update: Update) -> None:
        # its own window arithmetic, not streams/windows': a reference sharing the code it checks can't catch its bugs
        start = update.ts_ms // 1000 // WINDOW_S * WINDOW_S
        cell = self.cells.get((update.series, start))
        if cell is None:
            self.cells[(update.series, start)] = [update.value, 1]
        else:
            cell[0] += update.value
            cell[1] += 1

    def expected(self) -> dict[str, tuple[float, int]]:
        return {window_key(SERIES[s].label, start): (cell[0], int(cell[1]))
                for (s, start), cell in self.cells.items()}


@dataclass(frozen=True)
class Verdict:
    expected: int
    matched: int
    missing: list[str]
    wrong: list[tuple[str, tuple[float, int], tuple[float, int]]]
    """(key, expected (sum, count), got (sum, count))."""
    duplicates: int
    """Keys that appeared more than once on the final topic (a final is emitted once)."""

    @property
    def exact(self) -> bool:
        return not self.missing and not self.wrong and self.duplicates == 0 and self.matched == self.expected

    def summary(self) -> str:
        if self.exact:
            return f"all {self.expected} final windows equal the reference"
        parts = [f"{self.matched}/{self.expected} match"]
        if self.missing:
            parts.append(f"{len(self.missing)} missing (e.g. {self.missing[0]})")
        if self.wrong:
            key, want, got = self.wrong[0]
            parts.append(f"{len(self.wrong)} wrong (e.g. {key}: want {want}, got {got})")
        if self.duplicates:
            parts.append(f"{self.duplicates} emitted twice")
        return "; ".join(parts)


def compare(expected: dict[str, tuple[float, int]], finals: dict[str, tuple[float, int]],
            duplicates: int = 0) -> Verdict:
    """Exact comparison: values are multiples of 0.25, so sums are exact in any order."""
    missing = [k for k in expected if k not in finals]
    wrong = [(k, want, finals[k]) for k, want in expected.items() if k in finals and finals[k] != want]
    matched = len(expected) - len(missing) - len(wrong)
    return Verdict(expected=len(expected), matched=matched, missing=sorted(missing), wrong=wrong,
                   duplicates=duplicates)
