"""One partition number's window state: its engines, reported figures, store and input offsets.

The windows stage reads `metric-updates` and `signals` co-partitioned: partition n of both
belongs to one worker, and one state holds the windows of every platform keyed to n, whichever
topic its signals came by. The state records the last offset applied of each input partition,
committed with the window deltas as one changelog record (the changelog partition has the same
number) and then to the local store, so a worker that takes the partition over replays exactly
the commits it has not seen and resumes each input right after what the state reflects.
"""

from __future__ import annotations

import logging
from typing import Any

from streams.pipeline import Pipeline
from streams.reported import ReportedTable
from streams.security import aiokafka_security
from streams.state import MemoryStore, RocksStore, StateStore, decode_keyed, encode_keyed_commit
from streams.state.changelog import applied_offset_op, encode_ops, replay
from streams.state.codec import Op
from streams.windows import PlatformEngines, parse_windows

log = logging.getLogger(__name__)


class PartitionState:
    """A partition number's window engines (one per platform), reported figures and store, and
    the last offset applied of each input topic's partition with that number."""

    def __init__(self, pipeline: Pipeline, partition: int, store: StateStore | None = None) -> None:
        settings = pipeline.settings
        self.pipeline = pipeline
        self.partition = partition
        self.engine = PlatformEngines(parse_windows(settings.windows), dedup_max=settings.dedup_max,
                                      idle_s=settings.idle_close_s)
        self.reported = ReportedTable()
        self.store: StateStore
        if store is not None:  # reloading the last commit of a state whose output failed
            self.store = store
        elif settings.store == "rocksdb":
            root = settings.state_dir / settings.app_id / f"windows-p{partition}"
            root.mkdir(parents=True, exist_ok=True)
            self.store = RocksStore(str(root))
        else:
            self.store = MemoryStore()
        self.applied: dict[str, int] = {}
        """Input topic → last offset applied on this partition (absent: nothing yet)."""
        self.rewinds = 0
        self.rewound_to: Any = None
        """The input partition sought back to the state's offset, until its records come back."""
        self.rewound_at: float | None = None
        """When the input was last sought back to the state's offset (see WindowWorker._rewound)."""
        self.recovered_commits = 0

    def offset_key(self, topic: str) -> str:
        return f"{topic}:{self.partition}"

    def applied_offset(self, topic: str) -> int:
        return self.applied.get(topic, -1)

    async def open(self) -> PartitionState:
        """Catch the local store up with the changelog, then load the engines from it."""
        applied = int(self.store.load_extra("changelog").get(b"offset", b"-1"))
        self.recovered_commits = await replay(
            self.pipeline.settings.bootstrap, self.pipeline.names.changelog, self.partition, applied + 1,
            lambda offset, ops: self.store.apply_ops([*ops, applied_offset_op(offset)]),
            client_options=aiokafka_security(self.pipeline.settings))
        states, offsets = decode_keyed(self.store.items())
        self.engine.restore(states)
        self.reported.load(self.store.load_extra("reported"))
        suffix = f":{self.partition}"
        self.applied = {key[:-len(suffix)]: offset for key, offset in offsets.items() if key.endswith(suffix)}
        log.info("windows partition %d: state at offsets %s (%d changelog commits replayed)",
                 self.partition, self.applied or "{}", self.recovered_commits)
        return self

    def snapshot(self) -> list[Op]:
        """The commit of what is applied now: window deltas and reported rows changed since the
        last snapshot, and the input offsets they reflect. Taken when a batch is applied, written
        once its output is delivered (the next batch is applied meanwhile)."""
        offsets = {self.offset_key(topic): offset for topic, offset in self.applied.items()}
        return encode_keyed_commit(self.engine.export_changes(), offsets, {"reported": self.reported.changes()})

    async def write(self, ops: list[Op]) -> None:
        """One changelog record, then the local store: what a new owner or a reset starts from."""
        delivery = await self.pipeline.changelog.send(value=encode_ops(ops), partition=self.partition)
        metadata = await delivery
        self.store.apply_ops([*ops, applied_offset_op(metadata.offset)])

    async def commit(self) -> None:
        await self.write(self.snapshot())
