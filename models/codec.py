"""The one wire format of every record: UTF-8 JSON, as pydantic writes and reads it.

Faust agents read topics as raw bytes and decode here (so a record that fails can be
dead-lettered with its original bytes); the kafka-python CLI and tests encode here too.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

import orjson
from pydantic import BaseModel, TypeAdapter, ValidationError

from models.errors import describe
from models.lean_rows import lean_rows
from models.metric_update import BatchRow, MetricUpdate, UpdateRow, consistency_problem, latest_accepted

RecordT = TypeVar("RecordT", bound=BaseModel)

_UPDATE_ROW: TypeAdapter[UpdateRow] = TypeAdapter(UpdateRow)
_UPDATE_ROWS: TypeAdapter[list[UpdateRow]] = TypeAdapter(list[UpdateRow])
_BATCH_ROW: TypeAdapter[BatchRow] = TypeAdapter(BatchRow)


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

    Two paths, tried in turn: `lean_rows` (models/lean_rows.py), then `model_rows`. `latest` is
    the newest event time accepted (`latest_accepted()`, which a caller decoding many messages
    reads once).
    """
    if latest is None:
        latest = latest_accepted()
    lean = lean_rows(data, latest)
    if lean is not None:
        return lean
    return model_rows(data, latest)


def model_rows(data: bytes, latest: float) -> list[TimedRow]:
    """The second path of `decode_timed_update_rows`: the model's own verdict and reason text.

    `lean_rows` (msgspec, then a lean loop) takes the common message in ~4/5 of the instructions
    of this path, and accepts only what this path accepts, with the same rows; it leaves every
    other message, every rejection included, to this path: pydantic-core validating into the
    model-derived rows (UpdateRow, BatchRow), then the rules that tie fields together. So every
    verdict and every dead-letter reason is the model's.
    """
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
