"""Constructions of filings, transcripts and research summaries, on sentences written for these tests:
ceilings and floors written as negations, ranges, spoken decimals, defined terms, speakers' labels and
the document that is the source of its own figures."""

from __future__ import annotations

import pytest

from .conftest import only, run

# ---------------------------------------------------------------- qualifiers written as negations


@pytest.mark.parametrize(
    ("body", "qualifier"),
    [
        ("Shopee's market share did not reach 12% last year.", "less_than"),
        ("Shopee's GMV failed to reach $2 billion in 2023.", "less_than"),
        ("Shopee's conversion rate fell short of 3% in 2023.", "less_than"),
        ("Shopee's market share did not exceed 9 per cent in any month.", "up_to"),
        ("Shopee expects its GMV to grow by no more than 8 per cent in 2025.", "up_to"),
        ("Shopee's conversion rate was at most 2.5% in 2023.", "up_to"),
        ("Shopee's market share stayed below 7% in 2023.", "less_than"),
    ],
)
def test_a_negated_bound_is_a_qualifier(body: str, qualifier: str) -> None:
    assert only(body).qualifier == qualifier


def test_a_range_is_two_figures_at_least_and_up_to() -> None:
    figures = run("Shopee's share of online fashion sales was between 21 and 24 per cent in 2023.")
    assert [(f.value, f.unit, f.qualifier) for f in figures] == [(21, "percent", "at_least"),
                                                                  (24, "percent", "up_to")]


def test_a_range_with_scales_on_both_bounds() -> None:
    figures = run("Shopee had between 4m and 5m monthly active users in 2023.")
    assert [(f.value, f.qualifier) for f in figures] == [(4e6, "at_least"), (5e6, "up_to")]


@pytest.mark.parametrize(
    ("body", "value", "unit"),
    [
        ("Shopee's revenue came to about four point seven billion dollars in 2023.", 4.7e9, "USD"),
        ("Shopee's conversion rate is one point eight percent.", 1.8, "percent"),
        ("Shopee now has two point five million sellers.", 2.5e6, "count"),
    ],
)
def test_spoken_decimals(body: str, value: float, unit: str) -> None:
    figure = only(body)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


def test_a_short_form_with_an_ampersand_stands_for_the_full_name() -> None:
    figures = run("Marlow & Finch (M&F) surveyed 9,000 shoppers in 2023. M&F estimates that Lazada's conversion rate "
                  "was 2.2 per cent.")
    assert [(f.metric, f.source) for f in figures] == [("conversion_rate", "Marlow & Finch")]
