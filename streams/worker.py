"""Run the Faust worker in this process, with our settings rather than Faust's CLI defaults."""

from __future__ import annotations

import logging
import os
import sys
import threading

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
    try:
        worker.execute_from_commandline()
    except SystemExit as done:
        code = 0 if done.code is None else done.code if isinstance(done.code, int) else 1
        exit_despite_stuck_threads(code, settings.stop_timeout_s)
        raise


def exit_despite_stuck_threads(code: int, timeout_s: float) -> None:
    """Once the app has stopped, a thread still waiting for an unreachable broker (Faust runs its
    consumer in a thread of its own, whose client retries forever) must not keep the process alive:
    wait for such threads up to `timeout_s`, then exit with the worker's own code."""
    stuck = [t for t in threading.enumerate() if t is not threading.current_thread() and not t.daemon]
    for thread in stuck:
        thread.join(timeout_s / max(len(stuck), 1))
    alive = [t.name for t in stuck if t.is_alive()]
    if alive:
        logging.getLogger(__name__).warning("worker stopped; threads %s still wait for the broker: exiting", alive)
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
