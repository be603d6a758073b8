"""What each stage has finished, per input partition: lag and the idle close are read from it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class Progress:
    """The last offset each agent finished, per (topic, partition): written per batch, read per probe."""

    def __init__(self) -> None:
        self.done: dict[tuple[str, int], int] = {}

    def record(self, messages: Iterable[Any]) -> None:
        """Messages (Faust's or aiokafka's records: topic, partition, offset) finished."""
        done = self.done
        for message in messages:
            key = (message.topic, message.partition)
            if message.offset > done.get(key, -1):
                done[key] = message.offset

    def forget(self, partitions: Iterable[Any]) -> None:
        """On revocation: what this worker finished there says nothing once another owner goes on.

        Kept, a partition that comes back with nothing new to read (its new owner read to the
        end) would look behind forever, and the idle close, which waits while input lags,
        would never close the windows.
        """
        for tp in partitions:
            self.done.pop((tp.topic, tp.partition), None)
