"""A record that could not be processed, kept with why and with its original bytes."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class DeadLetter(BaseModel):
    """Published to `dead-letters`; `original` is base64 in JSON so any bytes survive."""

    model_config = ConfigDict(extra="forbid", frozen=True, ser_json_bytes="base64", val_json_bytes="base64")

    topic: str
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    reason: str
    detail: str
    original: bytes
    failed_at: datetime
