"""A figure's period, base period, kind and qualifier from its context.

Constructions from the kinds of error seen on articles written by others (issue 14). Every sentence
here was written for these tests, with other platforms, figures and wording than any article of the
sets, one construction per test, in both languages where it exists in both.
"""

# Alike in shape on purpose (`duplicates` lists them as shape boilerplate): each test is one sentence
# and what it must yield, so a failure names the one construction that broke.
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from .conftest import only, run


@pytest.mark.parametrize(
    ("body", "published", "period"),
    [
        # a quarter with no year: the last such quarter that had begun when the article appeared
        ("Etsy's revenue was $842 million in the fourth quarter.", datetime(2024, 2, 20, tzinfo=UTC), "2023-Q4"),
        ("Etsy's revenue was $640 million in the second quarter.", datetime(2024, 8, 2, tzinfo=UTC), "2024-Q2"),
        # a quarter named by a month in it
        ("Flipkart reported December-quarter revenue of $1.9 billion.", datetime(2024, 2, 9, tzinfo=UTC),
         "2023-Q4"),
        ("Shopee said revenue for the quarter ended September 30, 2023 was $2.1 billion.",
         datetime(2023, 11, 14, tzinfo=UTC), "2023-Q3"),
        ("أعلنت «أمازون» أن إيراداتها بلغت 143 مليار دولار في الربع المنتهي في مارس.",
         datetime(2024, 5, 1, tzinfo=UTC), "2024-Q1"),
    ],
)
def test_quarters_without_their_year(body: str, published: datetime, period: str) -> None:
    assert only(body, published).period == period


def test_a_coming_quarter_in_a_forecast_is_this_year() -> None:
    figure = only("Analysts expect Etsy's revenue to reach $900 million in the fourth quarter.",
                  datetime(2024, 2, 20, tzinfo=UTC))
    assert (figure.period, figure.kind) == ("2024-Q4", "forecast")


def test_every_period_phrase_passes_the_prefilter() -> None:
    from streams.extraction.periods import _MONTHS_EN, _PHRASES, any_period

    for phrase in [*_PHRASES, *(f"{month} quarter" for month in _MONTHS_EN), "q3 2023", "3q23", "2024", "fy24",
                   "الربع المنتهي في يونيو", "الاشهر الثلاثه الاولي"]:
        assert any_period(phrase), phrase


def test_the_kind_written_after_the_figure() -> None:
    figures = run("Zentro reported revenue of $2.9 billion, a touch below our $3.1 billion forecast.")
    assert sorted((f.value, f.kind) for f in figures) == [(2.9e9, "actual"), (3.1e9, "forecast")]


def test_a_year_named_in_another_paragraph_does_not_date_a_bare_quarter() -> None:
    figures = run("Zentro aims to reach 90,000 sellers by the end of next year.\n"
                  "Rival Lumora reported second-quarter GMV of $3.1 billion.", datetime(2023, 8, 10, tzinfo=UTC))
    gmv = next(f for f in figures if f.metric == "gmv")
    assert (gmv.period, gmv.kind) == ("2023-Q2", "actual")


def test_a_list_keeps_the_period_and_region() -> None:
    figures = run("Shopee led Thai e-commerce with 47% of merchandise volume in the fourth quarter, followed by "
                  "Lazada at 22% and Zentro at 8%.", datetime(2024, 11, 1, tzinfo=UTC))
    assert {(f.period, f.region) for f in figures} == {("2024-Q4", "TH")}


def test_the_level_after_growth_in_the_next_clause() -> None:
    figures = run("Orders on Shopee grew by about a fifth from a year ago, to 2.1 billion, in the third quarter.")
    assert sorted((f.metric, f.value) for f in figures) == [("growth_percent", 20.0), ("orders", 2.1e9)]


