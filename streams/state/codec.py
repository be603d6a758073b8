"""Keys and bytes of an engine's state in a key-value store.

One key per pane cell, dedup id, remembered final and consumer offset, so a commit writes
only what changed. Key layout (first byte = record type):

    c <u32 pane size><i64 pane start> / <series json>   -> cell json
    d <u64 last sequence>                                -> [first sequence, [signal id...], [expiry...]]
    f <window name> NUL <series json>                    -> [window start, cell]
    m                                                    -> {watermark, max_event_ts, pending}
    o <topic:partition>                                  -> offset
    x <namespace> NUL <key>                              -> caller's bytes (`extra`)
    E <engine name> NUL <any key above>                  -> that engine's state (one per platform)

Big-endian sequence numbers sort oldest first, and ids leave oldest first, so removing
expired ids is one range delete; an expired pane is one range delete too. A commit's new
dedup ids are one block (one key, not one per id: ~1 µs per update less on the hot path),
keyed by its last sequence, so the range delete takes the blocks that expired whole; ids of
a partly expired block below the meta's `dedup_front` are skipped on load.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Mapping
from typing import Any, Final

import orjson

from streams.windows.snapshot import Changes, EngineState, PendingWindow, Series

CELL: Final = b"c"
DEDUP: Final = b"d"
FINAL: Final = b"f"
META: Final = b"m"
OFFSET: Final = b"o"
EXTRA: Final = b"x"
ENGINE: Final = b"E"
_ENGINE_RANGES: Final = ((b"c", b"d"), (b"d", b"e"), (b"f", b"g"), (b"m", b"n"))
_PANE: Final = struct.Struct(">Iq")
_SEQ: Final = struct.Struct(">Q")
FORMAT_VERSION: Final = 2

# ("put", key, value) | ("delete", key, None) | ("delete_range", begin, end)
Op = tuple[str, bytes, bytes | None]


def _series(series: Series) -> bytes:
    return orjson.dumps(series)


def _pane_prefix(size: int, start: int) -> bytes:
    return CELL + _PANE.pack(size, start) + b"/"


def extra_prefix(namespace: str) -> bytes:
    return EXTRA + namespace.encode() + b"\x00"


def encode_commit(changes: Changes, offsets: Mapping[str, int],
                  extra: Mapping[str, Mapping[bytes, bytes | None]] | None = None) -> list[Op]:
    """The operations of one atomic commit, in the order they must apply."""
    ops: list[Op] = []
    if changes.full:
        ops.extend(("delete_range", begin, end) for begin, end in _ENGINE_RANGES)
    for size, start in changes.removed_panes:
        prefix = _pane_prefix(size, start)
        ops.append(("delete_range", prefix, prefix[:-1] + b"0"))  # "/" + 1 == "0": every key under it
    for size, start, series, cell in changes.cells:
        ops.append(("put", _pane_prefix(size, start) + _series(series), orjson.dumps(cell)))
    if changes.dedup_removed_below:
        ops.append(("delete_range", DEDUP, DEDUP + _SEQ.pack(changes.dedup_removed_below)))
    added = changes.dedup_added
    if added:
        ops.append(("put", DEDUP + _SEQ.pack(added[-1][0]),
                    orjson.dumps((added[0][0], [sid for _, sid, _ in added], [exp for _, _, exp in added]))))
    for window, series, final in changes.finals:
        key = FINAL + window.encode() + b"\x00" + _series(series)
        ops.append(("delete", key, None) if final is None else ("put", key, orjson.dumps(final)))
    meta = {
        "version": FORMAT_VERSION,
        "watermark": changes.watermark,
        "max_event_ts": changes.max_event_ts,
        "dedup_front": changes.dedup_removed_below,
        "pending": [(w.window, w.start, w.cells) for w in changes.pending],
    }
    ops.append(("put", META, orjson.dumps(meta)))
    ops.extend(partition_ops(offsets, extra))
    return ops


def partition_ops(offsets: Mapping[str, int],
                  extra: Mapping[str, Mapping[bytes, bytes | None]] | None = None) -> list[Op]:
    """The input offsets and the caller's items: what a commit holds besides engine state."""
    ops: list[Op] = [("put", OFFSET + source.encode(), orjson.dumps(offset)) for source, offset in offsets.items()]
    for namespace, items in (extra or {}).items():
        prefix = extra_prefix(namespace)
        for key, value in items.items():
            ops.append(("delete", prefix + key, None) if value is None else ("put", prefix + key, value))
    return ops


