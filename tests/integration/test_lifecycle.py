"""A worker stopped with SIGTERM hands over cleanly: its last state commit goes out, its
consumers leave their groups, and a restart resumes from that state with nothing to replay."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

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
