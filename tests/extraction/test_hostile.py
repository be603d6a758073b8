"""Hostile input: the extractor stays linear and never crashes."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.hostile_text import PIECES
from bench.hostile_text import hostile as adversarial
from streams.extraction import extract_figures


def test_one_megabyte_under_a_second() -> None:
    body = adversarial(1_000_000)
    started = time.perf_counter()
    extract_figures(body)
    assert time.perf_counter() - started < 1.0


def test_single_runs_of_one_character() -> None:
    for ch in ("9", ",", "٫", "\u064e", "\u200f", "ـ", "."):
        started = time.perf_counter()
        extract_figures(ch * 300_000)
        assert time.perf_counter() - started < 1.0, repr(ch)


_WORDS = ["تيك توك", "TikTok", " GMV ", "معدل التحويل", "خمسة وعشرين", "أضعاف", "(", ")", "«", "»", "Q3 2023", "هناك"]
_ALPHABET = st.sampled_from([*PIECES, *_WORDS])


@settings(max_examples=40, deadline=None)
@given(st.lists(_ALPHABET, max_size=4000))
def test_random_bodies_are_fast_and_well_formed(pieces: list[str]) -> None:
    body = "".join(pieces)
    started = time.perf_counter()
    figures = extract_figures(body)
    assert time.perf_counter() - started < 0.5
    for figure in figures:
        assert 0 <= figure.span[0] <= figure.span[1] <= len(body)
        assert 0.0 <= figure.confidence <= 1.0
    assert [f.span for f in figures] == sorted(f.span for f in figures)
