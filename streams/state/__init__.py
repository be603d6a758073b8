"""Persistence of window-engine state, atomically with the input offsets it reflects."""

from streams.state.codec import decode, encode_commit
from streams.state.store import MemoryStore, RocksStore, StateStore

__all__ = ["MemoryStore", "RocksStore", "StateStore", "decode", "encode_commit"]
