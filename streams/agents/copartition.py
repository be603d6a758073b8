"""Co-partitioned, sticky assignment for the windows stage's consumer group.

`metric-updates` and `signals` are both keyed by platform with the same partition count, so
partition n of each carries the same platforms (Kafka Streams calls this co-partitioning). The
windows of a platform must live in one state, so partition n of every input topic goes to the
same member. Members keep the numbers they owned where the quota allows (a rebalance moves as
few states as it can: each move is a changelog replay), and every member learns from the leader
which worker (web URL) owns which number, so an HTTP query about a platform is answered by the
worker holding its windows.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import orjson
from aiokafka.cluster import ClusterMetadata
from aiokafka.coordinator.assignors.abstract import AbstractPartitionAssignor
from aiokafka.coordinator.protocol import ConsumerProtocolMemberAssignment, ConsumerProtocolMemberMetadata

log = logging.getLogger(__name__)


def plan(numbers: list[int], members: Mapping[str, list[int]]) -> dict[str, list[int]]:
    """Partition numbers per member: balanced (quotas differ by at most one), previous owners kept.

    `members` maps each member id to the numbers it owned before (empty for a new member).
    """
    order = sorted(members)
    if not order:
        return {}
    base, extra = divmod(len(numbers), len(order))
    quota = {member: base + (1 if i < extra else 0) for i, member in enumerate(order)}
    wanted = set(numbers)
    result: dict[str, list[int]] = {member: [] for member in order}
    taken: set[int] = set()
    # the largest previous owners first, so a member that kept many does not lose them to quotas
    for member in sorted(order, key=lambda m: (-len(members[m]), m)):
        for number in sorted(members[member]):
            if number in wanted and number not in taken and len(result[member]) < quota[member]:
                result[member].append(number)
                taken.add(number)
    free = iter(n for n in sorted(numbers) if n not in taken)
    for member in order:
        while len(result[member]) < quota[member]:
            result[member].append(next(free))
    return result


class CopartitionAssignor(AbstractPartitionAssignor):
    """Subclassed per stage (`for_worker`): aiokafka calls assignors through class methods."""

    name = "souq-copartition"
    version = 0
    url: ClassVar[str] = ""
    owned: ClassVar[list[int]] = []
    owners: ClassVar[dict[int, str]] = {}
    """Partition number → web URL of the worker that owns it, from the last assignment."""

    @classmethod
    def for_worker(cls, url: str) -> type[CopartitionAssignor]:
        return type("SouqCopartition", (cls,), {"url": url, "owned": [], "owners": {}})

    @classmethod
    def metadata(cls, topics: Iterable[str]) -> ConsumerProtocolMemberMetadata:
        user_data = orjson.dumps({"url": cls.url, "owned": cls.owned})
        return ConsumerProtocolMemberMetadata(cls.version, sorted(topics), user_data)

    @classmethod
    def assign(cls, cluster: ClusterMetadata, members: Mapping[str, ConsumerProtocolMemberMetadata]
               ) -> dict[str, ConsumerProtocolMemberAssignment]:
        topics = sorted({topic for metadata in members.values() for topic in metadata.subscription})
        counts = {topic: cluster.partitions_for_topic(topic) or set() for topic in topics}
        numbers = sorted(set.intersection(*counts.values())) if counts else []
        if len({len(found) for found in counts.values()}) > 1:
            log.error("inputs are not co-partitioned (partitions per topic: %s): only partitions %s are assigned",
                      {t: len(p) for t, p in counts.items()}, numbers)
        info: dict[str, Any] = {}
        for member, metadata in members.items():
            try:
                info[member] = orjson.loads(metadata.user_data) if metadata.user_data else {}
            except orjson.JSONDecodeError:
                info[member] = {}
        planned = plan(numbers, {m: list(info[m].get("owned") or []) for m in members})
        owners = {str(n): info[m].get("url", "") for m, ns in planned.items() for n in ns}
        user_data = orjson.dumps({"owners": owners})
        return {
            member: ConsumerProtocolMemberAssignment(
                cls.version,
                [(topic, sorted(planned[member])) for topic in sorted(members[member].subscription)],
                user_data)
            for member in members
        }

    @classmethod
    def on_assignment(cls, assignment: ConsumerProtocolMemberAssignment) -> None:
        numbers = {p for _, partitions in assignment.assignment for p in partitions}
        cls.owned = sorted(numbers)
        try:
            owners = orjson.loads(assignment.user_data).get("owners", {}) if assignment.user_data else {}
        except orjson.JSONDecodeError:
            owners = {}
        cls.owners = {int(n): url for n, url in owners.items()}
