"""English constructions seen on the fifth corpus's business press (tune5), in sentences written here.

Other platforms, figures and wording than any article of the sets, one construction per test.
"""

# Alike in shape on purpose (`duplicates` lists them as shape boilerplate): each test is one sentence
# and what it must yield, so a failure names the one construction that broke.
from __future__ import annotations

import pytest

from streams.extraction.segments import sentences

from .conftest import only, run


@pytest.mark.parametrize(
    ("body", "level"),
    [
        ("Etsy's gross merchandise value rose 35% in 2023, reaching $410 million.", ("gmv", 410e6)),
        ("Jumia said its revenue doubled in 2024, hitting $190 million.", ("revenue", 190e6)),
    ],
)
def test_the_level_a_growth_reached_after_a_comma(body: str, level: tuple[str, float]) -> None:
    figures = run(body)
    assert len(figures) == 2, figures
    assert (figures[1].metric, figures[1].value) == (level[0], pytest.approx(level[1]))
    assert figures[1].platform == figures[0].platform


def test_reaching_something_that_is_no_figure_adds_none() -> None:
    assert len(run("Etsy's sales rose 35% in 2023, reaching buyers in 30 new countries.")) == 1


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("Conversion on Etsy's sponsored listings came in at c. 3.4% in 2024.", 3.4),
        ("Jumia had ca. 9 million active customers in 2024.", 9e6),
    ],
)
def test_an_abbreviated_circa_is_approximate_and_ends_no_sentence(body: str, value: float) -> None:
    figure = only(body)
    assert (figure.value, figure.qualifier) == (pytest.approx(value), "approx")


def test_c_at_a_sentence_end_still_ends_it() -> None:
    figures = run("The shop opened in Block C. Jumia had 9 million active customers in 2024.")
    assert [(f.platform, f.qualifier) for f in figures] == [("jumia", "exact")]


def test_a_total_split_between_platforms_gives_their_shares() -> None:
    figures = run("German online fashion sales were split between Zalando (41%), Otto (22%) and Amazon (18%).")
    assert [(f.platform, f.metric, f.value) for f in figures] == [
        ("zalando", "market_share", 41.0), ("otto", "market_share", 22.0), ("amazon", "market_share", 18.0)]


def test_a_stock_split_is_no_share() -> None:
    assert run("Zalando's two-for-one stock split between March and May lifted its shares by 12%.") == []


def test_a_list_of_shares_goes_on_past_the_full_stop() -> None:
    figures = run("Zalando had 38% of e-commerce spending in Germany in 2023, Hallmark Data says. Otto was at 17%.")
    assert [(f.platform, f.metric, f.value, f.period) for f in figures] == [
        ("zalando", "market_share", 38.0, "2023"), ("otto", "market_share", 17.0, "2023")]
    assert figures[1].source == figures[0].source


@pytest.mark.parametrize(
    "second",
    [
        "Otto had 17% more staff.",  # the figure has a noun of its own
        "Otto said 17% of its staff work remotely.",
    ],
)
def test_a_percent_after_a_share_that_measures_something_else_is_no_share(second: str) -> None:
    figures = run("Zalando had about 38% of e-commerce spending in Germany in 2023. " + second)
    assert [f.platform for f in figures] == ["zalando"]


def test_a_percent_after_a_growth_rate_continues_no_list() -> None:
    assert [f.platform for f in run("Zalando's revenue rose 14% in 2023. Otto was at 17%.")] == ["zalando"]


def test_a_hard_wrapped_column_with_hyphenated_words_is_read_as_running_text() -> None:
    body = ("Otto, the Hamburg-based retailer that\nstarted as a catalogue, said its online\nrevenue for "
            "the year reached\n€4.6 bil-\nlion, up 7% on the year before.")
    figures = run(body)
    assert [(f.platform, f.metric, f.value) for f in figures] == [
        ("otto", "revenue", pytest.approx(4.6e9)), ("otto", "growth_percent", 7.0)]


@pytest.mark.parametrize(
    "body",
    [
        "Otto's revenue rose 7% in 2024.\nlater that year it cut 300 jobs",  # the line ends its sentence
        "Otto's revenue rose 7% in the year\nZalando's fell",  # the next line opens a sentence of its own
        "Revenue, in euros\n4.6 billion",  # too short a line for a wrapped column
    ],
)
def test_lines_that_do_not_go_on_in_the_next_stay_apart(body: str) -> None:
    assert len({paragraph for _start, _end, paragraph in sentences(body)}) == 2


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("Engagement on Etsy's shoppable videos ran at 4-ish percent of viewers in 2024.", 4.0),
        ("Jumia had 12ish million active customers in 2024.", 12e6),
    ],
)
def test_a_number_written_with_ish_is_approximate(body: str, value: float) -> None:
    figure = only(body)
    assert (figure.value, figure.qualifier) == (pytest.approx(value), "approx")


def test_a_heading_read_with_the_sentence_after_it_names_what_its_paragraph_measures() -> None:
    body = ("Etsy. Conversion from sponsored listings was about 3% in 2024.\n\n"
            "Jumia. Hard to call, to be fair. We measured conversion from its ads at 1.4 percent.")
    assert [(f.platform, f.value) for f in run(body)] == [("etsy", 3.0), ("jumia", 1.4)]



