"""The benchmark job written with Quix Streams: 1-minute tumbling sum and count per series.

    python bench/peers/quix_job.py --broker 127.0.0.1:9092 --input p-metric-updates \
        --output p-quix-final --group p-quix --state-dir bench/out/state/quix [--batched]

Same input bytes as our worker (`metric-updates`: one update per message, or JSON arrays of
updates with --batched, expanded into updates in the pipeline), keyed like ours
(`platform|metric|region|unit` via group_by, i.e. one repartition hop as our `signals` hop),
event time from `observed_at`, RocksDB state, final windows only (closed when the key's event
time passes end + 10 s grace). Output: rows shaped like our
`WindowAggregate` (window, window_start, platform, metric, region, unit, value = sum, count, final).

No validation beyond JSON parsing, no dedup, no derived metrics: it is the job's core only.
Changelog topics are off by default (our worker's state is local RocksDB too); --changelog
turns them on. The first message's wall time goes to --started-file (the harness's t0).
"""

from __future__ import annotations

import argparse
import logging
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from quixstreams import Application
from quixstreams.dataframe.windows import Count, Sum

WINDOW_MS = 60_000
GRACE_MS = 10_000


def series_key(update: dict[str, Any]) -> str:
    return f"{update['platform']}|{update['metric']}|{update.get('region') or '-'}|{update['unit']}"


def event_time_ms(update: dict[str, Any], key: Any, timestamp: int, headers: Any) -> int:
    return int(datetime.fromisoformat(update["observed_at"]).timestamp() * 1000)


def final_row(window: dict[str, Any], key: Any, timestamp: int, headers: Any) -> dict[str, Any]:
    """A row shaped like our WindowAggregate (the fields the harness reads)."""
    platform, metric, region, unit = key.split("|")
    start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(window["start"] // 1000))
    return {"key": f"1m|{key}|{start}", "window": "1m", "window_start": start, "platform": platform,
            "metric": metric, "region": None if region == "-" else region, "unit": unit, "kind": "counter",
            "value": window["sum"], "count": window["count"], "final": True}


def build(args: argparse.Namespace) -> Application:
    app = Application(
        broker_address=args.broker,
        consumer_group=args.group,
        auto_offset_reset="earliest",
        state_dir=args.state_dir,
        use_changelog_topics=args.changelog,
        loglevel=args.loglevel,
        # Like our worker (streams.settings): the embedded broker holds a join for half the
        # session timeout, and librdkafka's default of 45 s would cost ~23 s per start. The bench
        # hands both systems the same pair (bench.systems).
        consumer_extra_config={"session.timeout.ms": int(args.session_timeout_s * 1000),
                               "heartbeat.interval.ms": int(args.heartbeat_interval_s * 1000)},
    )
    source = app.topic(args.input, key_deserializer="bytes", value_deserializer="json")
    sink = app.topic(args.output, key_serializer="str", value_serializer="json")
    sdf = app.dataframe(source)

    started = Path(args.started_file) if args.started_file else None
    first = {"seen": False}

    def mark_started(value: Any) -> bool:
        if not first["seen"]:
            first["seen"] = True
            if started is not None:
                started.write_text(f"{time.time():.6f}\n")
        return True

    sdf = sdf.filter(mark_started)
    if args.batched:
        sdf = sdf.apply(lambda value: value if isinstance(value, list) else [value], expand=True)
    sdf = sdf.set_timestamp(event_time_ms)
    sdf = sdf.group_by(series_key, name="series")
    sdf = (
        sdf.tumbling_window(duration_ms=WINDOW_MS, grace_ms=GRACE_MS, name="1m")
        .agg(sum=Sum("value"), count=Count())
        .final()
    )
    sdf = sdf.apply(final_row, metadata=True)
    sdf.to_topic(sink, key=lambda row: row["key"])
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--broker", required=True)
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--state-dir", required=True)
    parser.add_argument("--started-file", default="")
    parser.add_argument("--batched", action="store_true")
    parser.add_argument("--changelog", action="store_true")
    parser.add_argument("--loglevel", default="WARNING")
    parser.add_argument("--session-timeout-s", type=float, default=10.0)
    parser.add_argument("--heartbeat-interval-s", type=float, default=1.0)
    args = parser.parse_args()
    logging.getLogger().setLevel(args.loglevel)
    build(args).run()


if __name__ == "__main__":
    main()
