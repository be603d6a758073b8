"""Run the Faust worker in this process, with our settings rather than Faust's CLI defaults."""

from __future__ import annotations

import logging

import faust

from streams.app import create_app, quiet_root_logger
from streams.health import quiet_client_errors
from streams.kafka_io import ensure_topics
from streams.settings import Settings


def run_worker(settings: Settings) -> None:
    """Create missing topics, then run until SIGINT/SIGTERM.

    The web server binds `settings.web_host` (127.0.0.1 unless the user exposes it).
    """
    ensure_topics(settings)
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    pipeline = create_app(settings)
    app = pipeline.app

    @app.task
    async def _restore_log_level() -> None:
        quiet_root_logger(settings.log_level)
        quiet_client_errors()

    worker = faust.Worker(app, loglevel=settings.log_level.upper(), quiet=True, redirect_stdouts=False)
    logging.getLogger("faust").setLevel(logging.WARNING)
    worker.execute_from_commandline()
