"""The batched path's pure work per update, stage by stage, with no Kafka client, event loop or broker.

    .venv/bin/python bench/hot_path_bench.py [--updates 200000] [--batch-size 500]

The same input as `bench/run.py` (bench/input.py: 48 series, 500-update JSON arrays of one
platform), through the worker's own functions in order: validate each message into rows
(`decode_timed_update_rows`), build the Signal rows (`signal_row`), chunk and encode them per
`signals` partition (`signal_messages`), read them back (`validated_rows` plus the event times),
apply them to the window state (`WindowWorker._apply_rows`), flush window updates and encode a
state commit per 100 messages, as the windows stage does. The sum is what one core must spend
per update before any I/O: its inverse is a ceiling on updates/s for a worker that does this
work in one process, whatever the client and the broker cost on top.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench.input import build, generate, time_base  # noqa: E402
from bench.reference import Reference  # noqa: E402
from models import decode_timed_update_rows, encode, signal_row  # noqa: E402
from streams.agents.publishing import VALIDATED_HEADER, SignalRow, signal_messages  # noqa: E402
from streams.agents.windows import (  # noqa: E402
    MESSAGES_PER_BATCH,
    PartitionState,
    WindowWorker,
    _EventTimes,
    validated_rows,
)
from streams.app import create_app  # noqa: E402
from streams.settings import Settings  # noqa: E402
from streams.state import encode_keyed_commit  # noqa: E402

PARTITIONS = 4


def timed(label: str, results: dict[str, float], work: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    out = work()
    results[label] = time.perf_counter() - started
    return out


def one_pass(values: list[bytes], worker: WindowWorker) -> tuple[dict[str, float], int]:
    """Every stage once over all messages, on fresh window state: seconds per stage, signals messages."""
    states = {p: PartitionState(worker.pipeline, p) for p in range(PARTITIONS)}
    seconds: dict[str, float] = {}
    timed_rows = timed("validate (pydantic-core + rules)", seconds,
                       lambda: [decode_timed_update_rows(value) for value in values])
    rows: list[SignalRow] = timed("signal rows", seconds,
                                  lambda: [(ts, signal_row(u)) for message in timed_rows for ts, u in message])
    encoded = timed("chunk + encode per partition", seconds, lambda: list(signal_messages(rows, PARTITIONS)))
    headers = [(VALIDATED_HEADER, b"1")]

    def read_back() -> list[tuple[int, list[dict[str, Any]]]]:
        return [(partition, validated_rows(SimpleNamespace(headers=headers, value=value)) or [])
                for partition, _, value, _ in encoded]

    read = timed("read back (orjson)", seconds, read_back)

    def apply_per_batch() -> None:
        # as the windows stage: a batch of messages applied, then the touched states flushed and committed
        for start in range(0, len(read), MESSAGES_PER_BATCH):
            times = _EventTimes()
            for partition, message_rows in read[start:start + MESSAGES_PER_BATCH]:
                worker._apply_rows(states[partition], message_rows, times, defaultdict(float), [], [])
            for state in states.values():
                result = state.engine.flush()
                [encode(row) for row in (*result.updates, *result.finals)]
                encode_keyed_commit(state.engine.export_changes(), {state.offset_key: start}, {})

    timed("event times + window apply + commit", seconds, apply_per_batch)
    return seconds, len(encoded)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=200_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="passes; each stage's best is reported")
    args = parser.parse_args()
    span = 240
    workload = build("batched", generate(args.updates, time_base(span_s=span), span_s=span), args.batch_size,
                     Reference().add)
    values = [value for _, value in workload.messages]
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1", store="memory", windows="1m:10s",
                        partitions=PARTITIONS, state_dir=Path("/tmp/souq-hot-path-bench"))
    pipeline = create_app(settings)
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        seconds, messages = one_pass(values, WindowWorker(pipeline))
        best = {label: min(spent, best.get(label, spent)) for label, spent in seconds.items()}
    total = sum(best.values())
    n = workload.updates
    print(f"{n:,} updates in {len(values):,} messages of {args.batch_size}; {messages:,} signals messages; "
          f"best of {args.repeat} passes")
    for label, spent in best.items():
        print(f"  {label:<36} {1e6 * spent / n:6.2f} µs/update")
    print(f"  {'total':<36} {1e6 * total / n:6.2f} µs/update -> at most {n / total:,.0f} updates/s on one core"
          " before any Kafka client, event loop or broker work")


if __name__ == "__main__":
    main()
