"""What the windows stage takes from a `metric-updates` message: its validated updates, or why not.

A message is one update, a JSON array of them or a MetricBatch; it is one unit: if any update in
it is invalid the whole message is dead-lettered, so a producer never has half a batch applied.
The rules are MetricUpdate's (`models.codec.decode_timed_update_rows`); this adds the limits a
worker sets on a message.
"""

from __future__ import annotations

from models import DecodeError, TimedRow, decode_timed_update_rows


def decode_update_message(data: bytes, limit: int, latest: float | None = None) -> list[TimedRow]:
    """The updates of one message with their event times, in message order (`latest`: see
    `decode_timed_update_rows`)."""
    if not data:
        raise DecodeError("malformed", "empty message")
    updates = decode_timed_update_rows(data, latest)
    if len(updates) > limit:
        raise DecodeError("too_large", f"{len(updates)} updates in one message; the limit is {limit}")
    return updates
