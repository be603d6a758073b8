"""Summarize a py-spy collapsed-stack profile (`py-spy record --format raw`).

    python bench/profiling.py bench/out/profile/souq-single.txt [--updates 200000] [--top 25]

Prints self and inclusive time per function and per package, and, with --updates, the
worker's sampled CPU per update in microseconds (samples / rate / updates).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^:()]+)(?::\d+)?\)$")

PACKAGES: tuple[tuple[str, str], ...] = (
    ("/streams/windows/", "ours: window engine"),
    ("/streams/agents/", "ours: agents"),
    ("/streams/state/", "ours: state store"),
    ("/streams/", "ours: other"),
    ("/models/", "ours: models/codec"),
    ("/pydantic", "pydantic"),
    ("/faust/", "faust"),
    ("/mode/", "mode"),
    ("/aiokafka/", "aiokafka"),
    ("/kafka/", "kafka-python"),
    ("/prometheus_client/", "prometheus_client"),
    ("/rocksdict", "rocksdict"),
    ("/asyncio/", "asyncio"),
    ("/orjson", "orjson"),
    ("/opentracing", "opentracing"),
)


def package(file: str) -> str:
    for marker, name in PACKAGES:
        if marker in file:
            return name
    return "other" if "site-packages" in file else "stdlib/other"


def parse(path: Path) -> list[tuple[list[tuple[str, str]], int]]:
    stacks = []
    for line in path.read_text(errors="replace").splitlines():
        head, _, count = line.rpartition(" ")
        if not head or not count.isdigit():
            continue
        frames = []
        for raw in head.split(";"):
            m = _FRAME.match(raw)
            frames.append((m["func"], m["file"]) if m else (raw, ""))
        stacks.append((frames, int(count)))
    return stacks


def report(path: Path, rate: int, updates: int | None, top: int) -> str:
    stacks = parse(path)
    total = sum(c for _, c in stacks)
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    by_package: Counter[str] = Counter()
    for frames, count in stacks:
        if not frames:
            continue
        func, file = frames[-1]
        own[f"{func} ({Path(file).name})"] += count
        by_package[package(file)] += count
        for name in {f"{f} ({Path(p).name})" for f, p in frames}:
            inclusive[name] += count
    lines = [f"{path}: {total} samples ({total / rate:.1f} s of CPU at {rate} Hz)"]
    if updates:
        lines.append(f"sampled CPU per update: {total / rate / updates * 1e6:.1f} µs")

    def pct(n: int) -> str:
        us = f"  {n / rate / updates * 1e6:7.2f} µs/update" if updates else ""
        return f"{100 * n / total:5.1f}%{us}"

    lines.append("\nself time by package:")
    lines += [f"  {pct(n)}  {name}" for name, n in by_package.most_common()]
    lines.append(f"\nself time, top {top} functions:")
    lines += [f"  {pct(n)}  {name}" for name, n in own.most_common(top)]
    lines.append(f"\ninclusive time, top {top} functions:")
    lines += [f"  {pct(n)}  {name}" for name, n in inclusive.most_common(top)]
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("profile", type=Path)
    p.add_argument("--rate", type=int, default=200, help="py-spy sampling rate used (Hz)")
    p.add_argument("--updates", type=int)
    p.add_argument("--top", type=int, default=25)
    a = p.parse_args()
    print(report(a.profile, a.rate, a.updates, a.top))


if __name__ == "__main__":
    main()
