from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from streams.windows import DEFAULT_WINDOWS, WindowSpec, parse_windows


def test_parse_default_windows() -> None:
    specs = parse_windows(DEFAULT_WINDOWS)
    assert [(s.name, s.size_s, s.step_s, s.grace_s, s.kind) for s in specs] == [
        ("1m", 60, 60, 10, "tumbling"),
        ("1h", 3600, 3600, 60, "tumbling"),
        ("1d", 86400, 86400, 600, "tumbling"),
        ("1h/5m", 3600, 300, 60, "hopping"),
        ("1d/1h", 86400, 3600, 600, "hopping"),
    ]


@pytest.mark.parametrize("text", ["1m", "1x:10s", "1m:", "5m/10m:1s", "1m:1s,1m:2s", "", "1m:-1s"])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_windows(text)


@given(st.sampled_from([(60, 60), (3600, 300), (12, 8), (86400, 3600), (10, 10)]),
       st.floats(min_value=-2e9, max_value=4e9, allow_nan=False))
def test_starts_for_is_exactly_the_windows_containing_ts(size_step: tuple[int, int], ts: float) -> None:
    size, step = size_step
    spec = WindowSpec("w", size, step, 0)
    starts = list(spec.starts_for(ts))
    assert starts, "every instant lies in some window"
    assert all(s % step == 0 and s <= ts < s + size for s in starts)
    assert starts[0] - step + size <= ts  # the window before the first one ends at or before ts
    assert starts[-1] + step > ts  # the window after the last one starts after ts
