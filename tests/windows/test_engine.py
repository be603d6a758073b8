"""Behaviour the property test does not pin down by itself: the spec's examples and bounds."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from models.aggregate import WindowAggregate
from streams.windows import (
    APPLIED,
    DEFAULT_WINDOWS,
    DUPLICATE,
    LATE,
    PARTLY_LATE,
    PlatformEngines,
    WindowEngine,
    WindowSpec,
    parse_windows,
)

T0 = datetime(2024, 3, 1, 12, 0, tzinfo=UTC).timestamp()  # aligned to the minute and the hour


class Clock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def one_minute(grace: int = 10, **kwargs: object) -> WindowEngine:
    return WindowEngine([WindowSpec("1m", 60, 60, grace)], clock=Clock(), **kwargs)  # type: ignore[arg-type]


def by_metric(rows: list[WindowAggregate]) -> dict[str, WindowAggregate]:
    return {r.metric + ("/" + r.unit if r.kind == "derived" else ""): r for r in rows}


def test_conversion_rate_is_a_ratio_of_sums() -> None:
    engine = one_minute()
    rng = random.Random(1)
    orders = [1] * 37
    sessions = [rng.randint(1, 10) for _ in range(300)]
    sessions.append(2000 - sum(sessions))
    for i, n in enumerate(orders):
        engine.apply(f"o{i}", "noon", "orders", "SA", "count", float(n), T0 + i, True)
    for i, n in enumerate(sessions):
        engine.apply(f"s{i}", "noon", "sessions", "SA", "count", float(n), T0 + i % 60, True)
    engine.apply("g1", "noon", "gmv", "SA", "SAR", 5000.0, T0 + 3, True)
    engine.apply("g2", "noon", "gmv", "SA", "USD", 370.0, T0 + 4, True)
    rows = by_metric(engine.flush().updates)
    cr = rows["conversion_rate/percent"]
    assert (cr.value, cr.unit, cr.kind, cr.count) == (1.85, "percent", "derived", 37 + len(sessions))
    assert rows["average_order_value/SAR"].value == 5000.0 / 37
    assert rows["average_order_value/USD"].value == 10.0
    assert rows["average_order_value/USD"].count == 38
    for row in (cr, rows["orders"], rows["average_order_value/SAR"]):
        assert WindowAggregate.model_validate(row.model_dump()) == row


def test_no_conversion_rate_without_sessions() -> None:
    engine = one_minute()
    engine.apply("o", "noon", "orders", None, "count", 3.0, T0, True)
    engine.apply("g", "noon", "gmv", None, "USD", 30.0, T0, True)
    assert set(by_metric(engine.flush().updates)) == {"orders", "gmv", "average_order_value/USD"}


def test_counter_and_gauge_rows_carry_the_right_fields() -> None:
    engine = one_minute()
    for i, v in enumerate([4.0, 2.0, 9.0]):
        engine.apply(f"g{i}", "x", "market_share", "EU", "percent", v, T0 + 10 - i, False)
        engine.apply(f"c{i}", "x", "sessions", "EU", "count", v, T0 + i, True)
    rows = by_metric(engine.flush(now=T0 + 1).updates)
    gauge, counter = rows["market_share"], rows["sessions"]
    assert (gauge.kind, gauge.value, gauge.last, gauge.min, gauge.max, gauge.mean, gauge.sum, gauge.count) == (
        "gauge", 4.0, 4.0, 2.0, 9.0, 5.0, 15.0, 3)  # last by event time, not arrival
    assert (counter.kind, counter.value, counter.sum, counter.count, counter.last, counter.mean) == (
        "counter", 15.0, 15.0, 3, None, None)
    assert gauge.window_start == datetime.fromtimestamp(T0, UTC)
    assert gauge.window_end == datetime.fromtimestamp(T0 + 60, UTC)
    assert gauge.updated_at == datetime.fromtimestamp(T0 + 1, UTC)
    assert gauge.key == f"1m|x|market_share|EU|percent|gauge|{gauge.window_start:%Y-%m-%dT%H:%M:%SZ}"
    assert (gauge.window, gauge.window_kind, gauge.final) == ("1m", "tumbling", False)


def test_duplicate_changes_nothing() -> None:
    engine = one_minute()
    assert engine.apply("a", "x", "orders", None, "count", 5.0, T0, True) == APPLIED
    engine.flush()
    assert engine.apply("a", "x", "orders", None, "count", 5.0, T0, True) == DUPLICATE
    assert engine.flush().updates == []


def test_within_grace_updates_and_re_emits_after_grace_is_late() -> None:
    engine = one_minute(grace=10)
    engine.apply("a", "x", "orders", None, "count", 1.0, T0 + 30, True)
    engine.apply("b", "x", "orders", None, "count", 1.0, T0 + 65, True)  # watermark past end, within grace
    engine.flush()
    assert engine.apply("c", "x", "orders", None, "count", 1.0, T0 + 50, True) == APPLIED
    (row,) = engine.flush().updates
    assert (row.window_start.timestamp(), row.value, row.final) == (T0, 2.0, False)
    engine.apply("d", "x", "orders", None, "count", 1.0, T0 + 70, True)  # end + grace reached: closes
    assert engine.apply("e", "x", "orders", None, "count", 1.0, T0 + 59, True) == LATE
    result = engine.flush()
    (final,) = [r for r in result.finals if r.window_start.timestamp() == T0]
    assert (final.value, final.count, final.final) == (2.0, 2, True)
    assert engine.flush().finals == []  # exactly once


def test_partly_late_on_hopping_windows() -> None:
    engine = WindowEngine([WindowSpec("10m/5m", 600, 300, 0)], clock=Clock())
    engine.apply("a", "x", "orders", None, "count", 1.0, T0 + 100, True)
    engine.apply("b", "x", "orders", None, "count", 1.0, T0 + 400, True)
    engine.apply("c", "x", "orders", None, "count", 1.0, T0 + 300, True)  # closes [T0-300, T0+300)
    assert engine.apply("d", "x", "orders", None, "count", 1.0, T0 + 350, True) == APPLIED
    assert engine.apply("e", "x", "orders", None, "count", 1.0, T0 + 200, True) == PARTLY_LATE
    result = engine.flush()
    finals = {r.window_start.timestamp(): r.value for r in result.finals}
    assert finals == {T0 - 300: 1.0}  # e did not leak into the closed window through the shared pane
    updates = {r.window_start.timestamp(): r.value for r in result.updates}
    assert updates == {T0 - 300: 1.0, T0: 5.0, T0 + 300: 3.0}


def test_changes_against_the_previous_window() -> None:
    engine = one_minute(grace=0)
    engine.apply("a", "x", "orders", None, "count", 40.0, T0 + 1, True)
    engine.apply("b", "x", "orders", None, "count", 50.0, T0 + 61, True)
    first = engine.flush()
    (final,) = first.finals
    assert final.change_abs is None
    current = [r for r in first.updates if r.window_start.timestamp() == T0 + 60]
    assert (current[0].change_abs, current[0].change_pct) == (10.0, 25.0)
    engine.apply("c", "x", "orders", None, "count", 10.0, T0 + 62, True)
    (row,) = engine.flush().updates  # the previous window's panes are gone: its final is remembered
    assert (row.value, row.change_abs, row.change_pct) == (60.0, 20.0, 50.0)


def test_replay_of_2019_data_after_live_data_is_late_but_fresh_engine_replays_it() -> None:
    t2019 = datetime(2019, 6, 1, 8, 0, tzinfo=UTC).timestamp()
    engine = WindowEngine(parse_windows(DEFAULT_WINDOWS), clock=Clock())
    for i in range(180):  # three minutes of 2019, one update per second
        assert engine.apply(f"r{i}", "qvc", "orders", "US", "count", 1.0, t2019 + i, True) == APPLIED
    engine.apply("later", "qvc", "orders", "US", "count", 1.0, t2019 + 86400 * 3, True)
    result = engine.flush()
    minute = sorted((r.window_start, r.value) for r in result.finals if r.window == "1m")
    assert minute == [(datetime.fromtimestamp(t2019 + 60 * k, UTC), 60.0) for k in range(3)]
    days = [r for r in result.finals if r.window == "1d"]
    assert [(r.window_start, r.value) for r in days] == [(datetime(2019, 6, 1, tzinfo=UTC), 180.0)]
    assert engine.apply("r0b", "qvc", "orders", "US", "count", 1.0, t2019, True) == LATE


def test_idle_partition_closes_on_the_wall_clock() -> None:
    clock = Clock(1000.0)
    engine = WindowEngine([WindowSpec("1m", 60, 60, 10)], idle_s=30.0, clock=clock)
    engine.apply("a", "x", "orders", None, "count", 1.0, T0 + 5, True)
    assert engine.flush().finals == []
    clock.now = 1029.0
    engine.tick()
    assert engine.watermark == T0 + 5
    clock.now = 1040.0  # idle 40 s: watermark = T0 + 5 + 40 - 30
    assert engine.tick() == 0 and engine.watermark == T0 + 15
    assert engine.tick(now=1000.0) == 0 and engine.watermark == T0 + 15  # never goes back
    assert engine.tick(now=1095.0) == 1  # T0 + 70 = end + grace
    (final,) = engine.flush().finals
    assert final.value == 1.0 and engine.live_windows() == 0


def test_held_time_does_not_count_as_idle_for_any_platform() -> None:
    """An outage both platforms waited through is held for both, though only one gets events
    right after it: the other's open window must not close before its signals arrive."""
    clock = Clock(1000.0)
    engines = PlatformEngines([WindowSpec("1m", 60, 60, 5)], idle_s=4.0, clock=clock)
    engines.apply("a1", "tiktok", "orders", None, "count", 1.0, T0 + 59, True)
    engines.apply("b1", "shopee", "orders", None, "count", 1.0, T0 + 59, True)
    clock.now = 1020.0
    engines.hold_idle(20.0, now=1020.0)  # the broker was away for all of it
    engines.apply("a2", "tiktok", "orders", None, "count", 1.0, T0 + 59.5, True)
    clock.now = 1021.0
    assert engines.tick() == 0  # shopee has been idle 1 s, not 21 s
    assert engines.apply("b2", "shopee", "orders", None, "count", 2.0, T0 + 59.6, True) == APPLIED
    clock.now = 1040.0
    assert engines.tick() == 2  # idle for real now: both windows close, with every signal
    assert sorted((f.platform, f.value) for f in engines.flush().finals) == [("shopee", 3.0), ("tiktok", 2.0)]


