"""The batched path's pure work per update, stage by stage, with no Kafka client, event loop or broker.

    .venv/bin/python bench/hot_path_bench.py [--updates 200000] [--batch-size 500]

The same input as `bench/run.py` (bench/input.py: 48 series, 500-update JSON arrays of one
platform, keyed by platform), through the worker's own functions in order, as the windows stage
runs them on its one hop: validate each message into rows (`decode_update_message`), apply them
to the window state of the message's partition (`BatchApply.updates`), then per batch of
`batch_max` messages flush the touched states' window rows, encode them and encode a state commit.
The sum is what one core must spend per update before any I/O: its inverse is a ceiling on
updates/s for one worker, whatever the client and the broker cost on top.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench.input import build, generate, time_base  # noqa: E402
from bench.reference import Reference  # noqa: E402
from models import TimedRow, encode  # noqa: E402
from streams.agents.metric_updates import decode_update_message  # noqa: E402
from streams.agents.publishing import signal_partition  # noqa: E402
from streams.agents.window_apply import BatchApply  # noqa: E402
from streams.agents.window_state import PartitionState  # noqa: E402
from streams.app import create_app  # noqa: E402
from streams.pipeline import Pipeline  # noqa: E402
from streams.settings import Settings  # noqa: E402
from streams.state import encode_keyed_commit  # noqa: E402

PARTITIONS = 4


def timed(label: str, results: dict[str, float], work: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    out = work()
    results[label] = time.perf_counter() - started
    return out


def one_pass(messages: list[tuple[bytes, bytes]], pipeline: Pipeline) -> dict[str, float]:
    """Every stage once over all messages, on fresh window state: seconds per stage."""
    settings = pipeline.settings
    states = {p: PartitionState(pipeline, p) for p in range(PARTITIONS)}
    seconds: dict[str, float] = {}
    limit = settings.max_batch_updates
    validated: list[tuple[int, list[TimedRow]]] = timed(
        "validate (pydantic-core + rules)", seconds,
        lambda: [(signal_partition(key.decode(), PARTITIONS), decode_update_message(value, limit))
                 for key, value in messages])
    counters: dict[str, Any] = {name: _NoCount() for name in (pipeline.names.metric_updates, pipeline.names.signals)}

    def apply_per_batch() -> None:
        for start in range(0, len(validated), settings.batch_max):
            batch = BatchApply(PARTITIONS, counters, _NoCount(), pipeline.names.metric_updates, pipeline.names.signals)
            for partition, rows in validated[start:start + settings.batch_max]:
                batch.updates(states[partition], rows)
            assert not batch.repartition and not batch.late
            for state in states.values():
                result = state.engine.flush()
                [encode(row) for row in (*result.updates, *result.finals)]
                encode_keyed_commit(state.engine.export_changes(), {f"p:{state.partition}": start}, {})

    timed("window apply + flush + commit", seconds, apply_per_batch)
    return seconds


class _NoCount:
    """A Prometheus child's stand-in: the bench counts nothing."""

    def labels(self, **_: str) -> _NoCount:
        return self

    def inc(self, amount: float = 1.0) -> None:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=200_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="passes; each stage's best is reported")
    args = parser.parse_args()
    span = 240
    workload = build("batched", generate(args.updates, time_base(span_s=span), span_s=span), args.batch_size,
                     Reference().add)
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1", store="memory", windows="1m:10s",
                        partitions=PARTITIONS, state_dir=Path("/tmp/souq-hot-path-bench"))
    pipeline = create_app(settings)
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        seconds = one_pass(workload.messages, pipeline)
        best = {label: min(spent, best.get(label, spent)) for label, spent in seconds.items()}
    total = sum(best.values())
    n = workload.updates
    print(f"{n:,} updates in {len(workload.messages):,} messages of {args.batch_size}; best of {args.repeat} passes")
    for label, spent in best.items():
        print(f"  {label:<36} {1e6 * spent / n:6.2f} µs/update")
    print(f"  {'total':<36} {1e6 * total / n:6.2f} µs/update -> at most {n / total:,.0f} updates/s on one core"
          " before any Kafka client, event loop or broker work")


if __name__ == "__main__":
    main()
