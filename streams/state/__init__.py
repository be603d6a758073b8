"""Persistence of window-engine state, atomically with the input offsets it reflects."""

from streams.state.codec import decode, decode_keyed, encode_commit, encode_keyed_commit
from streams.state.store import MemoryStore, RocksStore, StateStore

__all__ = [
    "MemoryStore", "RocksStore", "StateStore", "decode", "decode_keyed", "encode_commit", "encode_keyed_commit",
]