def test_holding_never_moves_the_idle_clock_past_now() -> None:
    clock = Clock(1000.0)
    engine = WindowEngine([WindowSpec("1m", 60, 60, 10)], idle_s=30.0, clock=clock)
    engine.apply("a", "x", "orders", None, "count", 1.0, T0 + 5, True)
    engine.hold_idle(500.0, now=1001.0)
    assert engine.tick(now=1031.0) == 0 and engine.watermark == T0 + 5  # idle 30 s from 1001, not from 1501
    assert engine.tick(now=1096.0) == 1  # T0 + 5 + 95 - 30 = end + grace


def test_state_stays_bounded_on_a_long_stream() -> None:
    engine = WindowEngine(parse_windows(DEFAULT_WINDOWS), clock=Clock())
    rng = random.Random(3)
    peak_panes = peak_dedup = peak_windows = 0
    finals = 0
    for i in range(60_000):  # five days at one update every 7.2 s, 36 series
        ts = T0 + i * 7.2 - rng.random() * 5
        engine.apply(f"u{i}", f"p{i % 6}", ("orders", "sessions", "gmv")[i % 3], None,
                     "USD" if i % 3 == 2 else "count", 1.0, ts, True)
        if i % 500 == 0:
            finals += len(engine.flush().finals)
            peak_panes = max(peak_panes, engine.live_panes())
            peak_dedup = max(peak_dedup, engine.dedup_size())
            peak_windows = max(peak_windows, engine.live_windows())
    # live panes: ~2 of 1m, 2 of 1h, 2 of 1d, 14 of 5m, 26 of 1h (shared) -> well under 60
    assert peak_panes < 60 and peak_windows < 60
    assert peak_dedup < (86400 + 3600 + 600) / 7.2 + 200  # ids of the last day (+ grace) only
    assert finals > 5 * 24 * 6 * 5
    assert len(engine._last_final) <= 5 * 6 * 5  # one per (spec, series): 5 specs x 6 platforms x 5


