"""Stopping child processes one way everywhere (broker, CLI, tests, bench): ask, wait, then kill."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterable
from typing import Any


def stop_processes(processes: Iterable[subprocess.Popen[Any]], sig: int = signal.SIGTERM, timeout_s: float = 10.0,
                   group: bool = False) -> None:
    """Send `sig` to every process still running, wait up to `timeout_s` for each, then kill
    what is left: the whole process group with `group` (children started in a session of their
    own, whose own children must not outlive them)."""
    running = [process for process in processes if process.poll() is None]
    for process in running:
        process.send_signal(sig)
    for process in running:
        try:
            process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            if group:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()
            process.wait()
