"""Regenerate docs/prometheus-conversion-rate.png: Prometheus's own graph of the conversion rate.

    .venv/bin/python scripts/prometheus_graph.py [--out docs/prometheus-conversion-rate.png]
                                                 [--seconds 120] [--range 3m]

Starts the embedded broker on a free port, a worker with its own topic prefix, the demo feed
(`streams.demo`, 2 ticks a second, as `make run` publishes it) and Debian's Prometheus scraping
the worker every second with our rule files (deploy/prometheus/rules). After `--seconds` of
data it photographs Prometheus's graph page for `--expr` (default the recording rule
`souq:conversion_rate:1h`) with Debian's headless Chromium. Takes `--seconds` plus ~20 s.

Debian's Prometheus serves the classic UI (the React UI is not packaged), whose graph page
takes `g0.expr`, `g0.tab` (0 = graph, 1 = table), `g0.range_input`, `g0.end_input`,
`g0.step_input` and `g0.stacked` from the URL.
"""

from __future__ import annotations

import argparse
import sys
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.prometheus import PrometheusServer, prometheus_binary  # noqa: E402
from tests.web.browser import decode_png, find_chromium, screenshot  # noqa: E402
from tests.web.live import DEMO_PLATFORMS, demo_feed_running, demo_worker  # noqa: E402

PLATFORMS = DEMO_PLATFORMS
SIZE = (1400, 900)
EXPR = "souq:conversion_rate:1h"


def graph_url(prometheus_url: str, expr: str, range_input: str) -> str:
    params = {"g0.expr": expr, "g0.tab": "0", "g0.range_input": range_input, "g0.stacked": "0"}
    return f"{prometheus_url}/graph?{urllib.parse.urlencode(params)}"


def coloured_pixels(png: bytes) -> int:
    """Saturated pixels: the graph's lines (the page itself is black, white and grey)."""
    image = decode_png(png)
    count = 0
    for y in range(0, image.height, 2):
        for x in range(0, image.width, 2):
            r, g, b = image.pixel(x, y)
            if max(r, g, b) - min(r, g, b) > 60:
                count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "prometheus-conversion-rate.png")
    parser.add_argument("--seconds", type=float, default=120.0, help="seconds of data before the screenshot")
    parser.add_argument("--range", default="3m", help="the graph's time range (g0.range_input)")
    parser.add_argument("--expr", default=EXPR)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None or not prometheus_binary():
        print("needs Debian's chromium and prometheus: apt-get install -y chromium prometheus", file=sys.stderr)
        return 2
    with demo_worker("graph") as (settings, _worker), \
            PrometheusServer(targets=[f"127.0.0.1:{settings.web_port}"]) as prom:
        prom.wait_for_targets(timeout=30)
        print(f"prometheus on {prom.url}", flush=True)
        with demo_feed_running(settings, args.seed):
            return photograph(prom, chromium, args)


def photograph(prom: PrometheusServer, chromium: str, args: argparse.Namespace) -> int:
    """Wait for `--seconds` of data, print the query's values, and screenshot its graph page."""
    prom.wait_for(args.expr, timeout=60, predicate=lambda r: len(r) == len(PLATFORMS))
    started = time.monotonic()
    while (left := args.seconds - (time.monotonic() - started)) > 0:
        print(f"  {left:.0f} s of data to go", flush=True)
        time.sleep(min(30.0, left))
    rows = prom.query(args.expr)
    for row in sorted(rows, key=lambda r: r["metric"].get("platform", "")):
        print(f"  {row['metric']}: {float(row['value'][1]):.3f}")
    url = graph_url(prom.url, args.expr, args.range)
    print(url, flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    screenshot(chromium, url, args.out, size=SIZE, budget_ms=8000, timeout_s=60)
    lines = coloured_pixels(args.out.read_bytes())
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {lines} coloured pixels sampled)")
    if lines < 200:
        print("the graph looks empty", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
