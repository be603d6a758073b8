"""A record that could not be processed, kept with why and with its original bytes."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict

from models.record import Record


class DeadLetter(Record):
    """Published to `dead-letters`; `original` is base64 in JSON so any bytes survive."""

    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")

    topic: str
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    reason: str
    detail: str
    original: bytes
    failed_at: datetime
