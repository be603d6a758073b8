"""A partition's state commits, replicated on a changelog topic so another worker can take over.

Each commit's operations travel as ONE Kafka message on the changelog partition with the
same number as the input partition, so a reader applies whole commits only. The local store
remembers the changelog offset it has applied; on assignment a worker replays the changelog
from there to the end. The end is the fetch responses' high watermark, not ListOffsets:
the embedded broker's ListOffsets(latest) under-reports it (base offset of the last batch + 1).
"""

from __future__ import annotations

import struct
from typing import Any, Final

from streams.state.codec import Op, extra_prefix

_OPS: Final = {"put": 0, "delete": 1, "delete_range": 2}
_NAMES: Final = {code: name for name, code in _OPS.items()}
_HEAD: Final = struct.Struct(">BII")
_NONE: Final = 0xFFFFFFFF
FORMAT: Final = b"SQ1"
APPLIED_KEY: Final = extra_prefix("changelog") + b"offset"


def encode_ops(ops: list[Op]) -> bytes:
    """Binary framing: op code, key length, argument length (or NONE), key, argument."""
    parts = [FORMAT]
    for op, key, arg in ops:
        parts.append(_HEAD.pack(_OPS[op], len(key), _NONE if arg is None else len(arg)))
        parts.append(key)
        if arg is not None:
            parts.append(arg)
    return b"".join(parts)


def decode_ops(data: bytes) -> list[Op]:
    if not data.startswith(FORMAT):
        raise ValueError("not a souq changelog record")
    ops: list[Op] = []
    view = memoryview(data)
    at = len(FORMAT)
    while at < len(data):
        code, key_len, arg_len = _HEAD.unpack_from(view, at)
        at += _HEAD.size
        key = bytes(view[at:at + key_len])
        at += key_len
        arg = None
        if arg_len != _NONE:
            arg = bytes(view[at:at + arg_len])
            at += arg_len
        ops.append((_NAMES[code], key, arg))
    return ops


def applied_offset_op(offset: int) -> Op:
    return ("put", APPLIED_KEY, str(offset).encode())


async def replay(bootstrap: str, topic: str, partition: int, start: int, apply: Any,
                 client_options: dict[str, Any] | None = None, idle_ms: int = 100) -> int:
    """Apply every changelog record from `start` to the end; return the number applied.

    `apply(offset, ops)` is called per record in order. The end is reached when the position
    has caught up with the high watermark a fetch response reported (an empty partition's
    first fetch says so too, after the fetch wait: `idle_ms`, not aiokafka's 500 ms, since the
    embedded broker answers a waiting fetch of an empty partition only when the wait expires).
    """
    from aiokafka import AIOKafkaConsumer, TopicPartition

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None,
                                auto_offset_reset="earliest", max_partition_fetch_bytes=32 * 1024 * 1024,
                                fetch_max_bytes=64 * 1024 * 1024, fetch_max_wait_ms=idle_ms,
                                **(client_options or {}))
    await consumer.start()
    tp = TopicPartition(topic, partition)
    applied = 0
    try:
        consumer.assign([tp])
        consumer.seek(tp, start)
        while True:
            batches = await consumer.getmany(tp, timeout_ms=idle_ms)
            for record in batches.get(tp, []):
                apply(record.offset, decode_ops(record.value))
                applied += 1
            highwater = consumer.highwater(tp)
            if highwater is not None and await consumer.position(tp) >= highwater:
                return applied
    finally:
        await consumer.stop()
