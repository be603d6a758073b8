"""Web views: `/metrics`, `/windows/{platform}`, `/reported/{platform}`, `/healthz`, `/`."""

from __future__ import annotations

from importlib import resources
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST

from models import dumps
from streams.app import Pipeline


def register_views(pipeline: Pipeline) -> None:
    app = pipeline.app

    @app.page("/metrics")
    async def metrics(web: Any, request: Any) -> Any:
        return web.bytes(pipeline.telemetry.exposition(), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    @app.page("/healthz")
    async def healthz(web: Any, request: Any) -> Any:
        try:
            assigned = sorted(f"{tp.topic}:{tp.partition}" for tp in app.consumer.assignment())
        except Exception:  # the consumer is created lazily; before that nothing is assigned
            assigned = []
        return web.json({"status": "ok", "assigned": assigned})

    @app.page("/windows/{platform}")
    async def windows(web: Any, request: Any, platform: str) -> Any:
        query = request.query
        try:
            last = max(1, min(int(query.get("last", "10")), 1000))
        except ValueError:
            return web.json({"error": "last must be a whole number"}, status=400)
        rows = pipeline.window_worker.query(platform, query.get("metric"), query.get("size"), last)
        return web.bytes(dumps([row.model_dump(mode="json") for row in rows]), content_type="application/json")

    @app.page("/reported/{platform}")
    async def reported(web: Any, request: Any, platform: str) -> Any:
        rows = pipeline.window_worker.reported_for(platform)
        return web.bytes(dumps([row.model_dump(mode="json") for row in rows]), content_type="application/json")

    @app.page("/")
    async def index(web: Any, request: Any) -> Any:
        page = resources.files("streams.web").joinpath("static/index.html")
        if not page.is_file():
            return web.text("souq-signals worker: see /metrics", content_type="text/plain")
        return web.html(page.read_text(encoding="utf-8"))
