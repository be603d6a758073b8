"""Regenerate docs/live-page.png: the live page of a real worker fed by the demo feed.

    .venv/bin/python scripts/screenshots.py [--out docs/live-page.png] [--minutes 20]

Starts the embedded broker on a free port, a worker with its own topic prefix, backfills
`--minutes` minutes of the demo feed (`streams.demo`) minute by minute so the page's charts have
history, adds the two figures of the sample signal's article (docs/wire-format.md) to the
reported table, keeps the demo feed running live, and photographs `/` with Debian's headless
Chromium. Takes about a minute.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from models import MetricUpdate  # noqa: E402
from streams.demo import default_profiles, updates_for_tick  # noqa: E402
from streams.publisher import Publisher  # noqa: E402
from tests.support.worker import WorkerProcess  # noqa: E402
from tests.web.browser import Elements, decode_png, dump_dom, find_chromium, screenshot  # noqa: E402
from tests.web.live import (  # noqa: E402
    DEMO_PLATFORMS,
    DEMO_RATE,
    article_figure,
    demo_feed_running,
    demo_worker,
    publish_signals,
    wait_for_window,
)

PLATFORMS = DEMO_PLATFORMS
SIZE = (1280, 1240)
RATE = DEMO_RATE
TICKS_PER_MINUTE = int(RATE * 60)


def backfill(publisher: Publisher, worker: WorkerProcess, minutes: int, seed: int) -> None:
    """The demo feed's ticks for each earlier minute, as `make run` would have published them, one
    minute at a time (the page's history sees each minute before the next one closes it)."""
    rng = random.Random(seed)
    profiles = default_profiles(PLATFORMS, seed)
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    for k in range(minutes, 0, -1):
        minute = start - timedelta(minutes=k)
        batch: list[MetricUpdate] = []
        for tick in range(TICKS_PER_MINUTE):
            at = minute + timedelta(seconds=tick * 60 / TICKS_PER_MINUTE)
            for profile in profiles:
                batch.extend(updates_for_tick(profile, at, rng, k * 100 + tick))
        publisher.metrics(batch)
        publisher.flush()
        wait_for_window(worker, PLATFORMS, minute, timeout_s=30)
        print(f"  minute {minute:%H:%M} seen", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "live-page.png")
    parser.add_argument("--minutes", type=int, default=20, help="minutes of history to backfill")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        print("needs Debian's chromium: apt-get install -y chromium", file=sys.stderr)
        return 2
    with demo_worker("shot") as (settings, worker):
        with Publisher(settings, batch_size=500) as publisher:
            backfill(publisher, worker, args.minutes, args.seed)
            now = datetime.now(UTC)
            # The two figures of the sample signal's article (seed-001, docs/wire-format.md).
            publish_signals(publisher, [
                article_figure("tiktok", "conversion_rate", 1.85, "percent", "Momentum Works", "seed-001", now,
                               span=(312, 317)),
                article_figure("facebook", "conversion_rate", 9.2, "percent", "Momentum Works", "seed-001", now,
                               qualifier="up_to", span=(334, 338)),
            ])
        with demo_feed_running(settings, args.seed):
            time.sleep(4)
            url = worker.url + "/"
            dom = Elements.parse(dump_dom(chromium, url, size=SIZE, budget_ms=4000))
            if not dom.find("body", data_loaded="true"):
                print("the page did not render /api/overview", file=sys.stderr)
                return 1
            args.out.parent.mkdir(parents=True, exist_ok=True)
            screenshot(chromium, url, args.out, size=SIZE, budget_ms=4000)
            image = decode_png(args.out.read_bytes())
            print(f"wrote {args.out} ({image.width}×{image.height}, {args.out.stat().st_size // 1024} KiB)")
            return 0


if __name__ == "__main__":
    raise SystemExit(main())
