"""CPU seconds and peak RSS of a process (psutil when installed, else /proc)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass

try:
    import psutil
except ImportError:  # pragma: no cover - psutil comes with the bench extra's dependencies
    psutil = None

_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int, children: bool = True) -> float:
    """User + system CPU seconds of `pid` (and, by default, its live children)."""
    if psutil is not None:
        try:
            proc = psutil.Process(pid)
            total = sum(proc.cpu_times()[:2])
            if children:
                for child in proc.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        total += sum(child.cpu_times()[:2])
            return float(total)
        except psutil.Error:
            return 0.0
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / _TICK
    except OSError:
        return 0.0


def peak_rss_mb(pid: int) -> float:
    """The kernel's high-water mark of resident memory (VmHWM), in MiB."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class CpuMark:
    """CPU seconds of a process between two moments."""

    pid: int
    start: float = 0.0
    end: float = 0.0

    def begin(self) -> CpuMark:
        self.start = cpu_seconds(self.pid)
        return self

    def finish(self) -> float:
        self.end = cpu_seconds(self.pid)
        return self.end - self.start

    @property
    def seconds(self) -> float:
        return self.end - self.start
