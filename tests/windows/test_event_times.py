"""The windows stage's timestamp cache gives exactly `datetime.timestamp()` for every form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from streams.agents.window_state import EventTimes

instants = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda dt: dt.replace(tzinfo=UTC))


@given(instants, st.sampled_from(["iso", "millis", "seconds", "offset"]))
def test_cached_parse_equals_datetime_timestamp(instant: datetime, form: str) -> None:
    if form == "iso":
        text = instant.isoformat().replace("+00:00", "Z")
    elif form == "millis":
        text = instant.strftime("%Y-%m-%dT%H:%M:%S.%f")[:23] + "Z"
    elif form == "seconds":
        text = instant.strftime("%Y-%m-%dT%H:%M:%SZ")
    else:
        text = instant.astimezone(timezone(timedelta(hours=3))).isoformat()
    times = EventTimes()
    assert times[text] == datetime.fromisoformat(text).timestamp()
    assert times[text] == times[text]


def test_rows_of_one_second_share_the_parse() -> None:
    times = EventTimes()
    base = datetime(2024, 3, 1, 12, 0, 10, tzinfo=UTC)
    for ms in range(0, 1000, 7):
        text = (base + timedelta(milliseconds=ms)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:23] + "Z"
        assert times[text] == (base + timedelta(milliseconds=ms)).timestamp()
    assert len(times.seconds) == 1
