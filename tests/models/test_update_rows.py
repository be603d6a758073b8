"""The metric stage's fast path (validated dicts, Signal rows) keeps every rule of the records.

`decode_update_rows` validates into plain dicts and `signal_row` writes Signals without
building models; both must accept and reject exactly what MetricUpdate and Signal do.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from models import (
    DecodeError,
    MetricBatch,
    MetricUpdate,
    Signal,
    decode_timed_update_rows,
    decode_update_rows,
    signal_row,
)
from models.codec import TimedRow, model_rows
from models.fields import REGION_PATTERN, Identifier
from models.lean_rows import CACHE_MAX, REGION_SPELLINGS, PlatformVerdicts, lean_rows
from models.metric_update import ISO_INSTANT_PATTERN, latest_accepted
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
def test_the_lean_path_reads_an_event_time_as_the_model_does_or_leaves_it_to_the_model(observed_at: str) -> None:
    data = orjson.dumps({"platform": "tiktok", "metric": "orders", "value": 1.0, "unit": "count",
                         "observed_at": observed_at})
    [model] = model_verdict(data) or [None]
    lean = lean_agrees(data)
    if lean is not None:
        [(ts, row)] = lean
        assert model is not None, observed_at
        assert row["observed_at"] == model.observed_at and ts == model.observed_at.timestamp()
        assert row["observed_at"].utcoffset() == model.observed_at.utcoffset()
        assert row["observed_at"].isoformat() == model.observed_at.isoformat()
        assert re.fullmatch(ISO_INSTANT_PATTERN, observed_at, re.ASCII), observed_at  # the shape check implies it
    verdict = rows_verdict(data)
    assert (verdict is None) == (model is None), observed_at


@pytest.mark.parametrize("observed_at", ["2024-03-01T12:00:10Z", "2024-03-01T15:00:10+03:00",
                                         "2024-03-01T12:00:10.25Z", "2024-03-01T12:00:10.123456-00:00"])
def test_canonical_event_times_take_the_lean_path(observed_at: str) -> None:
    """Else the lean path could fall back on everything and the tests above would still pass."""
    update = {"platform": "tiktok", "metric": "orders", "value": 1.0, "unit": "count", "observed_at": observed_at}
    for data in (orjson.dumps(update), orjson.dumps([update, update]), orjson.dumps({"updates": [update]})):
        assert lean_agrees(data) is not None


@pytest.mark.parametrize("observed_at", ["2024-03-01 12:00:10Z", "2024-03-01T12:00:10z", 1709294410,
                                         "2024-02-30T12:00:10Z", "1999-12-31T23:59:59Z", "2024-03-01T24:00:00Z",
                                         "2024-03-01T12:00:10+03:60", "2024-03-01T12:00:10.1234567Z"])
def test_other_spellings_and_rejections_are_left_to_the_model(observed_at: Any) -> None:
    update = {"platform": "tiktok", "metric": "orders", "value": 1.0, "unit": "count", "observed_at": observed_at}
    assert lean_rows(orjson.dumps(update), latest_accepted()) is None


# ------------------------------------------------------------------ the lean path (models/lean_rows.py)

def lean_agrees(data: bytes) -> list[TimedRow] | None:
    """`lean_rows` on `data`, held to the model's path: it may leave a message to it (None), but what
    it accepts the model's path accepts too, with the same rows (keys, order, values, types) and times."""
    latest = latest_accepted()
    lean = lean_rows(data, latest)
    if lean is None:
        return None
    try:
        model = model_rows(data, latest)
    except DecodeError as error:
        raise AssertionError(f"lean path accepted what the model refuses ({error.detail}): {data!r}") from None
    assert len(lean) == len(model), data
    for (ts, row), (model_ts, model_row) in zip(lean, model, strict=True):
        assert ts == model_ts, data
        assert list(row) == list(model_row), data
        for key, value in row.items():
            assert type(value) is type(model_row[key]) and value == model_row[key], (key, data)
        assert math.copysign(1, row["value"]) == math.copysign(1, model_row["value"]), data  # -0.0 stays -0.0
        assert row["observed_at"].utcoffset() == model_row["observed_at"].utcoffset(), data
    return lean


def json_object(pairs: list[tuple[str, Any]]) -> bytes:
    """An object in the given key order, duplicate keys kept (a dict cannot hold them)."""
    return b"{" + b",".join(orjson.dumps(key) + b":" + orjson.dumps(value) for key, value in pairs) + b"}"


SPACES = ["", " ", "\u00a0", "\u2003", "\x1c", "\x1f", "\x85", "\u200b", "\ufeff", "\t", "\n", "\u3000", "\u2028",
          "\u180e", "\u202f", "\x00"]
