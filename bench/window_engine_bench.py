"""Micro-benchmark of the window engine: apply/s and flush cost.

    .venv/bin/python bench/window_engine_bench.py [--events 1000000]

1M synthetic metric updates over 48 series (4 platforms × 3 regions × 4 metrics: three
counters and a gauge), event time advancing ~1 ms per update with some disorder, for the
1m tumbling spec alone and for the default five specs (and those again with an export and
RocksStore commit per batch). Flushes every 5000 updates, as the agent does per batch.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time

from streams.state import RocksStore
from streams.windows import DEFAULT_WINDOWS, WindowEngine, parse_windows

PLATFORMS = ("tiktok", "shopee", "noon", "amazon")
REGIONS = ("SA", "AE", None)
METRICS = (("orders", "count", True), ("sessions", "count", True), ("gmv", "USD", True),
           ("market_share", "percent", False))


def synthetic(n: int, seed: int = 7) -> list[tuple[str, str, str, str | None, str, float, float, bool]]:
    rng = random.Random(seed)
    keys = [(p, m, r, u, inc) for p in PLATFORMS for r in REGIONS for m, u, inc in METRICS]
    assert len(keys) == 48
    t0 = 1_700_000_000.0
    out = []
    for i in range(n):
        p, m, r, u, inc = keys[i % 48]
        ts = t0 + i * 0.001 - rng.random() * 2.0  # up to 2 s out of order
        out.append((f"u{i}", p, m, r, u, float(rng.randint(1, 100)), ts, inc))
    return out


def run(label: str, windows: str, events: list, batch: int, commit: bool = False) -> None:
    engine = WindowEngine(parse_windows(windows), clock=time.time)
    store = RocksStore(tempfile.mkdtemp(prefix="window-bench-")) if commit else None
    commit_s = 0.0
    apply = engine.apply
    apply_s = 0.0
    flush_s = 0.0
    flushes = rows = finals = 0
    for lo in range(0, len(events), batch):
        chunk = events[lo:lo + batch]
        t = time.perf_counter()
        for e in chunk:
            apply(*e)
        apply_s += time.perf_counter() - t
        t = time.perf_counter()
        result = engine.flush()
        flush_s += time.perf_counter() - t
        if store is not None:
            t = time.perf_counter()
            store.commit(engine.export_changes(), {"signals:0": lo + len(chunk) - 1})
            commit_s += time.perf_counter() - t
        flushes += 1
        rows += len(result.updates)
        finals += len(result.finals)
    n = len(events)
    print(f"{label:<22} apply {n / apply_s:>10,.0f}/s   flush {1000 * flush_s / flushes:7.2f} ms avg "
          f"({flushes} flushes, {rows:,} update rows, {finals:,} finals)   "
          f"end-to-end {n / (apply_s + flush_s + commit_s):>10,.0f}/s   "
          f"live panes {engine.live_panes()}, dedup ids {engine.dedup_size():,}"
          + (f"   export+commit {1000 * commit_s / flushes:.2f} ms avg" if store is not None else ""))
    if store is not None:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args()
    events = synthetic(args.events)
    run("1m tumbling", "1m:10s", events, args.batch)
    run("default 5 specs", DEFAULT_WINDOWS, events, args.batch)
    run("default + RocksStore", DEFAULT_WINDOWS, events, args.batch, commit=True)


if __name__ == "__main__":
    main()
