"""Pydantic records at every boundary: article → signal → window aggregate, and dead letters."""

from models.aggregate import ReportedFigure, WindowAggregate, window_key
from models.article import Article
from models.codec import (
    DecodeError,
    TimedRow,
    decode,
    decode_many,
    decode_timed_update_rows,
    decode_update_rows,
    decode_updates,
    dumps,
    encode,
    encode_many,
)
from models.dead_letter import DeadLetter
from models.metric_update import MetricBatch, MetricUpdate
from models.signal import Signal, signal_row

__all__ = [
    "Article",
    "DeadLetter",
    "DecodeError",
    "MetricBatch",
    "MetricUpdate",
    "ReportedFigure",
    "Signal",
    "TimedRow",
    "WindowAggregate",
    "decode",
    "decode_many",
    "decode_timed_update_rows",
    "decode_update_rows",
    "decode_updates",
    "dumps",
    "encode",
    "encode_many",
    "signal_row",
    "window_key",
]