padded = st.tuples(st.sampled_from(SPACES), st.sampled_from(["u-1", "tiktok", "TikTok", "SA", "x" * 256, "x" * 200,
                                                              "ب", "😀"]),
                   st.sampled_from(SPACES)).map("".join)
NUMBERS = ["12", "-0", "-0.0", "true", "false", "null", "1e400", "-1e400", "1e15", "-1e15", "1E15", "1000000000000001",
           "1000000000000000.4", "1e-400", "0.1", "1" + "0" * 30, "9007199254740993", "[1]", '"1"', "1.5e+3"]
numbers = st.one_of(st.sampled_from(NUMBERS), st.integers(-(2**70), 2**70).map(str),
                    st.floats(allow_nan=False, allow_infinity=False).map(repr),
                    st.from_regex(r"-?(0|[1-9][0-9]{0,20})(\.[0-9]{1,25})?([eE][+-]?[0-9]{1,3})?", fullmatch=True))
GOOD = {"platform": "tiktok", "metric": "gmv", "value": 1.0, "unit": "USD", "observed_at": "2024-03-01T12:00:10Z"}


@settings(max_examples=600, deadline=None)
@given(updates)
def test_the_lean_path_accepts_only_what_the_model_does(values: dict[str, Any]) -> None:
    lean_agrees(orjson.dumps(values))


@settings(max_examples=300, deadline=None)
@given(st.lists(updates, min_size=0, max_size=4), st.sampled_from([None, "b", " b", "b\u00a0", "", "x" * 257, 7]),
       st.booleans())
def test_the_lean_path_on_arrays_and_batches(values: list[dict[str, Any]], batch_id: Any, with_id: bool) -> None:
    lean_agrees(orjson.dumps(values))
    lean_agrees(orjson.dumps({"batch_id": batch_id, "updates": values} if with_id else {"updates": values}))
    lean_agrees(orjson.dumps({"updates": values, "batch_id": batch_id, "extra": 1}))


@settings(max_examples=400, deadline=None)
@given(updates, st.lists(st.tuples(st.sampled_from(sorted(FIELD_VALUES)), st.integers(0, 20), st.booleans()),
                         min_size=1, max_size=3))
def test_duplicate_keys_are_read_as_the_model_reads_them(values: dict[str, Any], dups: list[Any]) -> None:
    pairs = list(values.items())
    for name, pick, before in dups:
        extra = (name, FIELD_VALUES[name][pick % len(FIELD_VALUES[name])])
        pairs = [extra, *pairs] if before else [*pairs, extra]
    lean_agrees(json_object(pairs))


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["platform", "region", "source", "update_id", "metric", "unit"]), padded)
def test_whitespace_around_ids_and_platforms(field: str, text: str) -> None:
    lean_agrees(orjson.dumps({**GOOD, field: text}))
    lean_agrees(orjson.dumps({"batch_id": text, "updates": [GOOD]}))


@settings(max_examples=600, deadline=None)
@given(numbers, st.sampled_from([("gmv", "USD"), ("orders", "count"), ("market_share", "percent")]))
def test_numbers_are_read_as_pydantic_strict_float_reads_them(number: str, metric_unit: tuple[str, str]) -> None:
    metric, unit = metric_unit
    data = orjson.dumps({**GOOD, "metric": metric, "unit": unit, "value": 0}).replace(b'"value":0', b'"value":' +
                                                                                     number.encode())
    lean_agrees(data)


@pytest.mark.parametrize("text", [b"a\\ud800b", b"a\\udc00b", b"a\xffb", b"a\xed\xa0\x80b", b"a\x01b", b"a\x1fb",
                                  b"a\x7fb", b"a\\u0000b", b"a\\/b", b"a\\xb", b"a\xc0\xafb", b"a\xf4\x90\x80\x80b",
                                  b"a\\ud83d\\ude00b", b"a\\ud83db", b"\\u0020a", b"a\\u00a0"])
@pytest.mark.parametrize("field", ["update_id", "source", "platform", "observed_at"])
def test_escapes_surrogates_and_bad_utf8_in_strings(text: bytes, field: str) -> None:
    data = orjson.dumps({**GOOD, field: "@"}).replace(b'"@"', b'"' + text + b'"')
    lean_agrees(data)


