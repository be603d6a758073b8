"""Per-platform engines: each platform's event time is its own, and a keyed store restores them."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.state import MemoryStore, decode_keyed, encode_keyed_commit
from streams.windows import APPLIED, LATE, PlatformEngines, parse_windows
from tests.windows.reference import Event, reference, row_key

SPECS = parse_windows("1m:10s,1h/5m:1m")
T0 = 1_700_000_040.0


def event(i: int, platform: str, ts: float, value: float = 1.0) -> Event:
    return Event(f"{platform}-{i}", platform, "orders", "US", "count", value, ts, True)


def test_a_platform_arriving_after_another_is_not_late() -> None:
    """One platform's batch of minutes, then another's for the same minutes: both counted."""
    engines = PlatformEngines(parse_windows("1m:10s"))
    first = [event(i, "tiktok", T0 + 20 * i) for i in range(30)]  # ten minutes of tiktok
    second = [event(i, "noon", T0 + 20 * i) for i in range(30)]  # the same ten minutes of noon, after
    assert all(e.apply_to(engines) == APPLIED for e in first + second)  # type: ignore[arg-type]
    assert engines.apply("late", "tiktok", "orders", "US", "count", 1.0, T0, True) == LATE  # tiktok's own clock


def finals_by_platform(engines: PlatformEngines, now: float) -> dict[tuple, dict]:
    result = engines.flush(now)
    return {row_key(row): row for row in result.finals}


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**31), st.integers(1, 5))
def test_keyed_store_restores_every_platform_exactly(seed: int, commits: int) -> None:
    rng = random.Random(seed)
    platforms = ["tiktok", "noon", "shopee"]
    events: list[Event] = []
    for p in platforms:  # each platform in order (within grace); platforms interleaved at random
        t = T0
        for i in range(60):
            t += rng.uniform(0, 15)
            events.append(event(i, p, t - rng.uniform(0, 8), float(rng.randint(1, 9))))
    rng.shuffle(events)
    events.sort(key=lambda e: (e.platform, e.ts))  # per-platform order, the order a producer promises
    order = sorted(range(len(events)), key=lambda i: (rng.random() if rng.random() < 0.5 else i))
    events = [events[i] for i in sorted(order, key=lambda i: (events[i].ts // 300, i))]
    closing = [event(999, p, T0 + 10_000) for p in platforms]

    store = MemoryStore()
    engines = PlatformEngines(SPECS)
    cut_points = sorted(rng.sample(range(1, len(events)), commits))
    finals: dict = {}
    start = 0
    for cut in [*cut_points, len(events)]:
        for e in events[start:cut]:
            e.apply_to(engines)  # type: ignore[arg-type]
        finals.update(finals_by_platform(engines, T0))
        store.apply_ops(encode_keyed_commit(engines.export_changes(), {"signals:0": cut}))
        states, offsets = decode_keyed(store.items())
        assert offsets == {"signals:0": cut}
        engines = PlatformEngines(SPECS)  # a restart: everything from the store
        engines.restore(states)
        start = cut
    for e in closing:
        e.apply_to(engines)  # type: ignore[arg-type]
    finals.update(finals_by_platform(engines, T0))

    for platform in platforms:
        own = [e for e in events if e.platform == platform] + [e for e in closing if e.platform == platform]
        _, everything = reference(list(SPECS), own)
        spec_of = {spec.name: spec for spec in SPECS}
        want = {k: v for k, v in everything.items()  # the windows the closing event closed
                if k[5] + spec_of[k[0]].size_s + spec_of[k[0]].grace_s <= T0 + 10_000}
        got = {k: v for k, v in finals.items() if k[1] == platform}
        assert set(got) == set(want)
        for key, fields in want.items():
            assert got[key].value == fields["value"] and got[key].count == fields["count"], key
