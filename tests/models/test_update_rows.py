"""The metric stage's fast path (validated dicts, Signal rows) keeps every rule of the records.

`decode_update_rows` validates into plain dicts and `signal_row` writes Signals without
building models; both must accept and reject exactly what MetricUpdate and Signal do.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from models import (
    DecodeError,
    MetricBatch,
    MetricUpdate,
    Signal,
    decode_timed_update_rows,
    decode_update_rows,
    signal_row,
)
from models.vocab import METRIC_UNITS

NOW = datetime.now(UTC)
TIMES = ["2024-03-01T12:00:10Z", "2024-03-01T15:00:10+03:00", "2024-03-01T12:00:10", "1999-12-31T23:59:59Z",
         "2024-03-01T12:00:10.5Z", "2024-03-01T12:00:10.123456-00:00", "2024-03-01 12:00:10Z", "2024-03-01t12:00:10z",
         "2024-02-30T12:00:10Z", "2024-03-01T24:00:00Z", "2024-03-01T12:00:10+24:00", "2024-03-01T12:00:10.1234567Z",
         "2000-01-01T00:00:00Z", "2000-01-01T02:59:59+03:00", "20240301T120010Z", "2024-W09-5T12:00:10Z",
         (NOW + timedelta(hours=2)).isoformat(), (NOW + timedelta(days=2)).isoformat(), "yesterday", 1709294410]
VALUES: list[Any] = [0.0, 37.0, -3.0, 150.0, 1e16, "12", True, None, 12]
FIELD_VALUES: dict[str, list[Any]] = {
    "platform": ["tiktok", " TikTok ", "mercado_libre", "Mercado Libre!", "", 7],
    "metric": [*sorted(METRIC_UNITS), "clicks"],
    "value": VALUES,
    "unit": ["count", "percent", "USD", "SAR", "users", "multiple", "usd", "dollars"],
    "observed_at": TIMES,
    "region": ["US", "SA", "global", "MENA", "Saudi", None],
    "source": ["feed", "x" * 201, None],
    "update_id": ["u-1", " ", "x" * 257, None],
}

updates = st.fixed_dictionaries(
    {name: st.sampled_from(FIELD_VALUES[name]) for name in ("platform", "metric", "value", "unit", "observed_at")},
    optional={name: st.sampled_from(FIELD_VALUES[name]) for name in ("region", "source", "update_id")}
    | {"extra": st.just(1)},
)


def model_verdict(data: bytes) -> list[MetricUpdate] | None:
    try:
        return [MetricUpdate.model_validate_json(data)]
    except ValidationError:
        return None


def rows_verdict(data: bytes) -> list[dict[str, Any]] | None:
    try:
        return decode_update_rows(data)
    except DecodeError:
        return None


@settings(max_examples=600, deadline=None)
@given(updates)
def test_rows_accept_and_reject_what_the_model_does(values: dict[str, Any]) -> None:
    data = orjson.dumps(values)
    model, rows = model_verdict(data), rows_verdict(data)
    assert (model is None) == (rows is None), (values, model, rows)
    if model is not None and rows is not None:
        assert MetricUpdate.model_construct(**rows[0]) == model[0]
        [(ts, row)] = decode_timed_update_rows(data)  # the event time beside the row is the row's own
        assert row == rows[0] and ts == model[0].observed_at.timestamp()


@settings(max_examples=200, deadline=None)
@given(st.lists(updates, min_size=1, max_size=5))
def test_a_batch_is_accepted_only_when_every_update_is(values: list[dict[str, Any]]) -> None:
    data = orjson.dumps({"batch_id": "b", "updates": values})
    try:
        expected: list[MetricUpdate] | None = list(MetricBatch.model_validate_json(data).updates)
    except ValidationError:
        expected = None
    got = rows_verdict(data)
    assert (expected is None) == (got is None)
    if expected is not None and got is not None:
        assert [MetricUpdate.model_construct(**row) for row in got] == expected


def test_a_rule_broken_deep_in_a_batch_names_its_position() -> None:
    good = {"platform": "tiktok", "metric": "orders", "value": 1.0, "unit": "count",
            "observed_at": "2024-03-01T12:00:10Z"}
    bad = {**good, "unit": "USD"}
    with pytest.raises(DecodeError) as array:
        decode_update_rows(orjson.dumps([good, good, bad]))
    assert array.value.detail == "2: metric 'orders' takes 'count' as unit, not 'USD'"
    with pytest.raises(DecodeError) as batch:
        decode_update_rows(orjson.dumps({"updates": [good, bad]}))
    assert batch.value.detail == "updates.1: metric 'orders' takes 'count' as unit, not 'USD'"
    with pytest.raises(DecodeError) as single:
        decode_update_rows(orjson.dumps(bad))
    assert single.value.detail == "record: metric 'orders' takes 'count' as unit, not 'USD'"


@settings(max_examples=300, deadline=None)
@given(updates)
def test_signal_rows_are_signals(values: dict[str, Any]) -> None:
    rows = rows_verdict(orjson.dumps(values))
    if rows is None:
        return
    row = signal_row(rows[0])
    assert list(row) == list(Signal.model_fields)
    signal = Signal.model_validate_json(orjson.dumps(row, option=orjson.OPT_UTC_Z))
    assert signal == Signal.from_update(MetricUpdate.model_validate_json(orjson.dumps(values)))
    assert signal.signal_id == (rows[0].get("update_id") or MetricUpdate.model_construct(**rows[0]).identity())


# ------------------------------------------------------------------ the event-time fast path

def _spelled(parts: tuple[int, int, int, int, int, int, str, str, str]) -> str:
    year, month, day, hour, minute, second, fraction, separator, zone = parts
    return f"{year:04d}-{month:02d}-{day:02d}{separator}{hour:02d}:{minute:02d}:{second:02d}{fraction}{zone}"


instants = st.tuples(
    st.integers(1999, 2030), st.integers(0, 13), st.integers(0, 32), st.integers(0, 25), st.integers(0, 61),
    st.integers(0, 61), st.sampled_from(["", ".5", ".05", ".123456", ".1234567", ".", ",5"]),
    st.sampled_from(["T", "T", "t", " "]),
    st.sampled_from(["Z", "z", "+00:00", "-00:00", "+03:00", "-05:30", "+23:59", "+24:00", "+0300", "+03", "",
                     "+03:60", "-12:45"]),
).map(_spelled)


@settings(max_examples=800, deadline=None)
@given(instants)
def test_the_fast_path_reads_an_event_time_as_the_model_does_or_leaves_it_to_the_model(observed_at: str) -> None:
    from models.codec import _instant_rows
    from models.metric_update import latest_accepted

    data = orjson.dumps({"platform": "tiktok", "metric": "orders", "value": 1.0, "unit": "count",
                         "observed_at": observed_at})
    [model] = model_verdict(data) or [None]
    fast = _instant_rows(data, latest_accepted())
    if fast is not None:
        [(ts, row)] = fast
        assert model is not None, observed_at
        assert row["observed_at"] == model.observed_at and ts == model.observed_at.timestamp()
        assert row["observed_at"].utcoffset() == model.observed_at.utcoffset()
        assert row["observed_at"].isoformat() == model.observed_at.isoformat()
    verdict = rows_verdict(data)
    assert (verdict is None) == (model is None), observed_at


@pytest.mark.parametrize("observed_at", ["2024-03-01T12:00:10Z", "2024-03-01T15:00:10+03:00",
                                         "2024-03-01T12:00:10.25Z"])
def test_canonical_event_times_take_the_fast_path(observed_at: str) -> None:
    """Else the fast path could fall back on everything and the tests above would still pass."""
    from models.codec import _instant_rows
    from models.metric_update import latest_accepted

    update = {"platform": "tiktok", "metric": "orders", "value": 1.0, "unit": "count", "observed_at": observed_at}
    assert _instant_rows(orjson.dumps([update, update]), latest_accepted()) is not None
    assert _instant_rows(orjson.dumps({"updates": [update]}), latest_accepted()) is not None


@pytest.mark.parametrize("observed_at", ["2024-03-01 12:00:10Z", "2024-03-01T12:00:10z", 1709294410,
                                         "2024-02-30T12:00:10Z", "1999-12-31T23:59:59Z"])
def test_other_spellings_and_rejections_are_left_to_the_model(observed_at: Any) -> None:
    from models.codec import _instant_rows
    from models.metric_update import latest_accepted

    update = {"platform": "tiktok", "metric": "orders", "value": 1.0, "unit": "count", "observed_at": observed_at}
    assert _instant_rows(orjson.dumps(update), latest_accepted()) is None
