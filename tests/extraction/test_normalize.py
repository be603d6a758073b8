"""Normalisation folds spellings but every span still slices the original body."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.extraction import content_fingerprint, extract_figures
from streams.extraction.normalize import Normalized, fold

from .conftest import run


def test_fold_digits_separators_letters() -> None:
    assert fold("٢٠٢٣ ۱۲ ٦٫٢ ٣٬٢٠٠ ٪") == "2023 12 6.2 3,200 %"
    assert fold("أإآٱ ى ة") == "اااا ي ه"
    assert fold("مَلْيُون\u200fـــدولار") == "مليوندولار"


def test_offsets_survive_deletions() -> None:
    body = "بلــغ\u200f معدّلُ التحويل على «تيك\u064e توك» ٢٫٥٪ هذا العام."
    norm = Normalized(body)
    assert "2.5%" in norm.text
    at = norm.text.index("2.5%")
    start, end = norm.span_to_original(at, at + 4)
    assert body[start:end] == "٢٫٥٪"


@pytest.mark.parametrize(
    "body",
    [
        "بلغ معدّلُ التحويلِ على «تيك توك» ١٫٨٥٪ بحسب «كانتار».",
        "يضم\u200f سناب\u200f شات\u200f ما يقرب من ٢٠ مليــون مستخدم نشط في السعودية.",
        "وبلغت إيرادات أمازون بـ٤٦٫٩ مليار دولار و٣٠٪ من السوق.",
        "TikTok\u200e's conversion rate was 1.85%\u200f according to Kantar.",
    ],
)
def test_spans_slice_the_figure(body: str) -> None:
    figures = run(body)
    assert figures
    for figure in figures:
        text = body[figure.span[0] : figure.span[1]]
        assert any(ch.isdigit() for ch in fold(text)), text
        assert text in figure.sentence


def test_glued_prefixes() -> None:
    figures = run("وبلغت حصة أمازون و٣٠٪ بينما بلغت حصة نون لـ٢٠٪.")
    assert sorted(f.value for f in figures) == [20.0, 30.0]


def test_fingerprint_ignores_trivial_differences() -> None:
    a = "بلغ معدل التحويل على تيك توك 1.85% هذا العام."
    b = "بلـغ  معدّل التحويل على تيك توك ١٫٨٥٪ هذا العام.\n"
    assert content_fingerprint(a) == content_fingerprint(b)
    assert content_fingerprint(a) != content_fingerprint(a.replace("1.85", "1.86"))
    assert len(content_fingerprint(a)) == 64


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="تيك توك ٠١٢٣٤٥٦٧٨٩٫٬٪%$ مليون\u064e\u0650\u200f\u202bـ,.أإآىة\n", max_size=300))
def test_to_original_is_monotonic_and_in_range(body: str) -> None:
    norm = Normalized(body)
    previous = -1
    for index in range(len(norm.text)):
        original = norm.to_original(index)
        assert previous < original < len(body)
        assert fold(body[original]) == norm.text[index]
        previous = original


def test_empty_body() -> None:
    assert extract_figures("") == []