@pytest.mark.parametrize(
    ("body", "kinds"),
    [
        # the forecast noun belongs to the figure before it, not to the decline after it
        ("Zentro's revenue of $1.9 billion missed our $2.0 billion forecast and fell 4% from a year earlier.",
         {1.9e9: "actual", 2.0e9: "forecast", -4.0: "actual"}),
        ("We want 10 million monthly users on Zentro by 2027, its chief executive said.", {10e6: "target"}),
        ("وتستهدف «نون» رفع عدد مستخدميها في مصر إلى مليون مستخدم بنهاية 2025، مقابل 700 ألف مستخدم حاليا.",
         {1e6: "target", 7e5: "actual"}),
        # a cue after every figure of its sentence does not reach back
        ("قالت «نون» إن عدد مستخدميها تجاوز 3 ملايين مستخدم، وهو رقم لم تكن تتوقع بلوغه قبل نهاية العام.",
         {3e6: "actual"}),
    ],
)
def test_kinds(body: str, kinds: dict[float, str]) -> None:
    assert {f.value: f.kind for f in run(body, datetime(2024, 3, 1, tzinfo=UTC))} == kinds


@pytest.mark.parametrize(
    ("body", "qualifier"),
    [
        ("ولم يتجاوز عدد مستخدمي «سناب شات» في السعودية 12 مليون مستخدم في 2025.", "up_to"),
        ("The number of Zentro's active users did not exceed 4 million in 2024.", "up_to"),
        ("وارتفعت مبيعات «دوين» بزيادة تقارب 40% في 2024.", "approx"),
        ("Etsy's conversion rate was 3% or so in 2024.", "approx"),
        ("Etsy did something like $2.6 billion in revenue in 2024.", "approx"),
        ("ويبلغ متوسط قيمة الطلب على «نون» ~310 دراهم.", "approx"),
        ("وتتوقع «جوميا» أن يتجاوز عدد طلباتها في مصر 5 ملايين طلب في 2026.", "more_than"),
    ],
)
def test_qualifiers_in_context(body: str, qualifier: str) -> None:
    assert only(body).qualifier == qualifier


@pytest.mark.parametrize(
    "body",
    [
        "وتستهدف «نمشي» مضاعفة مبيعاتها في السوق السعودية بحلول 2027.",  # a target says nothing of 2026
        "Douyin's GMV rose 40% in the first half of 2024.",  # growth over half a year
    ],
)
def test_no_base_period_is_implied(body: str) -> None:
    assert only(body).base_period is None


def test_an_acquisition_year_is_not_a_period() -> None:
    figure = only("أعلنت «نون» أن منصة «نمشي» التي استحوذت عليها في 2023 سجلت نحو 2 مليون عميل نشط.")
    assert figure.period is None


def test_growth_from_a_year_ago_is_for_the_period_in_focus() -> None:
    figures = run("Sea Limited reported results for the third quarter. \"Orders grew by about a fifth from a year "
                  "ago,\" the Shopee executive said.", datetime(2024, 11, 20, tzinfo=UTC))
    assert [(f.period, f.base_period) for f in figures] == [("2024-Q3", "2023-Q3")]


def test_a_forecast_growth_for_a_year_is_on_the_year_before() -> None:
    figure = only("We expect Zentro's GMV to grow about 40% in 2025.", datetime(2025, 5, 1, tzinfo=UTC))
    assert (figure.kind, figure.period, figure.base_period) == ("forecast", "2025", "2024")


@pytest.mark.parametrize(
    ("body", "periods"),
    [
        # a later figure of the same platform in the same sentence keeps the period named before it
        ("Kavo shipped 8 million orders in 2023, the Accra Ledger reported, and its average basket rose to $41.",
         ["2023", "2023"]),
        ("وأعلنت «جوميا» أن مبيعاتها بلغت 300 مليون دولار خلال 2023، وأن عدد طلباتها تجاوز 9 ملايين طلب.",
         ["2023", "2023"]),
        # ... but not a figure stated in the present tense
        ("Kavo shipped 8 million orders in 2023, and its average basket is about $41.", ["2023", None]),
        # a period written after the second figure of "X and that Y" is the second's only
        ("Jumia said it has about 3,000 sellers and that its sales reached $40 million last year.", [None, "2023"]),
        # a place opened in a year: that year is no figure's period
        ("Amazon, which opened its Nigerian site in June 2023, holds under 6% of the market, Lagos Data said.",
         [None]),
    ],
)
def test_period_of_a_later_figure_in_the_sentence(body: str, periods: list[str | None]) -> None:
    assert [f.period for f in run(body)] == periods