def test_dedup_table_is_bounded_oldest_first() -> None:
    engine = one_minute(dedup_max=3)
    for i in range(5):
        engine.apply(f"s{i}", "x", "orders", None, "count", 1.0, T0 + i, True)
    assert engine.dedup_size() == 3
    assert engine.apply("s4", "x", "orders", None, "count", 1.0, T0 + 4, True) == DUPLICATE
    assert engine.apply("s2", "x", "orders", None, "count", 1.0, T0 + 2, True) == DUPLICATE
    assert engine.apply("s0", "x", "orders", None, "count", 1.0, T0, True) == APPLIED  # forgotten: the cost


def test_dedup_ids_leave_when_their_windows_closed() -> None:
    engine = one_minute(grace=10)
    engine.apply("a", "x", "orders", None, "count", 1.0, T0, True)
    engine.apply("b", "x", "orders", None, "count", 1.0, T0 + 69, True)
    assert engine.dedup_size() == 2
    engine.apply("c", "x", "orders", None, "count", 1.0, T0 + 70, True)
    assert engine.dedup_size() == 2  # a left
    assert engine.apply("a", "x", "orders", None, "count", 1.0, T0, True) == LATE


def test_query_returns_latest_windows_newest_first() -> None:
    engine = one_minute(grace=0)
    for k in range(4):
        engine.apply(f"o{k}", "x", "orders", None, "count", float(k + 1), T0 + 60 * k, True)
        engine.apply(f"m{k}", "x", "market_share", None, "percent", 1.0, T0 + 60 * k, False)
        engine.apply(f"y{k}", "y", "orders", None, "count", 1.0, T0 + 60 * k, True)
    engine.flush()
    rows = engine.query("x", metric="orders", window="1m", last=2)
    assert [(r.value, r.final) for r in rows] == [(4.0, False), (3.0, True)]
    assert {r.metric for r in engine.query("x", last=1)} == {"orders", "market_share"}
    assert engine.query("x", window="1h") == []
    assert all(r.platform == "x" for r in engine.query("x", last=5))


def test_fast_rows_are_what_model_construct_builds() -> None:
    engine = one_minute()
    engine.apply("a", "x", "market_share", None, "percent", 3.0, T0, False)
    (row,) = engine.flush(now=T0).updates
    assert row == WindowAggregate.model_construct(**row.model_dump())
    assert row.model_fields_set == set(WindowAggregate.model_fields)
    assert WindowAggregate.model_validate(row.model_dump()) == row
    with pytest.raises(Exception):  # noqa: B017 - frozen like a validated row
        row.value = 1.0  # type: ignore[misc]
