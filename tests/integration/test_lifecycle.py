"""A worker stopped with SIGTERM hands over cleanly: its last state commit goes out, its
consumers leave their groups, and a restart resumes from that state with nothing to replay;
/readyz says when a started worker can be asked for its windows."""

from __future__ import annotations

import re
import urllib.error
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

from models import MetricUpdate
from streams.publisher import Publisher
from streams.settings import Settings
from tests.support.worker import WorkerProcess, wait_for

SHUTDOWN_TROUBLE = ("Error while stopping child", "Unclosed AIOKafkaConsumer", "the last state commit failed",
                    "Traceback")
RESTORED = re.compile(r"windows partition (\d+): state at offsets (.*) \((\d+) changelog commits replayed\)")


def test_sigterm_commits_the_state_and_a_restart_resumes_from_it(
    make_settings: Callable[..., Settings], start_worker: Callable[..., WorkerProcess]
) -> None:
    settings = make_settings(windows="1h:1m")
    worker = start_worker(settings)
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    sent = [MetricUpdate(platform=platform, metric="orders", value=float(i % 7), unit="count",
                         observed_at=start + timedelta(seconds=i), update_id=f"{platform}-{i}")
            for platform in ("tiktok", "noon", "shopee") for i in range(200)]
    with Publisher(settings, batch_size=50) as publisher:
        publisher.metrics(sent)
    expected = {p: sum(u.value for u in sent if u.platform == p) for p in ("tiktok", "noon", "shopee")}

    def sums(w: WorkerProcess) -> dict[str, float] | None:
        got = {p: sum(row["value"] for row in w.json(f"/windows/{p}?metric=orders&size=1h&last=1"))
               for p in expected}
        return got if got == expected else None

    wait_for(lambda: sums(worker), timeout_s=60, what="every update in the hour's windows")
    first_log_size = worker.log_path.stat().st_size
    worker.stop(timeout_s=20)
    assert worker.process is not None and worker.process.returncode == 0, worker.log_tail()
    stopping = worker.log_path.read_text(errors="replace")
    for trouble in SHUTDOWN_TROUBLE:
        assert trouble not in stopping, worker.log_tail(80)

    worker.start()
    assert wait_for(lambda: sums(worker), timeout_s=30, what="the same sums after the restart") == expected
    restored = RESTORED.findall(worker.log_path.read_text(errors="replace")[first_log_size:])
    assert len(restored) == settings.partitions
    assert [replayed for _, _, replayed in restored] == ["0"] * settings.partitions  # the local store was current
    assert any(worker.names.metric_updates in offsets for _, offsets, _ in restored)


def test_readyz_is_503_with_reasons_until_every_platform_can_be_asked(
    make_settings: Callable[..., Settings], start_worker: Callable[..., WorkerProcess]
) -> None:
    worker = start_worker(make_settings(), wait=False)
    seen: list[tuple[int, dict[str, Any]]] = []

    def ready() -> bool:
        assert worker.process is not None and worker.process.poll() is None, worker.log_tail()
        try:
            status, body = 200, worker.json("/readyz")
        except urllib.error.HTTPError as error:
            status, body = error.code, orjson.loads(error.read())
        except OSError:  # not serving yet
            return False
        seen.append((status, body))
        return status == 200

    wait_for(ready, timeout_s=60, interval_s=0.05, what="/readyz to answer 200")
    waiting = [body for status, body in seen if status == 503]
    assert waiting and all(body["ready"] is False and body["waiting_for"] for body in waiting), seen
    assert seen[-1][1]["ready"] is True and seen[-1][1]["waiting_for"] == []
    assert seen[-1][1]["assigned"], "ready with nothing assigned: one worker owns every partition"
    # once ready, every platform's windows answer from this worker (a 503 here would raise)
    for platform in ("tiktok", "noon", "shopee", "amazon"):
        assert worker.json(f"/windows/{platform}?last=1") == []
