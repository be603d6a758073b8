"""The one wire format of every record: UTF-8 JSON, as pydantic writes and reads it.

Faust agents read topics as raw bytes and decode here (so a record that fails can be
dead-lettered with its original bytes); the kafka-python CLI and tests encode here too.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any, TypeVar

import orjson
from pydantic import BaseModel, TypeAdapter, ValidationError

from models.errors import describe
from models.fields import EARLIEST_EVENT
from models.metric_update import (
    BatchRow,
    InstantBatchRow,
    InstantRow,
    MetricUpdate,
    UpdateRow,
    consistency_problem,
    latest_accepted,
)

RecordT = TypeVar("RecordT", bound=BaseModel)

_UPDATE_ROW: TypeAdapter[UpdateRow] = TypeAdapter(UpdateRow)
_UPDATE_ROWS: TypeAdapter[list[UpdateRow]] = TypeAdapter(list[UpdateRow])
_BATCH_ROW: TypeAdapter[BatchRow] = TypeAdapter(BatchRow)
_INSTANT_ROW: TypeAdapter[InstantRow] = TypeAdapter(InstantRow)
_INSTANT_ROWS: TypeAdapter[list[InstantRow]] = TypeAdapter(list[InstantRow])
_INSTANT_BATCH_ROW: TypeAdapter[InstantBatchRow] = TypeAdapter(InstantBatchRow)
_EARLIEST_TS = EARLIEST_EVENT.timestamp()


class DecodeError(ValueError):
    """Bytes that are not a valid record; `reason` is a small fixed label for counters."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def encode(record: BaseModel) -> bytes:
    return record.__pydantic_serializer__.to_json(record, exclude_none=False)


def encode_many(records: list[RecordT]) -> bytes:
    """A JSON array of records in one message (the batched form of a topic), in one call."""
    if not records:
        return b"[]"
    return _list_adapter(type(records[0])).dump_json(records)


@functools.cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def decode(data: bytes, model: type[RecordT]) -> RecordT:
    try:
        return model.model_validate_json(data)
    except ValidationError as error:
        raise _as_decode_error(error) from None


def decode_many(data: bytes, model: type[RecordT]) -> list[RecordT]:
    """One record or a JSON array of them (the batched form of a topic), validated in full."""
    try:
        if data.lstrip()[:1] == b"[":
            return _list_adapter(model).validate_json(data)
        return [model.model_validate_json(data)]
    except ValidationError as error:
        raise _as_decode_error(error) from None


TimedRow = tuple[float, UpdateRow]
"""A validated update and its event time in epoch seconds (`observed_at.timestamp()`)."""


def decode_update_rows(data: bytes) -> list[UpdateRow]:
    """A message of `metric-updates` as validated dicts (see `decode_timed_update_rows`)."""
    return [row for _, row in decode_timed_update_rows(data)]


def decode_timed_update_rows(data: bytes, latest: float | None = None) -> list[TimedRow]:
    """A message of `metric-updates` (one update, a JSON array of them, or a MetricBatch) as
    validated dicts: every rule of MetricUpdate, without building models (the hot path).
    Each comes with its event time, which the rules compute and the metric stage orders by.

    The whole message is one unit: if any update in a batch is invalid the message is
    dead-lettered whole, so a producer never has half a batch silently applied.

    A message whose event times are all spelled as ISO_INSTANT_PATTERN and that keeps every rule
    is read by `_instant_rows`; anything else (every rejection included, so every reason text
    comes from here) by the model-derived rows below. `latest` is the newest event time accepted
    (`latest_accepted()`, which a caller decoding many messages reads once).
    """
    if latest is None:
        latest = latest_accepted()
    fast = _instant_rows(data, latest)
    if fast is not None:
        return fast
    head = data.lstrip()[:1]
    try:
        if head == b"[":
            rows = _UPDATE_ROWS.validate_json(data)
            if not rows:
                raise DecodeError("invalid", "empty batch: a JSON array of updates needs at least one")
            where = "{}"
        elif _is_batch(data):
            rows = _BATCH_ROW.validate_json(data)["updates"]
            where = "updates.{}"
        else:
            rows = [_UPDATE_ROW.validate_json(data)]
            where = "record"
    except ValidationError as error:
        raise _as_decode_error(error) from None
    timed: list[TimedRow] = []
    for index, row in enumerate(rows):
        observed_at = row["observed_at"]
        ts = observed_at.timestamp()
        problem = consistency_problem(row["metric"], row["unit"], row["value"], observed_at, ts, latest)
        if problem:
            raise DecodeError("invalid", f"{where.format(index)}: {problem}")
        timed.append((ts, row))
    return timed


def _is_batch(data: bytes) -> bool:
    return b'"updates"' in data[:64] or b'"batch_id"' in data[:64]


def _instant_rows(data: bytes, latest: float) -> list[TimedRow] | None:
    """The fast path of `decode_timed_update_rows`: the same rows and event times, or None.

    Every field but `observed_at` is validated by the same constraints; the event time, a string
    in ISO_INSTANT_PATTERN's spelling, is parsed by `datetime.fromisoformat`. None (the model's
    path decides, and words the reason) for anything else: another spelling, a date that does not
    exist, an event time before EARLIEST_EVENT, a broken rule, an empty batch, bad JSON.
    """
    try:
        if data[:1] == b"{":  # the common single update first: a batch object fails it and is tried next
            rows = [_INSTANT_ROW.validate_json(data)]
        elif data.lstrip()[:1] == b"[":
            rows = _INSTANT_ROWS.validate_json(data)
        else:
            return None
    except ValidationError:
        if not _is_batch(data):
            return None
        try:
            rows = _INSTANT_BATCH_ROW.validate_json(data)["updates"]
        except ValidationError:
            return None
    parse = datetime.fromisoformat
    timed: list[TimedRow] = []
    for row in rows:
        try:
            observed_at = parse(row["observed_at"])
        except ValueError:
            return None
        ts = observed_at.timestamp()
        if ts < _EARLIEST_TS or consistency_problem(row["metric"], row["unit"], row["value"], observed_at, ts, latest):
            return None
        row["observed_at"] = observed_at
        timed.append((ts, row))
    return timed or None


def decode_updates(data: bytes) -> list[MetricUpdate]:
    """`decode_update_rows` as MetricUpdate records (the CLI and tests; the worker keeps the dicts)."""
    return [MetricUpdate.model_construct(**row) for row in decode_update_rows(data)]


def _as_decode_error(error: ValidationError) -> DecodeError:
    problems = error.errors(include_url=False)
    if any(p["type"] in ("json_invalid", "json_type") for p in problems):
        return DecodeError("malformed", f"not JSON: {problems[0]['msg']}")
    return DecodeError("invalid", describe(error))


def dumps(obj: object) -> bytes:
    """Plain JSON for things that are not records (HTTP views, CLI output)."""
    return orjson.dumps(obj, option=orjson.OPT_NON_STR_KEYS)
