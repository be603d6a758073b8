"""Rolling tables on the real broker: grace, late signals, finals once, queries routed to the owner."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson

from models import DeadLetter, MetricUpdate, Signal, decode
from streams.publisher import Publisher
from streams.settings import Settings
from tests.support.worker import WorkerProcess, new_port, read_topic, wait_for

PLATFORMS = ["tiktok", "noon", "shopee", "facebook", "temu", "amazon"]


def update(platform: str, metric: str, value: float, at: datetime, uid: str) -> MetricUpdate:
    return MetricUpdate(platform=platform, metric=metric, value=value, unit="count", observed_at=at, region="AE",
                        update_id=uid)


def test_grace_late_signals_and_one_final_per_window(
    make_settings: Callable[..., Settings], start_worker: Callable[..., WorkerProcess]
) -> None:
    settings = make_settings(windows="1m:20s", idle_close_s=3.0)
    worker = start_worker(settings)
    names = worker.names
    base = (datetime.now(UTC) - timedelta(minutes=10)).replace(second=0, microsecond=0)
    first = f"1m|noon|orders|AE|count|counter|{base:%Y-%m-%dT%H:%M:%SZ}"
    second = f"1m|noon|orders|AE|count|counter|{base + timedelta(minutes=1):%Y-%m-%dT%H:%M:%SZ}"

    def updates_of(key: str) -> list[float]:
        return [orjson.loads(v)["value"] for k, v in read_topic(settings, names.aggregates, idle_ms=500)
                if k and k.decode() == key]

    with Publisher(settings, batch_size=1) as publisher:
        publisher.metric(update("noon", "orders", 5, base + timedelta(seconds=50), "a"))
        publisher.metric(update("noon", "orders", 7, base + timedelta(seconds=70), "b"))  # next window
        publisher.flush()
        wait_for(lambda: updates_of(first) == [5.0], timeout_s=30, what="the first window's first value")
        # out of order, within grace: watermark is base+70, window [base, base+60) closes at base+80
        publisher.metric(update("noon", "orders", 11, base + timedelta(seconds=10), "c"))
        publisher.metric(update("noon", "orders", 1, base + timedelta(seconds=95), "d"))  # watermark base+95
        publisher.flush()
        wait_for(lambda: updates_of(first) == [5.0, 16.0], timeout_s=30, what="the in-grace update")
        # after grace: the first window closed at base+80
        publisher.metric(update("noon", "orders", 100, base + timedelta(seconds=20), "late"))
        publisher.metric(update("noon", "sessions", 1, base + timedelta(seconds=150), "wm"))  # closes the second

    def finals() -> list[tuple[str, dict[str, object]]]:
        return [(k.decode(), orjson.loads(v)) for k, v in read_topic(settings, names.aggregates_final) if k]

    rows = wait_for(lambda: (r := finals()) and {k for k, _ in r} >= {first, second} and r, timeout_s=60,
                    what="both windows final")
    by_key = dict(rows)
    assert by_key[first]["value"] == 16.0 and by_key[first]["count"] == 2  # 5 + 11, not the late 100
    assert by_key[second]["value"] == 8.0
    assert all(row["final"] for _, row in rows)
    counts = Counter(k for k, _ in rows if "|orders|" in k)
    assert counts[first] == 1 and counts[second] == 1, counts

    assert updates_of(first) == [5.0, 16.0]  # the late event changed nothing

    late = [decode(v, Signal) for _, v in read_topic(settings, names.late_signals)]
    assert [s.signal_id for s in late] == ["late"]
    exposition = worker.metrics()
    assert re.search(rf'souq_late_events_total\{{platform="noon",topic="{names.signals}"\}} 1\.0', exposition)


def test_queries_answer_from_any_worker(
    make_settings: Callable[..., Settings], start_worker: Callable[..., WorkerProcess]
) -> None:
    settings = make_settings(windows="1m:10s,1h/5m:1m", idle_close_s=30.0)
    first = start_worker(settings, wait=False)
    second = start_worker(settings.model_copy(update={"web_port": settings.web_port + 1}), wait=False)
    now = datetime.now(UTC)
    with Publisher(settings, batch_size=50) as publisher:
        for i, platform in enumerate(PLATFORMS):
            publisher.metric(update(platform, "sessions", 1000.0 + i, now, f"{platform}-s"))
            publisher.metric(update(platform, "orders", 10.0 + i, now, f"{platform}-o"))

    def both_assigned() -> bool:
        try:
            a, b = first.json("/healthz")["assigned"], second.json("/healthz")["assigned"]
        except OSError:
            return False
        signals = f"{settings.topic_prefix}signals:"
        return sum(t.startswith(signals) for t in a) + sum(t.startswith(signals) for t in b) == 4 and \
            any(t.startswith(signals) for t in a) and any(t.startswith(signals) for t in b)

    wait_for(both_assigned, timeout_s=60, what="two workers sharing the partitions")

    def answers(worker: WorkerProcess, platform: str) -> list[dict[str, object]]:
        rows = worker.json(f"/windows/{platform}?metric=conversion_rate&size=1m&last=1")
        return rows if isinstance(rows, list) else []

    for i, platform in enumerate(PLATFORMS):
        expected = round(100 * (10.0 + i) / (1000.0 + i), 9)
        for worker in (first, second):
            rows = wait_for(lambda w=worker, p=platform: answers(w, p), timeout_s=30,
                            what=f"{platform} from {worker.url}")
            assert [round(float(r["value"]), 9) for r in rows] == [expected]  # type: ignore[arg-type]
        local = [len(w.json(f"/windows/{platform}?local=1")) > 0 for w in (first, second)]
        assert local.count(True) == 1, f"{platform} should live on exactly one worker: {local}"
    hopping = first.json(f"/windows/{PLATFORMS[0]}?metric=orders&size=1h/5m&last=20")
    assert len(hopping) == 12 and {r["value"] for r in hopping} == {10.0}


def test_windows_taken_over_with_nothing_new_still_close_and_answer(
    make_settings: Callable[..., Settings], start_worker: Callable[..., WorkerProcess], tmp_path: Path
) -> None:
    """A partition handed over after its last signal gets no event on the new owner: its restored
    windows must still answer queries there and close on the idle clock (a scale-out after a
    burst, then quiet, left the last minute's windows open forever)."""
    # idle, the watermark runs on from the newest event at wall speed: this window closes 10 s of
    # idle after its owner applied (or restored) it, plus the idle 10 s
    settings = make_settings(windows="1m:5s", idle_close_s=10.0, partitions=1)
    first = start_worker(settings)
    base = (datetime.now(UTC) - timedelta(minutes=10)).replace(second=0, microsecond=0)
    key = f"1m|noon|orders|AE|count|counter|{base:%Y-%m-%dT%H:%M:%SZ}"
    with Publisher(settings, batch_size=1) as publisher:
        publisher.metric(update("noon", "orders", 5, base + timedelta(seconds=55), "only"))
    wait_for(lambda: [k for k, _ in read_topic(settings, first.names.aggregates, idle_ms=300) if k == key.encode()],
             timeout_s=30, what="the window's update on the first worker")
    first.stop()
    assert not read_topic(settings, first.names.aggregates_final, idle_ms=300), "closed before the handover"

    second = start_worker(settings.model_copy(update={"state_dir": tmp_path / "second-state", "web_port": new_port()}))
    rows = wait_for(lambda: second.json("/windows/noon?local=1"), timeout_s=15, what="the restored window's row")
    assert [(r["metric"], r["value"]) for r in rows] == [("orders", 5.0)]
    finals = wait_for(lambda: read_topic(settings, second.names.aggregates_final, idle_ms=300), timeout_s=45,
                      what="the final from the idle clock on the new owner")
    assert [(k, orjson.loads(v)["value"]) for k, v in finals] == [(key.encode(), 5.0)]


def test_a_signals_message_with_a_malformed_row_is_dead_lettered_once_and_applies_nothing(
    make_settings: Callable[..., Settings], start_worker: Callable[..., WorkerProcess]
) -> None:
    """Issue 15: a message carrying the old "validated" header but a malformed row once had its
    good rows applied, then the whole message validated again, and its late rows published twice.
    Every `signals` message is now validated in full before anything of it is applied."""
    settings = make_settings(windows="1m:5s", idle_close_s=2.0)
    worker = start_worker(settings)
    names = worker.names
    old = datetime.now(UTC) - timedelta(hours=3)
    late = Signal(signal_id="late-1", origin="metric_update", platform="noon", metric="orders", value=3.0,
                  unit="count", observed_at=old, region="AE").model_dump(mode="json")
    malformed = {**late, "signal_id": "bad-1", "value": "three"}
    recent = datetime.now(UTC) - timedelta(minutes=2)
    with Publisher(settings, batch_size=1) as publisher:
        publisher.metric(update("noon", "orders", 1, recent, "fresh"))  # the partition's event time moves on
        publisher.flush()
        wait_for(lambda: read_topic(settings, names.aggregates, idle_ms=300), timeout_s=30, what="a window row")
        publisher.producer.send(names.signals, key=b"noon", value=orjson.dumps([late, malformed]),
                                headers=[("souq-validated", b"1")])
        publisher.producer.send(names.signals, key=b"noon", value=orjson.dumps([late]))  # the same row, valid
    letters = wait_for(lambda: read_topic(settings, names.dead_letters, idle_ms=500), timeout_s=30,
                       what="the dead letter")
    assert [decode(value, DeadLetter).reason for _, value in letters] == ["invalid"]
    late_rows = wait_for(lambda: read_topic(settings, names.late_signals, idle_ms=800), timeout_s=30,
                         what="the late row of the valid message")
    assert [orjson.loads(value)["signal_id"] for _, value in late_rows] == ["late-1"]  # once, from the valid one
