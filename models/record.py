"""The base every record derives from: one place that says how a record validates."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """Frozen once validated (a record handed on cannot be changed behind the receiver's back),
    and an unknown field is an error, not a silent drop (a producer's typo becomes a dead letter).

    A record that must differ says so in its own `model_config`, which pydantic merges with this one.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
