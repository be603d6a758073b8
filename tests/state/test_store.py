"""Persistence: deltas plus offsets in one batch; a restored engine continues exactly."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.aggregate import WindowAggregate
from streams.state import MemoryStore, RocksStore
from streams.windows import WindowEngine, WindowSpec
from tests.state.scenario import SPECS, make_events
from tests.windows.reference import reference, row_key, same_statuses
from tests.windows.test_engine_properties import streams_

ROOT = Path(__file__).resolve().parents[2]


def close_all(engine: WindowEngine) -> list[WindowAggregate]:
    engine.tick(now=1e12)
    return engine.flush().finals


def test_crash_and_restore_from_rocksdb_matches_brute_force(tmp_path: Path) -> None:
    n_total, n_committed = 1500, 1000
    db, out = tmp_path / "db", tmp_path / "published.json"
    child = subprocess.run([sys.executable, "-m", "tests.state.crash_child", str(db), str(out), str(n_total),
                            str(n_committed)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert child.returncode == 1, child.stderr
    published = [tuple(r) for r in json.loads(out.read_text())]

    store = RocksStore(str(db))
    state, offsets = store.load()
    assert offsets == {"signals:0": n_committed - 1} and state is not None
    engine = WindowEngine(SPECS, clock=lambda: 0.0)
    engine.restore(state)
    events = make_events(n_total)
    for event in events[offsets["signals:0"] + 1:]:
        event.apply_to(engine)
    finals = engine.flush().finals + close_all(engine)
    store.close()

    got = published + [(*row_key(r), r.value, r.count) for r in finals]
    _, expected = reference(SPECS, events)
    assert Counter(g[:6] for g in got) == Counter(dict.fromkeys(expected, 1))  # each final exactly once
    assert {g[:6]: (g[6], g[7]) for g in got} == {k: (v["value"], v["count"]) for k, v in expected.items()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(streams_(), st.data())
def test_restore_anywhere_from_deltas(case: tuple[list[WindowSpec], list, list[bool]], data: st.DataObject) -> None:
    """Commit deltas at random points, crash at a random point, restore, replay from the offset."""
    specs, events, flush_after = case
    commit_after = data.draw(st.lists(st.booleans(), min_size=len(events), max_size=len(events)))
    crash_at = data.draw(st.integers(0, len(events)))
    store = MemoryStore()
    engine = WindowEngine(specs, clock=lambda: 0.0)
    committed: list[WindowAggregate] = []
    uncommitted: list[WindowAggregate] = []
    statuses: dict[int, int] = {}
    i, crashed = 0, False
    while i < len(events):
        if i == crash_at and not crashed:
            crashed, uncommitted = True, []
            state, offsets = store.load()
            engine = WindowEngine(specs, clock=lambda: 0.0)
            if state is not None:
                engine.restore(state)
            i = offsets.get("signals:0", -1) + 1
            continue
        statuses[i] = events[i].apply_to(engine)
        if flush_after[i]:
            result = engine.flush()
            uncommitted += result.updates + result.finals
        if commit_after[i]:
            store.commit(engine.export_changes(), {"signals:0": i})
            committed += uncommitted
            uncommitted = []
        i += 1
    result = engine.flush()
    rows = committed + uncommitted + result.updates + result.finals + close_all(engine)

    expected_statuses, expected = reference(specs, events)
    assert same_statuses([statuses[k] for k in range(len(events))], expected_statuses)
    finals = [r for r in rows if r.final]
    assert Counter(row_key(r) for r in finals) == Counter(dict.fromkeys(expected, 1))
    for row in finals:
        assert {k: getattr(row, k) for k in expected[row_key(row)]} == expected[row_key(row)]
    latest = {row_key(r): r for r in rows if not r.final}
    assert {k: (r.value, r.count) for k, r in latest.items()} == {
        k: (v["value"], v["count"]) for k, v in expected.items()}


def test_exports_are_deltas() -> None:
    engine = WindowEngine(SPECS, clock=lambda: 0.0)
    for event in make_events(500):
        event.apply_to(engine)
    engine.flush()
    first = engine.export_changes()
    assert first.full and len(first.cells) > 10 and len(first.dedup_added) == engine.dedup_size()
    quiet = engine.export_changes()
    assert not quiet.full and quiet.cells == [] and quiet.dedup_added == [] and quiet.finals == []
    engine.apply("new", "noon", "orders", "SA", "count", 1.0, engine.watermark, True)
    one = engine.export_changes()
    assert len(one.cells) == 2 and [sid for _, sid, _ in one.dedup_added] == ["new"]  # 60 s and 3600 s panes


def test_full_export_replaces_stale_state_and_extra_items_round_trip(tmp_path: Path) -> None:
    store = RocksStore(str(tmp_path / "db"))
    old = WindowEngine(SPECS, clock=lambda: 0.0)
    for event in make_events(200, seed=1):
        event.apply_to(old)
    store.commit(old.export_changes(), {"signals:0": 199}, extra={"reported": {b"a": b"1", b"b": b"2"}})
    fresh = WindowEngine(SPECS, clock=lambda: 0.0)  # not restored: its first export must win outright
    fresh.apply("x", "noon", "orders", "SA", "count", 2.0, 1_546_300_800.0, True)
    store.commit(fresh.export_changes(), {"signals:0": 0}, extra={"reported": {b"a": None}})
    state, offsets = store.load()
    assert offsets == {"signals:0": 0} and state is not None
    assert [sid for _, sid, _ in state.dedup] == ["x"] and len(state.cells) == 2
    assert store.load_extra("reported") == {b"b": b"2"}
    store.close()


def test_restore_ignores_windows_no_longer_configured() -> None:
    store = MemoryStore()
    engine = WindowEngine(SPECS, clock=lambda: 0.0)
    for event in make_events(300):
        event.apply_to(engine)
    store.commit(engine.export_changes(), {})
    state, _ = store.load()
    assert state is not None
    smaller = WindowEngine([SPECS[0]], clock=lambda: 0.0)
    smaller.restore(state)
    assert smaller.watermark == engine.watermark
    assert {r.window for r in close_all(smaller)} == {"1m"}


def test_dedup_ids_of_a_partly_expired_block_restore_exactly(tmp_path: Path) -> None:
    """A commit's ids are one block; eviction (dedup_max) can take part of it before the next commit."""
    store = RocksStore(str(tmp_path / "db"))
    engine = WindowEngine(SPECS, dedup_max=4, clock=lambda: 0.0)
    at = 1_546_300_800.0
    for i in range(3):
        engine.apply(f"a{i}", "noon", "orders", "SA", "count", 1.0, at, True)
    store.commit(engine.export_changes(), {"signals:0": 0})  # block a0..a2
    for i in range(3):
        engine.apply(f"b{i}", "noon", "orders", "SA", "count", 1.0, at, True)  # evicts a0, a1
    store.commit(engine.export_changes(), {"signals:0": 1})  # block b0..b2, front now past a1
    state, _ = store.load()
    assert state is not None
    assert [sid for _, sid, _ in state.dedup] == ["a2", "b0", "b1", "b2"]
    restored = WindowEngine(SPECS, dedup_max=4, clock=lambda: 0.0)
    restored.restore(state)
    assert restored.apply("a2", "noon", "orders", "SA", "count", 1.0, at, True) == 1  # DUPLICATE
    assert restored.apply("a0", "noon", "orders", "SA", "count", 1.0, at, True) == 0  # forgotten: applied
    for i in range(4):
        engine.apply(f"c{i}", "noon", "orders", "SA", "count", 1.0, at, True)  # every older block expires whole
    store.commit(engine.export_changes(), {"signals:0": 2})
    state, _ = store.load()
    assert state is not None and [sid for _, sid, _ in state.dedup] == ["c0", "c1", "c2", "c3"]
    assert len([key for key, _ in store.items() if key[:1] == b"d"]) == 1
    store.close()
