"""The live page at `/`, served by a real worker on the real embedded broker, in headless Chromium.

Three minutes of metric updates for tiktok and noon (the current one: 37 orders over 2,000
sessions for tiktok, 3 over 100 for noon) and two article figures; then Chromium renders the
page: its DOM must show the published numbers, its screenshot must show the series' colours
inside the chart plots.
"""

from __future__ import annotations

import time
import urllib.error
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from streams.publisher import Publisher
from streams.settings import Settings
from tests.support.worker import WorkerProcess, wait_for
from tests.web.browser import Elements, decode_png, dump_dom, find_chromium, hex_rgb, near, screenshot
from tests.web.live import article_figure, minute_start, minutes_back, overview, publish_signals, updates
from tests.web.live import wait_for_window as wait_window

pytestmark = [pytest.mark.broker, pytest.mark.chromium, pytest.mark.timeout(120)]

CHROMIUM = find_chromium()
PLATFORMS = {"tiktok": ("US", "USD"), "noon": ("AE", "AED")}
BACKGROUND = (255, 255, 255)


def publish_minutes(settings: Settings, worker: WorkerProcess) -> datetime:
    """Two earlier minutes (each seen by the page before the next closes it), then the current one."""
    now = datetime.now(UTC)
    with Publisher(settings, batch_size=100) as publisher:
        for k, at in enumerate(minutes_back(now, 2)):
            for n, (platform, (region, currency)) in enumerate(PLATFORMS.items()):
                publisher.metrics(updates(platform, region, currency, at, [1000], [20 + 10 * k + 15 * n],
                                          900.0 + 100 * k + 400 * n, 1e8 + 1e6 * k - 5e7 * n, f"{platform}-m{k}"))
            publisher.flush()
            wait_window(worker, PLATFORMS, minute_start(at))
        publisher.metrics(updates("tiktok", "US", "USD", now, [500, 700, 800], [10, 12, 15], 1234.5, 1.5e8,
                                  "tiktok-now"))
        publisher.metrics(updates("noon", "AE", "AED", now, [100], [3], 300.0, 2.5e6, "noon-now"))
        publisher.flush()
        publish_signals(publisher, [
            article_figure("tiktok", "conversion_rate", 1.85, "percent", "Momentum Works", "seed-001", now,
                           span=(312, 317)),
            article_figure("noon", "gmv", 2.1e9, "USD", "Arabian Business", "seed-042", now, period="2023",
                           qualifier="approx", kind="target", span=(40, 48)),
        ])
    return minute_start(now)


def current_as_published(worker: WorkerProcess, start: datetime) -> dict[str, dict[str, object]] | None:
    body = overview(worker)
    stamp = start.strftime("%Y-%m-%dT%H:%M:%SZ")
    latest = {p["platform"]: p for p in body["platforms"] if p["latest"] and p["latest"]["window_start"] == stamp}
    if set(latest) != set(PLATFORMS):
        return None
    if latest["tiktok"]["latest"]["conversion_rate"] != 1.85 or latest["noon"]["latest"]["conversion_rate"] != 3.0:
        return None
    if not all(latest[p]["reported"] for p in PLATFORMS):
        return None
    return latest


def plot_rect(attrs: dict[str, str]) -> tuple[int, int, int, int]:
    x, y, w, h = (int(v) for v in attrs["data-plot-rect"].split(","))
    return x, y, w, h


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium); CI installs it")
def test_live_page_shows_what_was_published(make_settings: Callable[..., Settings],
                                            start_worker: Callable[..., WorkerProcess], tmp_path: Path) -> None:
    assert CHROMIUM is not None
    started = time.monotonic()
    settings = make_settings(windows="1m:10s,1h:1m", store="memory")
    worker = start_worker(settings)
    start = publish_minutes(settings, worker)
    latest = wait_for(lambda: current_as_published(worker, start), timeout_s=30, interval_s=0.2,
                      what="the current minute and the article figures on /api/overview")
    assert latest["tiktok"]["latest"]["sessions"] == 2000 and latest["tiktok"]["latest"]["orders"] == 37
    assert len(latest["tiktok"]["series"]) == 3, latest["tiktok"]["series"]
    with pytest.raises(urllib.error.HTTPError) as unknown:
        worker.get("/api/overview?window=7m")
    assert unknown.value.code == 400
    with pytest.raises(urllib.error.HTTPError) as outside:
        worker.get("/static/vendor/%2e%2e/%2e%2e/views.py")
    assert outside.value.code == 404
    assert len(worker.get("/static/vendor/uplot/uPlot.iife.min.js")) > 10_000  # offline: no CDN
    url = worker.url + "/"

    # (b) the DOM: the page fetched /api/overview and rendered the published numbers
    dom = Elements.parse(dump_dom(CHROMIUM, url, budget_ms=4000))
    assert dom.find("body", data_loaded="true"), "the page never rendered /api/overview"
    [tiktok] = dom.find("tr", data_platform="tiktok", data_conversion_rate="1.85")
    assert (tiktok["data-sessions"], tiktok["data-orders"]) == ("2000", "37")
    assert dom.find("tr", data_platform="noon", data_conversion_rate="3")
    assert "1.85%" in dom.texts and "3.00%" in dom.texts
    reported = dom.find("tr", data_platform="noon", data_metric="gmv")
    assert reported and reported[0]["data-source"] == "Arabian Business" and reported[0]["data-kind"] == "target"
    assert dom.find("tr", data_platform="tiktok", data_metric="conversion_rate", data_source="Momentum Works")
    assert "Momentum Works" in dom.texts and "Arabian Business" in dom.texts
    [processed] = dom.find("div", data_health="processed")
    assert float(processed["data-value"]) > 0
    charts = {a["data-chart"]: a for a in dom.find("figure") if "data-chart" in a}
    assert set(charts) == {"conversion_rate", "gmv", "active_users", "orders"}
    for kind, attrs in charts.items():
        assert attrs.get("data-has-data") == "true", kind
        assert attrs.get("data-points") == "3", (kind, attrs.get("data-points"))

    # (a) the pixels: each platform's colour is drawn inside each chart's plot area
    image = decode_png(screenshot(CHROMIUM, url, tmp_path / "live.png", budget_ms=4000).read_bytes())
    assert (image.width, image.height) == (1280, 900)
    for kind in ("conversion_rate", "gmv", "active_users", "orders"):
        attrs = charts[kind]
        rect = plot_rect(attrs)
        assert rect[2] > 200 and rect[3] > 100, (kind, rect)
        assert rect[1] + rect[3] <= image.height, f"{kind} chart below the fold: {rect}"
        # "tiktok=#2563eb;tiktok (open)=#2563eb;…": closed and open windows of a platform share its colour
        colours = {label.split(" ")[0]: colour for label, colour in
                   (item.split("=") for item in attrs["data-series"].split(";"))}
        assert set(colours) == set(PLATFORMS), attrs["data-series"]
        assert len(set(colours.values())) == len(PLATFORMS), colours
        for platform, colour in colours.items():
            drawn = image.count(rect, near(hex_rgb(colour), 24))
            assert drawn >= 30, f"{kind}: {platform}'s colour {colour} drawn on {drawn} pixels of {rect}"
        inked = image.count(rect, lambda rgb: max(abs(a - b) for a, b in zip(rgb, BACKGROUND, strict=True)) > 60)
        assert inked >= 150, f"{kind}: the plot {rect} is nearly blank ({inked} inked pixels)"
    assert worker.process is not None and worker.process.poll() is None
    assert time.monotonic() - started < 60