def engine_prefix(name: str) -> bytes:
    return ENGINE + name.encode() + b"\x00"


def encode_keyed_commit(changes: Iterable[tuple[str, Changes]], offsets: Mapping[str, int],
                        extra: Mapping[str, Mapping[bytes, bytes | None]] | None = None) -> list[Op]:
    """One atomic commit of several named engines (one per platform), each under its own prefix."""
    ops: list[Op] = []
    for name, engine_changes in changes:
        prefix = engine_prefix(name)
        for op, key, arg in encode_commit(engine_changes, {}):
            if op == "delete_range":
                assert arg is not None
                ops.append((op, prefix + key, prefix + arg))
            else:
                ops.append((op, prefix + key, arg))
    ops.extend(partition_ops(offsets, extra))
    return ops


def decode_keyed(items: Iterable[tuple[bytes, bytes]]) -> tuple[dict[str, EngineState], dict[str, int]]:
    """The named engines' states and the offsets, from the items of a keyed store."""
    by_engine: dict[str, list[tuple[bytes, bytes]]] = {}
    plain: list[tuple[bytes, bytes]] = []
    for key, value in items:
        if key[:1] == ENGINE:
            name, _, rest = key[1:].partition(b"\x00")
            by_engine.setdefault(name.decode(), []).append((rest, value))
        else:
            plain.append((key, value))
    states: dict[str, EngineState] = {}
    for engine, engine_items in by_engine.items():
        state, _ = decode(engine_items)
        if state is not None:
            states[engine] = state
    _, offsets = decode(plain)
    return states, offsets


def _tuple(series: Any) -> Series:
    return tuple(series)


def decode(items: Iterable[tuple[bytes, bytes]]) -> tuple[EngineState | None, dict[str, int]]:
    """Engine state (None when none was ever committed) and source offsets from sorted items."""
    offsets: dict[str, int] = {}
    cells: list[Any] = []
    dedup: list[Any] = []
    finals: list[Any] = []
    meta: dict[str, Any] | None = None
    for key, value in items:
        tag = key[:1]
        if tag == CELL:
            size, start = _PANE.unpack_from(key, 1)
            cells.append((size, start, _tuple(orjson.loads(key[_PANE.size + 2:])), orjson.loads(value)))
        elif tag == DEDUP:
            first, sids, expiries = orjson.loads(value)
            dedup.extend(zip(range(first, first + len(sids)), sids, expiries, strict=True))
        elif tag == FINAL:
            window, _, series = key[1:].partition(b"\x00")
            start, cell = orjson.loads(value)
            finals.append((window.decode(), _tuple(orjson.loads(series)), start, cell))
        elif tag == META:
            meta = orjson.loads(value)
        elif tag == OFFSET:
            offsets[key[1:].decode()] = orjson.loads(value)
    if meta is None:
        return None, offsets
    if meta.get("version") != FORMAT_VERSION:
        raise ValueError(f"window state format {meta.get('version')} is not {FORMAT_VERSION}: drop the state dir")
    front = meta.get("dedup_front", 0)
    dedup = sorted(entry for entry in dedup if entry[0] >= front)
    pending = [PendingWindow(w, start, [(_tuple(s), c) for s, c in cells_]) for w, start, cells_ in meta["pending"]]
    state = EngineState(watermark=meta["watermark"], max_event_ts=meta["max_event_ts"], cells=cells,
                        dedup=dedup, finals=finals, pending=pending)
    return state, offsets