@pytest.mark.parametrize("ref", ["The Lagos-based company", "The Lagos-based marketplace"])
def test_the_company_described_by_where_it_is_based_refers_back(ref: str) -> None:
    body = ("Jumia, the online retailer that hired two former Amazon engineers, said revenue rose 12% in 2024.\n\n"
            f"{ref} said it ended the year with 5.2 million active customers.")
    assert [(f.platform, f.metric) for f in run(body)] == [("jumia", "growth_percent"), ("jumia", "active_users")]


def test_a_company_based_somewhere_that_is_new_refers_to_none() -> None:
    body = ("Jumia, the online retailer that hired two former Amazon engineers, said revenue rose 12% in 2024.\n\n"
            "A Lagos-based company said it ended the year with 5.2 million active customers.")
    assert [(f.platform, f.metric) for f in run(body)] == [("jumia", "growth_percent")]


_GRID = """Our numbers for Jumia: still cautious.

Forecast table: Jumia (EUR m unless stated)
                 FY24A      FY25E      FY26E
Revenue          190        231        277
Orders (m)       12.1       14.0       16.3
EBITDA           -50        -21        4
"""


def test_an_estimates_grid_gives_a_figure_per_metric_and_period() -> None:
    figures = run(_GRID)
    assert [(f.platform, f.metric, f.value, f.unit, f.period, f.kind) for f in figures] == [
        ("jumia", "revenue", pytest.approx(190e6), "EUR", "2024", "actual"),
        ("jumia", "revenue", pytest.approx(231e6), "EUR", "2025", "forecast"),
        ("jumia", "revenue", pytest.approx(277e6), "EUR", "2026", "forecast"),
        ("jumia", "orders", pytest.approx(12.1e6), "count", "2024", "actual"),
        ("jumia", "orders", pytest.approx(14.0e6), "count", "2025", "forecast"),
        ("jumia", "orders", pytest.approx(16.3e6), "count", "2026", "forecast"),
    ]


@pytest.mark.parametrize(
    "grid",
    [
        _GRID.replace("Forecast table: Jumia", "Forecast table: the sector"),  # no one platform in the caption
        _GRID.replace("FY24A      FY25E      FY26E", "2024       2025       2026"),  # no period marked actual/estimate
    ],
)
def test_a_grid_without_its_platform_or_its_period_marks_is_not_read(grid: str) -> None:
    assert run(grid) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- 31%: Zalando's share of German online fashion spending in 2024", ("zalando", "market_share", 31.0)),
        ("• €2.3 billion: Otto's online revenue in 2024", ("otto", "revenue", 2.3e9)),
        ("- 2.4 million: Otto's registered sellers across Europe", ("otto", "sellers", 2.4e6)),
    ],
)
def test_a_fact_box_figure_before_its_label(line: str, expected: tuple[str, str, float]) -> None:
    figure = only(line)
    assert (figure.platform, figure.metric, figure.value) == (expected[0], expected[1], pytest.approx(expected[2]))


@pytest.mark.parametrize("line", ["- 6: countries where Zalando operates",
                                  "- 40 million: the population of Zalando's biggest market"])
def test_a_fact_box_count_of_something_else_is_no_signal(line: str) -> None:
    assert run(line) == []


def test_a_heading_in_capitals_names_its_platform_so_the_one_before_is_out_of_focus() -> None:
    body = ("ETSY\n- Revenue: $700 million, up 4% y/y\n\n"
            "SNAP\n- Revenue: $1.2 billion\n- Daily active users: 400 million")
    assert [(f.platform, f.metric) for f in run(body)] == [("etsy", "revenue"), ("etsy", "growth_percent")]


def test_to_more_than_double_again_is_a_forecast_multiple() -> None:
    figure = only("Analysts expect Etsy's UK merchandise sales to more than double again in 2026.")
    assert (figure.metric, figure.value, figure.qualifier, figure.kind) == ("growth_multiple", 2.0, "more_than",
                                                                          "forecast")


def test_double_again_as_a_word_of_no_figure_is_none() -> None:
    assert run("Etsy's founder said the queue at the door would double back again around the block.") == []


def test_what_shoppers_spent_on_a_platform_is_its_merchandise_value() -> None:
    figure = only("Consumers in Kenya spent roughly KES 30 billion on Jumia in 2024, a survey firm estimates.")
    assert (figure.platform, figure.metric, figure.unit, figure.qualifier) == ("jumia", "gmv", "KES", "approx")


@pytest.mark.parametrize("body", ["Advertisers spent $300 million on Jumia in 2024.",  # no shoppers
                                  "Shoppers spent $300 million on Jumia ads in 2024."])  # its ads
def test_spending_on_a_platforms_ads_is_no_merchandise_value(body: str) -> None:
    assert run(body) == []


def test_a_platform_another_is_based_on_is_not_the_one_with_the_figure() -> None:
    assert run("Facebook-based resale group Swapsies reported 4,100 active sellers at the end of March.") == []


def test_the_same_platform_named_plainly_still_has_its_figure() -> None:
    figure = only("Facebook-based resale groups are growing, and Facebook said it had 3.1 billion monthly users.")
    assert (figure.platform, figure.metric) == ("facebook", "active_users")
