"""Stores that commit an engine's deltas and the input offsets they reflect atomically.

State and offset in one write batch: after a crash the worker resumes from exactly the
offset its windows reflect, so replay neither loses nor double-counts an event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from rocksdict import Options, Rdict, WriteBatch, WriteOptions

from streams.state.codec import Op, decode, encode_commit, extra_prefix
from streams.windows.snapshot import Changes, EngineState

Extra = Mapping[str, Mapping[bytes, bytes | None]]


class StateStore(Protocol):
    def load(self) -> tuple[EngineState | None, dict[str, int]]:
        """The engine state (None if never committed) and the offsets it reflects."""
        ...

    def load_extra(self, namespace: str) -> dict[bytes, bytes]:
        """Caller-owned items committed under `namespace` (e.g. the reported-figures table)."""
        ...

    def commit(self, changes: Changes, source_offsets: Mapping[str, int], *, extra: Extra | None = None) -> None:
        """Write the deltas, the offsets and the extra items in one atomic batch."""
        ...

    def apply_ops(self, ops: list[Op]) -> None:
        """Write already-encoded operations atomically (a changelog record from another worker)."""
        ...

    def items(self) -> Iterable[tuple[bytes, bytes]]:
        """Every key and value, in key order."""
        ...

    def close(self) -> None: ...


class _KeyValueStore:
    """The shared logic; subclasses only apply a list of ops atomically and list items."""

    def _write(self, ops: list[Op]) -> None:
        raise NotImplementedError

    def _items(self, prefix: bytes = b"") -> Iterable[tuple[bytes, bytes]]:
        raise NotImplementedError

    def load(self) -> tuple[EngineState | None, dict[str, int]]:
        return decode(self._items())

    def load_extra(self, namespace: str) -> dict[bytes, bytes]:
        prefix = extra_prefix(namespace)
        return {key[len(prefix):]: value for key, value in self._items(prefix)}

    def commit(self, changes: Changes, source_offsets: Mapping[str, int], *, extra: Extra | None = None) -> None:
        self._write(encode_commit(changes, source_offsets, extra))

    def apply_ops(self, ops: list[Op]) -> None:
        self._write(ops)

    def items(self) -> Iterable[tuple[bytes, bytes]]:
        return self._items()

    def close(self) -> None:
        return None


class MemoryStore(_KeyValueStore):
    """A dict with the same encoding as RocksStore (tests, `store = "memory"`)."""

    def __init__(self) -> None:
        self.data: dict[bytes, bytes] = {}

    def _write(self, ops: list[Op]) -> None:
        data = dict(self.data)  # all or nothing, like a write batch
        for op, key, arg in ops:
            if op == "put":
                assert arg is not None
                data[key] = arg
            elif op == "delete":
                data.pop(key, None)
            else:
                assert arg is not None
                for k in [k for k in data if key <= k < arg]:
                    del data[k]
        self.data = data

    def _items(self, prefix: bytes = b"") -> Iterable[tuple[bytes, bytes]]:
        return [(k, self.data[k]) for k in sorted(self.data) if k.startswith(prefix)]


class RocksStore(_KeyValueStore):
    """RocksDB via rocksdict: one WriteBatch per commit; `sync=True` also survives power loss."""

    def __init__(self, path: str, *, sync: bool = False) -> None:
        self.path = path
        self._db = Rdict(path, options=Options(raw_mode=True))
        self._write_options = WriteOptions()
        self._write_options.sync = sync

    def _write(self, ops: list[Op]) -> None:
        batch = WriteBatch(raw_mode=True)
        for op, key, arg in ops:
            if op == "delete":
                batch.delete(key)
            elif arg is not None:  # put or delete_range
                if op == "put":
                    batch.put(key, arg)
                else:
                    batch.delete_range(key, arg)
        self._db.write(batch, write_opt=self._write_options)

    def _items(self, prefix: bytes = b"") -> Iterable[tuple[bytes, bytes]]:
        for key, value in self._db.items(from_key=prefix):
            assert isinstance(key, bytes) and isinstance(value, bytes)  # raw mode
            if not key.startswith(prefix):
                break
            yield key, value

    def close(self) -> None:
        self._db.close()
