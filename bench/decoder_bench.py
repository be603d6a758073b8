"""The `metric-updates` decoder alone: µs per update, by message shape and by path.

    PYTHONHASHSEED=0 .venv/bin/python bench/decoder_bench.py [--repeat 7]

The bench input (bench/input.py `encode_update`: 8 fields, an `update_id`, a millisecond event
time in `Z`) as 500-update JSON arrays, as one MetricBatch object of 500, and as single-update
messages, through `decode_timed_update_rows` and through each of its paths on its own. Each
figure is the best of `--repeat` timed loops (the machine is noisy: the minimum is the signal).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench.input import encode_update, generate, time_base  # noqa: E402
from models import codec  # noqa: E402
from models.metric_update import latest_accepted  # noqa: E402


def best_us(work: Callable[[], Any], updates: int, repeat: int) -> float:
    spent = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        spent.append(time.perf_counter() - started)
    return 1e6 * min(spent) / updates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    updates = [encode_update(u) for u in generate(args.updates, time_base())]
    arrays = [b"[" + b",".join(updates[i:i + 500]) + b"]" for i in range(0, len(updates), 500)]
    batches = [b'{"batch_id":"b","updates":' + a + b"}" for a in arrays]
    latest = latest_accepted()
    n = len(updates)
    paths: dict[str, Callable[[bytes, float], Any]] = {"decode_timed_update_rows": codec.decode_timed_update_rows}
    try:  # the paths of this checkout (the script also runs on older ones, for before/after figures)
        from models.lean_rows import lean_rows
        paths["lean_rows"] = lean_rows
    except ImportError:
        pass
    for name in ("model_rows", "_instant_rows"):
        if hasattr(codec, name):
            paths[name] = getattr(codec, name)
    print(f"{n:,} bench-shaped updates; best of {args.repeat} loops, µs/update")
    print(f"  {'path':<26} {'500-arrays':>10} {'batch obj':>10} {'single':>10}")
    for name, path in paths.items():
        assert all(path(m, latest) is not None for m in (arrays[0], batches[0], updates[0])), name
        row = [best_us(lambda msgs=msgs, path=path: [path(m, latest) for m in msgs], n, args.repeat)
               for msgs in (arrays, batches, updates)]
        print(f"  {name:<26} {row[0]:10.2f} {row[1]:10.2f} {row[2]:10.2f}")


if __name__ == "__main__":
    main()
