"""Validation rules of the records and the codec's batch forms."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import (
    Article,
    DeadLetter,
    DecodeError,
    MetricUpdate,
    Signal,
    decode,
    decode_updates,
    encode,
    encode_many,
)

AT = datetime(2024, 3, 1, 12, 0, 10, tzinfo=UTC)


def update(**overrides: object) -> MetricUpdate:
    values: dict[str, object] = {"platform": "tiktok", "metric": "orders", "value": 37.0, "unit": "count",
                                 "observed_at": AT}
    values.update(overrides)
    return MetricUpdate.model_validate(values)


def rejection(**overrides: object) -> str:
    """The dead-letter detail a producer would read for this update."""
    values: dict[str, object] = {"platform": "tiktok", "metric": "orders", "value": 37.0, "unit": "count",
                                 "observed_at": "2024-03-01T12:00:10Z"}
    values.update(overrides)
    with pytest.raises(DecodeError) as caught:
        decode_updates(orjson.dumps(values))
    return caught.value.detail


def test_platform_is_normalised_to_a_slug() -> None:
    assert update(platform=" TikTok ").platform == "tiktok"
    assert update(platform="mercado_libre").platform == "mercado_libre"
    assert "platform 'Mercado Libre!' is not a slug" in rejection(platform="Mercado Libre!")


def test_offsets_are_kept_and_mean_the_same_instant() -> None:
    assert update(observed_at="2024-03-01T15:00:10+03:00").observed_at == AT


@pytest.mark.parametrize("when", ["1970-01-01T00:00:00Z", "9999-01-01T00:00:00Z"])
def test_event_times_far_from_now_are_rejected(when: str) -> None:
    assert "event time" in rejection(observed_at=when)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("region", "Saudi", "region 'Saudi' is not an ISO 3166 alpha-2 code"),
    ("value", 1e16, "beyond ±1e15"),
    ("unit", "usd", "unit 'usd' is neither one of"),
    ("metric", "clicks", "unknown metric 'clicks'"),
])
def test_each_rejection_reads_as_a_sentence(field: str, value: object, message: str) -> None:
    assert message in rejection(**{field: value})


def test_future_within_a_day_is_accepted() -> None:
    update(observed_at=datetime.now(UTC) + timedelta(hours=2))


@pytest.mark.parametrize(("metric", "unit", "value"), [
    ("gmv", "SAR", 1.5e9), ("conversion_rate", "percent", 1.85), ("active_users", "users", 1.5e8),
    ("growth_multiple", "multiple", 4.0), ("time_spent", "minutes", 33.0), ("growth_percent", "percent", -12.0),
])
def test_each_metric_takes_its_unit(metric: str, unit: str, value: float) -> None:
    assert update(metric=metric, unit=unit, value=value).unit == unit


def test_gauges_are_not_bound_by_counter_rules_but_users_are_not_negative() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        update(metric="active_users", unit="users", value=-5.0)


def test_unknown_fields_are_rejected_for_updates_but_ignored_for_articles() -> None:
    with pytest.raises(ValueError, match="Extra inputs"):
        update(colour="red")
    article = Article.model_validate({"id": "a", "body": "text", "url": "https://example.test/a"})
    assert article.id == "a"


def test_identity_is_the_update_id_or_a_content_hash() -> None:
    assert update(update_id="u-1").identity() == "u-1"
    assert update().identity() == update().identity()
    assert update().identity() != update(value=38.0).identity()


def test_batches_in_three_forms_decode_to_the_same_updates() -> None:
    updates = [update(value=float(i)) for i in range(3)]
    single = decode_updates(encode(updates[0]))
    array = decode_updates(encode_many(updates))
    batch = decode_updates(b'{"batch_id": "b1", "updates": ' + encode_many(updates) + b"}")
    assert single == updates[:1]
    assert array == updates
    assert batch == updates


def test_one_bad_update_rejects_the_whole_batch_with_its_position() -> None:
    good = encode(update())
    with pytest.raises(DecodeError) as caught:
        decode_updates(b"[" + good + b',{"platform": "tiktok"}]')
    assert caught.value.reason == "invalid"
    assert caught.value.detail.startswith("1.")


@pytest.mark.parametrize("data", [b"", b"{", b"\xff\xfe", b"null", b"42", b"[1, 2]", b'{"updates": 3}'])
def test_garbage_is_a_decode_error_never_an_exception(data: bytes) -> None:
    with pytest.raises(DecodeError):
        decode_updates(data)


@given(st.binary(max_size=300))
def test_any_bytes_either_decode_or_raise_decode_error(data: bytes) -> None:
    try:
        decode_updates(data)
    except DecodeError as error:
        assert error.reason in {"malformed", "invalid"}


def test_signal_from_update_is_valid() -> None:
    signal = Signal.from_update(update(region="US"))
    assert Signal.model_validate(signal.model_dump()) == signal
    assert signal.is_increment


def test_article_signal_is_never_an_increment() -> None:
    signal = Signal(signal_id="s", origin="article", platform="tiktok", metric="gmv", value=2e10, unit="USD",
                    observed_at=AT)
    assert not signal.is_increment


def test_dead_letter_keeps_any_bytes() -> None:
    original = bytes(range(256))
    letter = DeadLetter(topic="t", reason="malformed", detail="x", original=original, failed_at=AT)
    assert decode(encode(letter), DeadLetter).original == original
