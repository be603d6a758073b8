"""The windows stage's assignment: partition n of every input to one member, balanced, sticky,
and every member told which worker owns which number (for routing HTTP queries)."""

from __future__ import annotations

from typing import Any

import orjson
from aiokafka.coordinator.protocol import ConsumerProtocolMemberMetadata
from hypothesis import given
from hypothesis import strategies as st

from streams.agents.copartition import CopartitionAssignor, plan


def test_a_new_group_gets_balanced_contiguous_shares() -> None:
    assert plan(list(range(6)), {"a": [], "b": [], "c": []}) == {"a": [0, 1], "b": [2, 3], "c": [4, 5]}


def test_members_keep_what_they_owned_when_one_leaves_and_comes_back() -> None:
    three = plan(list(range(6)), {"a": [], "b": [], "c": []})
    two = plan(list(range(6)), {"a": three["a"], "c": three["c"]})
    assert set(three["a"]) <= set(two["a"]) and set(three["c"]) <= set(two["c"])
    again = plan(list(range(6)), {"a": two["a"], "b": [], "c": two["c"]})
    moved = sum(len(set(two[m]) - set(again.get(m, []))) for m in two)
    assert moved == 2  # only what the returning member needs for its share


@given(st.integers(1, 24), st.lists(st.lists(st.integers(0, 30), max_size=8), min_size=1, max_size=6))
def test_every_number_has_exactly_one_owner_and_shares_differ_by_at_most_one(
        count: int, previous: list[list[int]]) -> None:
    members = {f"m{i}": owned for i, owned in enumerate(previous)}
    result = plan(list(range(count)), members)
    owned = sorted(n for numbers in result.values() for n in numbers)
    assert owned == list(range(count))
    sizes = [len(numbers) for numbers in result.values()]
    assert max(sizes) - min(sizes) <= 1


class _Cluster:
    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts

    def partitions_for_topic(self, topic: str) -> set[int]:
        return set(range(self.counts[topic]))


def test_the_assignor_co_partitions_both_topics_and_shares_the_owners() -> None:
    first = CopartitionAssignor.for_worker("http://w1:6066")
    second = CopartitionAssignor.for_worker("http://w2:6066")
    topics = ["p-metric-updates", "p-signals"]
    members: dict[str, Any] = {"m1": first.metadata(topics), "m2": second.metadata(topics)}
    assert isinstance(members["m1"], ConsumerProtocolMemberMetadata)
    assignments = first.assign(_Cluster({t: 4 for t in topics}), members)  # type: ignore[arg-type]
    for member, assignment in assignments.items():
        by_topic = dict(assignment.assignment)
        assert by_topic["p-metric-updates"] == by_topic["p-signals"], member
    first.on_assignment(assignments["m1"])
    second.on_assignment(assignments["m2"])
    assert first.owned == [0, 1] and second.owned == [2, 3]
    assert first.owners == second.owners == {0: "http://w1:6066", 1: "http://w1:6066", 2: "http://w2:6066",
                                             3: "http://w2:6066"}
    assert orjson.loads(first.metadata(topics).user_data) == {"url": "http://w1:6066", "owned": [0, 1]}
    assert CopartitionAssignor.owners == {}  # each worker's subclass keeps its own view
