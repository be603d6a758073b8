"""Hypothesis: tumbling and hopping finals equal a brute-force recomputation, whatever the
arrival order, duplicates, lateness or flush timing."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.aggregate import WindowAggregate
from streams.windows import WindowEngine, WindowSpec
from tests.windows.reference import Event, reference, row_key, same_statuses

BASE = 1_700_000_000.0  # not aligned to any window size below on purpose: 1_700_000_000 % 60 == 20

SPEC_POOL = [
    WindowSpec("10s", 10, 10, 0),
    WindowSpec("10s-g3", 10, 10, 3),
    WindowSpec("20s/5s", 20, 5, 2),
    WindowSpec("30s/10s", 30, 10, 4),  # shares 10 s panes with the 10 s tumbling specs
    WindowSpec("12s/8s", 12, 8, 1),  # size not a multiple of step: 4 s panes
]

SERIES = [
    ("a", "orders", None, "count", True),
    ("a", "sessions", None, "count", True),
    ("a", "gmv", None, "USD", True),
    ("a", "gmv", None, "EUR", True),
    ("b", "orders", "SA", "count", True),
    ("b", "sessions", "SA", "count", True),
    ("a", "market_share", None, "percent", False),
    ("b", "active_users", "SA", "users", False),
]


@st.composite
def streams_(draw: st.DrawFn) -> tuple[list[WindowSpec], list[Event], list[bool]]:
    specs = draw(st.lists(st.sampled_from(SPEC_POOL), min_size=1, max_size=3, unique_by=lambda s: s.name))
    n = draw(st.integers(1, 60))
    events: list[Event] = []
    cursor = 0.0
    for i in range(n):
        if events and draw(st.integers(0, 9)) == 0:  # redelivery of an earlier signal
            events.append(draw(st.sampled_from(events)))
            continue
        cursor += draw(st.integers(0, 4)) / 2
        jitter = draw(st.sampled_from([0, 0, 0, 1, 3, 6, 9, 40]))  # out of order, sometimes beyond grace
        platform, metric, region, unit, inc = draw(st.sampled_from(SERIES))
        value = float(draw(st.integers(-3 if not inc else 0, 50)))
        events.append(Event(f"s{i}", platform, metric, region, unit, value, BASE + cursor - jitter, inc))
    flush_after = draw(st.lists(st.booleans(), min_size=len(events), max_size=len(events)))
    return specs, events, flush_after


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(streams_())
def test_finals_match_brute_force(case: tuple[list[WindowSpec], list[Event], list[bool]]) -> None:
    specs, events, flush_after = case
    clock = [0.0]
    engine = WindowEngine(specs, idle_s=5.0, clock=lambda: clock[0])
    updates: list[WindowAggregate] = []
    finals: list[WindowAggregate] = []
    statuses = []
    for event, flush in zip(events, flush_after, strict=True):
        statuses.append(event.apply_to(engine))
        if flush:
            result = engine.flush()
            updates += result.updates
            finals += result.finals
    clock[0] = 1e6  # idle for long: the wall clock closes every remaining window
    engine.tick()
    result = engine.flush()
    updates += result.updates
    finals += result.finals

    expected_statuses, expected = reference(specs, events)
    assert same_statuses(statuses, expected_statuses), (statuses, expected_statuses)

    counts = Counter(row_key(r) for r in finals)
    assert all(n == 1 for n in counts.values()), "a final was emitted twice"
    assert set(counts) == set(expected)
    for row in finals:
        want = expected[row_key(row)]
        assert row.final and row.kind == want["kind"]
        got = {k: getattr(row, k) for k in want}
        assert got == want, row_key(row)

    # Every change was published: the latest update of each cell carries its final value.
    latest = {row_key(r): r for r in updates}
    assert set(latest) == set(expected)
    for key, row in latest.items():
        assert not row.final
        assert (row.value, row.count) == (expected[key]["value"], expected[key]["count"])

    assert engine.live_windows() == 0 and engine.live_panes() == 0 and engine.dedup_size() == 0
    if finals:
        WindowAggregate.model_validate(finals[0].model_dump())
        WindowAggregate.model_validate(updates[-1].model_dump())


@settings(max_examples=50, deadline=None)
@given(st.permutations([(f"s{i}", float(i % 3), float(v)) for i, v in enumerate([5, 9, 2, 7, 7, 1])]))
def test_gauge_result_does_not_depend_on_arrival_order(order: list[tuple[str, float, float]]) -> None:
    """Ties on event time are broken by signal id, so any permutation gives the same row."""
    engine = WindowEngine([WindowSpec("1m", 60, 60, 100)], clock=lambda: 0.0)
    for sid, offset, value in order:
        engine.apply(sid, "x", "market_share", None, "percent", value, 1_700_000_040.0 + offset, False)
    (row,) = engine.flush(0.0).updates
    # s2 and s5 share the latest time (offset 2): the larger id, s5, wins.
    assert (row.last, row.min, row.max, row.count, row.sum) == (1.0, 1.0, 9.0, 6, 31.0)
