"""A bounded set of keys already seen (article ids and content fingerprints), optionally on disk."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from rocksdict import Rdict


class SeenSet:
    """Insertion-ordered and bounded: the oldest keys are forgotten first.

    With a path, keys live in RocksDB too, so a restarted worker still knows them.
    """

    def __init__(self, path: Path | None = None, max_items: int = 1_000_000) -> None:
        self.max_items = max_items
        self._keys: OrderedDict[str, None] = OrderedDict()
        self._db: Rdict | None = None
        if path is not None:
            path.mkdir(parents=True, exist_ok=True)
            self._db = Rdict(str(path))
            for key in self._db.keys():  # noqa: SIM118 (Rdict iterates items)
                self._keys[str(key)] = None
            self._trim()

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str) -> None:
        self._keys[key] = None
        if self._db is not None:
            self._db[key] = b""
        self._trim()

    def _trim(self) -> None:
        while len(self._keys) > self.max_items:
            old, _ = self._keys.popitem(last=False)
            if self._db is not None:
                del self._db[old]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
