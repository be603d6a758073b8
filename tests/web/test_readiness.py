"""`not_ready`: what /readyz waits for, from the state of Faust's group, the windows stage's group
and its restores (a pipeline of plain objects: the decision is pure)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from streams.health import not_ready


def pipeline(rebalancing_count: int = 1, rebalancing: bool = False, owned: set[int] | None = None,
             owners: dict[int, str] | None = None, restored: tuple[int, ...] = (),
             opening: tuple[int, ...] = ()) -> Any:
    worker = SimpleNamespace(owned=owned, partitions=dict.fromkeys(restored), opening=dict.fromkeys(opening))
    return SimpleNamespace(app=SimpleNamespace(rebalancing_count=rebalancing_count, rebalancing=rebalancing),
                           windows_stage=SimpleNamespace(owners=owners or {}), window_worker=worker)


def test_ready_once_both_groups_joined_and_every_owned_state_restored() -> None:
    assert not_ready(pipeline(owned={0, 1}, owners={0: "a", 1: "a"}, restored=(0, 1))) == []


def test_a_worker_that_owns_nothing_after_joining_is_ready() -> None:
    assert not_ready(pipeline(owned=set(), owners={0: "b", 1: "b"})) == []


def test_faust_group_not_joined_or_rebalancing() -> None:
    joined = {"owned": {0}, "owners": {0: "a"}, "restored": (0,)}
    assert not_ready(pipeline(rebalancing_count=0, **joined)) == ["faust consumer group join"]
    assert not_ready(pipeline(rebalancing=True, **joined)) == ["faust consumer group join"]


def test_windows_group_not_joined() -> None:
    assert not_ready(pipeline(owned=None)) == ["windows consumer group join"]
    assert not_ready(pipeline(owned={0}, owners={})) == ["windows consumer group join"]


def test_states_still_restoring_are_named() -> None:
    assert not_ready(pipeline(owned={0, 1, 2}, owners={0: "a"}, restored=(1,), opening=(0, 2))) == [
        "windows state restore (partitions 0, 2)"]
    # a restore still running for a partition revoked since does not hold readiness back
    assert not_ready(pipeline(owned={1}, owners={1: "a"}, restored=(1,), opening=(0,))) == []
