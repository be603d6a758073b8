"""Web views: `/metrics`, `/windows/{platform}`, `/reported/{platform}`, `/healthz`, `/readyz`, `/api/overview`,
`/` (the live page) and `/static/...` (its script, styles and vendored chart library)."""

from __future__ import annotations

import mimetypes
from importlib import resources
from typing import Any

import aiohttp
from prometheus_client import CONTENT_TYPE_LATEST

from models.codec import dumps
from streams.agents.publishing import signal_partition
from streams.health import assigned_partitions, not_ready
from streams.pipeline import Pipeline
from streams.web.history import History
from streams.web.overview import overview, snapshot
from streams.windows.spec import parse_windows

STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".png": "image/png",
                ".svg": "image/svg+xml", ".md": "text/plain", "": "text/plain"}


def static_file(path: str) -> tuple[bytes, str] | None:
    """A file under `streams/web/static`, or None (also for any path that tries to leave it)."""
    parts = path.split("/")
    if not path or any(part in ("", ".", "..") or part.startswith(".") or "\\" in part for part in parts):
        return None
    node = resources.files("streams.web").joinpath("static")
    for part in parts:
        node = node.joinpath(part)
    if not node.is_file():
        return None
    suffix = "." + parts[-1].rsplit(".", 1)[1] if "." in parts[-1] else ""
    content_type = STATIC_TYPES.get(suffix) or mimetypes.guess_type(parts[-1])[0] or "application/octet-stream"
    return node.read_bytes(), content_type


def register_views(pipeline: Pipeline) -> None:
    app = pipeline.app
    window_names = [spec.name for spec in parse_windows(pipeline.settings.windows)]
    history = History()

    @app.timer(interval=2.0, name="souq.web.history")
    async def record_history() -> None:
        """The live page's charts: windows as they were, while the engine keeps only the latest."""
        snapshot(pipeline.window_worker, history, history.followed(window_names[0]), pipeline.telemetry.registry)

    def json_bytes(value: Any, web: Any, status: int = 200) -> Any:
        return web.bytes(dumps(value), content_type="application/json", status=status,
                         headers={"Cache-Control": "no-store"})

    @app.page("/metrics")
    async def metrics(web: Any, request: Any) -> Any:
        return web.bytes(pipeline.telemetry.exposition(), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    @app.page("/healthz")
    async def healthz(web: Any, request: Any) -> Any:
        assigned = sorted(f"{tp.topic}:{tp.partition}" for tp in assigned_partitions(pipeline))
        return web.json({"status": "ok", "assigned": assigned})

    @app.page("/readyz")
    async def readyz(web: Any, request: Any) -> Any:
        """200 once both consumer groups are joined and the owned windows restored, else 503 and why
        (the readiness probe: /healthz only says the process serves)."""
        waiting = not_ready(pipeline)
        assigned = sorted(f"{tp.topic}:{tp.partition}" for tp in assigned_partitions(pipeline))
        return json_bytes({"ready": not waiting, "waiting_for": waiting, "assigned": assigned}, web,
                          503 if waiting else 200)

    async def routed(web: Any, request: Any, platform: str) -> Any | None:
        """Forward to the worker that owns `platform`'s windows partition; None when it is us.

        Both inputs are keyed by platform and co-partitioned, so one partition number (and one
        worker) holds all of a platform's windows and reported figures; the windows stage's
        assignment says which worker that is. `?local=1` answers from this worker only.
        """
        if request.query.get("local"):
            return None
        stage = pipeline.windows_stage
        owner = stage.owners.get(signal_partition(platform, pipeline.settings.partitions)) if stage else None
        if owner is None:
            return json_bytes({"error": "no worker owns this platform's partition yet (rebalancing?)"}, web, 503)
        if owner == stage.url:
            return None
        query = {**request.query, "local": "1"}
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session, \
                    session.get(owner + request.path, params=query) as answer:
                return web.bytes(await answer.read(), content_type=answer.content_type, status=answer.status)
        except (aiohttp.ClientError, TimeoutError) as error:
            return json_bytes({"error": f"the worker that owns this platform ({owner}) did not answer: {error}"},
                              web, 503)

    @app.page("/windows/{platform}")
    async def windows(web: Any, request: Any, platform: str) -> Any:
        query = request.query
        try:
            last = max(1, min(int(query.get("last", "10")), 1000))
        except ValueError:
            return json_bytes({"error": "last must be a whole number"}, web, 400)
        forwarded = await routed(web, request, platform)
        if forwarded is not None:
            return forwarded
        rows = pipeline.window_worker.query(platform, query.get("metric"), query.get("size"), last)
        return json_bytes([row.model_dump(mode="json") for row in rows], web)

    @app.page("/reported/{platform}")
    async def reported(web: Any, request: Any, platform: str) -> Any:
        forwarded = await routed(web, request, platform)
        if forwarded is not None:
            return forwarded
        rows = pipeline.window_worker.reported_for(platform)
        return json_bytes([row.model_dump(mode="json") for row in rows], web)

    @app.page("/api/overview")
    async def api_overview(web: Any, request: Any) -> Any:
        """`?window=1m&last=30[&platforms=tiktok,noon]`: the live page's one request."""
        query = request.query
        window = query.get("window") or window_names[0]
        if window not in window_names:
            return json_bytes({"error": f"unknown window {window!r}: one of {', '.join(window_names)}"}, web, 400)
        try:
            last = max(1, min(int(query.get("last", "30")), 500))
        except ValueError:
            return json_bytes({"error": "last must be a whole number"}, web, 400)
        history.requested(window)
        wanted = query.get("platforms")
        platforms = [p.strip() for p in wanted.split(",") if p.strip()] if wanted else None
        body = overview(pipeline.window_worker, pipeline.telemetry.registry, window=window, last=last,
                        windows=window_names, topic_prefix=pipeline.settings.topic_prefix, platforms=platforms,
                        history=history)
        body["assigned_partitions"] = len(assigned_partitions(pipeline))
        return json_bytes(body, web)

    @app.page("/static/{path:.+}")
    async def static(web: Any, request: Any, path: str) -> Any:
        found = static_file(path)
        if found is None:
            return web.text("not found", status=404)
        content, content_type = found
        return web.bytes(content, content_type=content_type, headers={"Cache-Control": "max-age=300"})

    @app.page("/")
    async def index(web: Any, request: Any) -> Any:
        page = resources.files("streams.web").joinpath("static/index.html")
        if not page.is_file():
            return web.text("souq-signals worker: see /metrics", content_type="text/plain")
        return web.html(page.read_text(encoding="utf-8"))