def test_quarterly_means_the_quarter_in_focus() -> None:
    body = ("Etsy's revenue was $842 million in the fourth quarter of 2023. Quarterly active buyers stood at "
            "92 million.")
    assert [f.period for f in run(body)] == ["2023-Q4", "2023-Q4"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "double the 2022 level": a multiple, its base the year named, its period the sentence's
        ("Noon's sales reached $3 billion in 2024, roughly double the 2022 level.",
         [("gmv", "2024", None), ("growth_multiple", "2024", "2022")]),
        # a level after a growth figure keeps the period the growth was for
        ("Etsy reported GMV of $2.9 billion for the first quarter of 2024, down 8% year over year, and revenue of "
         "$651 million.", [("gmv", "2024-Q1", None), ("growth_percent", "2024-Q1", "2023-Q1"),
                           ("revenue", "2024-Q1", None)]),
        # "at quarter end" is the quarter in focus
        ("Etsy's revenue was $651 million in the first quarter of 2024. Active buyers totalled 89 million at quarter "
         "end, the company said.", [("revenue", "2024-Q1", None), ("active_users", "2024-Q1", None)]),
    ],
)
def test_periods_in_context(body: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert [(f.metric, f.period, f.base_period) for f in run(body)] == expected


def test_an_aim_to_double_is_a_target_multiple() -> None:
    figure = only("Noon aims to double its GMV in Saudi Arabia by 2027.")
    assert (figure.metric, figure.value, figure.kind, figure.period) == ("growth_multiple", 2, "target", "2027")


def test_double_down_is_no_figure() -> None:
    assert [f.metric for f in run("Noon will double down on Saudi Arabia, where its sales were $2 billion.")] == ["gmv"]


def test_a_period_after_from_and_a_figure_is_that_figures() -> None:
    body = ("Jumia's orders rose 9% in the second quarter of 2024. Its average order value fell to $31 from $34 a "
            "year earlier, the company said.")
    assert [(f.value, f.period) for f in run(body) if f.metric == "average_order_value"] == [
        (31, None), (34, "2023-Q2")]


def test_growth_in_a_quarter_is_on_the_same_quarter_a_year_before() -> None:
    figure = only("Ozon said its GMV rose 40% in the second quarter of 2024.")
    assert (figure.period, figure.base_period) == ("2024-Q2", "2023-Q2")


def test_the_quarter_a_title_names_is_the_period_of_figures_that_name_none() -> None:
    figures = run("Zalando's chief financial officer spoke to analysts. Active customers came in at 51 million.",
                  published=datetime(2025, 5, 6, tzinfo=UTC), title="Zalando Q1 2025 results call")
    assert [(f.metric, f.period) for f in figures] == [("active_users", "2025-Q1")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "triple the volume of a year earlier": the year earlier is the base, the period the one in focus
        ("Jahez handled 30 million orders in the second quarter of 2024, triple the volume of a year earlier.",
         [("orders", "2024-Q2", None), ("growth_multiple", "2024-Q2", "2023-Q2")]),
    ],
)
def test_a_multiple_of_the_level_of_a_year_earlier(body: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert [(f.metric, f.period, f.base_period) for f in run(body)] == expected


def test_arabic_up_to_with_a_clitic() -> None:
    assert only("ويصل معدل التحويل على «إنستغرام» في الكويت بما يصل إلى 3.2%.").qualifier == "up_to"


@pytest.mark.parametrize(
    ("body", "published", "period"),
    [
        ("Zentro's revenue for the Oct-Dec quarter was $410 million.", datetime(2024, 2, 3, tzinfo=UTC), "2023-Q4"),
        ("Zentro's GMV was $1.2 billion in the Jan-Mar quarter of 2024.", datetime(2024, 6, 3, tzinfo=UTC),
         "2024-Q1"),
    ],
)
def test_a_quarter_named_by_its_first_and_last_months(body: str, published: datetime, period: str) -> None:
    assert only(body, published).period == period


@pytest.mark.parametrize(
    "body",
    [
        "Below are notes from Zentro's results call for the January-March quarter.\n"
        "The CFO said Zentro's GMV was $1.2 billion.",
        "تستعرض هذه القراءة أداء «أمازون» في السعودية خلال الربع الأول من العام الجاري.\n"
        "وبلغ متوسط قيمة الطلب على أمازون 210 ريالات.",
    ],
)
def test_an_opening_paragraph_without_figures_frames_the_quarter(body: str) -> None:
    assert only(body, datetime(2024, 5, 20, tzinfo=UTC)).period == "2024-Q1"


def test_a_quarter_qualifying_a_noun_in_the_opening_does_not_frame_the_article() -> None:
    body = ("After first-quarter store visits in Cairo, we revise our numbers.\n"
            "Our checks put Zentro's average order value at EGP 640.")
    assert only(body, datetime(2024, 5, 20, tzinfo=UTC)).period is None


def test_the_end_of_the_year_is_the_year_in_focus() -> None:
    figures = run("بلغت إيرادات «نون» 5 مليارات درهم خلال 2022.\n"
                  "وارتفع عدد البائعين على منصة «نون» إلى 9 آلاف بائع بنهاية العام.")
    assert [f.period for f in figures] == ["2022", "2022"]


def test_the_end_of_next_year_is_next_year() -> None:
    figures = run("بلغت إيرادات «نون» 5 مليارات درهم خلال 2022.\n"
                  "وتخطط «نون» لرفع عدد البائعين على منصتها إلى 9 آلاف بائع بحلول نهاية العام المقبل.")
    assert [f.period for f in figures] == ["2022", "2025"]


def test_a_count_at_the_end_of_a_month_is_for_that_quarter() -> None:
    figure = only("Zalando had 50 million active customers at the end of March, the company said.",
                  datetime(2024, 5, 20, tzinfo=UTC))
    assert figure.period == "2024-Q1"


def test_the_months_to_the_end_of_a_month_are_a_span() -> None:
    figure = only("Zalando counted 50 million active customers over the six months to the end of March.",
                  datetime(2024, 5, 20, tzinfo=UTC))
    assert figure.period is None


def test_the_end_of_december_in_a_paragraph_about_a_year_is_that_year() -> None:
    figures = run("بلغت إيرادات «نون» 5 مليارات درهم خلال 2023، "
                  "ووصل عدد مستخدميها النشطين إلى 9 ملايين مستخدم بنهاية ديسمبر.")
    assert [f.period for f in figures] == ["2023", "2023"]


def test_growth_from_the_same_period_a_year_earlier() -> None:
    figure = only("Jumia said its orders rose 12% in the third quarter from the same period a year earlier.",
                  datetime(2024, 11, 12, tzinfo=UTC))
    assert (figure.period, figure.base_period) == ("2024-Q3", "2023-Q3")


def test_growth_on_a_year_earlier_is_for_the_quarter_in_focus() -> None:
    figures = run("Jumia's GMV was $190 million in the third quarter, the company said.\n"
                  "1. 14%. The growth in Jumia's GMV on a year earlier.", datetime(2024, 11, 12, tzinfo=UTC))
    growth = next(f for f in figures if f.metric == "growth_percent")
    assert (growth.period, growth.base_period) == ("2024-Q3", "2023-Q3")


@pytest.mark.parametrize(
    "body",
    [
        "تلقت «نون» 2 مليون طلب خلال حملة «الجمعة البيضاء» في 2023.\n"
        "وبلغ متوسط قيمة الطلب على «نون» خلال الحملة 300 درهم.",
        "Noon received 2 million orders in its White Friday sale in 2023.\n"
        "Noon's average order value during the campaign was AED 300.",
        "Amazon India shipped 90 million orders in its festive sale in 2023.\n"
        "Amazon India's average order value in the sale was about ₹1,900.",
    ],
)
def test_during_the_campaign_is_the_period_it_was_dated(body: str) -> None:
    assert [f.period for f in run(body)] == ["2023", "2023"]


def test_a_figure_and_its_growth_share_the_period_in_focus() -> None:
    figures = run("Allegro's GMV was PLN 16 billion in the third quarter.\n"
                  "Allegro Pay: loans PLN 2 billion. Czech GMV PLN 1.2 billion, up 9% y/y.",
                  datetime(2025, 11, 6, tzinfo=UTC))
    czech = [f for f in figures if f.value in (1.2e9, 9.0)]
    assert [f.period for f in czech] == ["2025-Q3", "2025-Q3"]