def test_every_invalid_example_of_the_tests_is_left_to_the_model() -> None:
    from tests.faults.test_bad_input import extremes
    from tests.models.test_wire_format_examples import BAD as WIRE_BAD

    # too_many_updates (10,001 in an array) is valid to the rows: the worker's limit refuses it after them
    bad = [text.encode() for _, text, _ in WIRE_BAD] + [data for name, data in extremes() if name != "too_many_updates"]
    bad += [b"", b"{", b"\xff\xfe", b"null", b"42", b"[1, 2]", b'{"updates": 3}', b"[]", b'{"updates": []}',
            b'[' + orjson.dumps(GOOD) + b',{"platform": "tiktok"}]', b" [" + orjson.dumps(GOOD) + b"] x"]
    bad += [orjson.dumps({**GOOD, **change}) for change in (
        {"platform": "Mercado Libre!"}, {"region": "Saudi"}, {"value": 1e16}, {"unit": "usd"}, {"metric": "clicks"},
        {"observed_at": "1970-01-01T00:00:00Z"}, {"observed_at": "9999-01-01T00:00:00Z"}, {"unit": "count"},
        {"metric": "market_share", "unit": "percent", "value": 140.0}, {"metric": "orders", "unit": "count",
                                                                          "value": -5.0}, {"colour": "red"})]
    for data in bad:
        assert lean_rows(data, latest_accepted()) is None, data
    [too_many] = [data for name, data in extremes() if name == "too_many_updates"]
    assert lean_agrees(too_many) is not None
    assert lean_agrees(b'{"updates":' + too_many + b"}") is None  # a MetricBatch holds at most 10,000


def bad_messages() -> st.SearchStrategy[tuple[str, bytes | None]]:
    """The fuzz corpus the bad-input fault test publishes (tests/faults/test_bad_input.py)."""
    from tests.faults.test_bad_input import BAD

    return BAD


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.deferred(bad_messages))
def test_the_bad_input_corpus_is_left_to_the_model(example: tuple[str, bytes | None]) -> None:
    _, data = example
    if data is not None:
        assert lean_agrees(data) is None, data


def test_bench_shaped_messages_take_the_lean_path() -> None:
    """The common case (bench/input.py's updates, single, as arrays and as batches) must not fall back."""
    from bench.input import encode_update, generate, time_base

    updates = [encode_update(u) for u in generate(1000, time_base())]
    array = b"[" + b",".join(updates) + b"]"
    for data in (*updates[:50], array, b'{"batch_id":"b-1","updates":' + array + b"}", b' \n' + array):
        assert lean_agrees(data) is not None, data[:200]


def test_what_the_lean_path_takes_as_is_the_model_keeps_as_is() -> None:
    """An id without `str.isspace` at either end is one pydantic-core does not strip (every code point
    checked); every region the lean path takes is one the model's pattern takes."""
    kept = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and not chr(c).isspace()]
    assert TypeAdapter(list[Identifier]).validate_python(kept) == kept
    assert all(re.fullmatch(REGION_PATTERN, region) for region in REGION_SPELLINGS)
    region = TypeAdapter(MetricUpdate.model_fields["region"].annotation)
    assert [region.validate_python(r) for r in REGION_SPELLINGS] == list(REGION_SPELLINGS)


def test_platform_verdicts_are_the_models_and_stay_bounded() -> None:
    verdicts = PlatformVerdicts()
    assert verdicts.learn(" TikTok ") == "tiktok" and verdicts.known == {" TikTok ": "tiktok"}
    assert verdicts.learn("Mercado Libre!") is None and "Mercado Libre!" not in verdicts.known
    for i in range(CACHE_MAX + 10):
        verdicts.learn(f"p{i}")
    assert len(verdicts.known) <= CACHE_MAX


@pytest.mark.parametrize(("number", "value"), [(b"12", 12.0), (b"-0", 0.0), (b"-0.0", -0.0), (b"1e15", 1e15),
                                               (b"-1000000000000000", -1e15), (b"true", None), (b"1e400", None),
                                               (b"1000000000000001", None)])
def test_json_integers_become_floats_and_bools_are_refused_as_pydantic_does(number: bytes, value: float | None) -> None:
    gauge = {**GOOD, "metric": "growth_percent", "unit": "percent"}  # may be negative, has no bound but the value's
    lean = lean_agrees(orjson.dumps(gauge).replace(b'"value":1.0', b'"value":' + number))
    assert (lean is None) == (value is None)
    if lean is not None:
        [(_, row)] = lean
        assert type(row["value"]) is float and row["value"] == value


def test_a_duplicate_key_takes_its_last_value_as_pydantic_does() -> None:
    [(_, row)] = lean_agrees(json_object([*GOOD.items(), ("value", 2.0), ("platform", "Noon")])) or [(0, {})]
    assert row["value"] == 2.0 and row["platform"] == "noon"
