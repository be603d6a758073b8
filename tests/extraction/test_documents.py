"""Constructions of filings, transcripts and research summaries, on sentences written for these tests:
ceilings and floors written as negations, ranges, spoken decimals, defined terms, speakers' labels and
the document that is the source of its own figures."""

# Alike in shape on purpose (`duplicates` lists them as shape boilerplate): each test is one sentence
# and what it must yield, so a failure names the one construction that broke.
from __future__ import annotations

from datetime import UTC, datetime

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


# ---------------------------------------------------------------- filings: defined terms and the filer


def test_a_defined_term_stands_for_the_company_and_its_platform() -> None:
    body = ('Ostra Comércio S.A. ("Ostra" or the "Company") presents its results for 2024. Net revenue of the '
            'Company was R$4.2 billion in 2024, and the Company had 95 thousand registered sellers at year-end.')
    figures = run(body)
    assert {(f.platform, f.metric, f.source) for f in figures} == {
        ("ostra", "revenue", "Ostra Comércio S.A."), ("ostra", "sellers", "Ostra Comércio S.A.")}


def test_a_generic_term_for_a_common_noun_is_the_platform_defined_last() -> None:
    body = ('Ostra Comércio S.A. ("Ostra" or the "Company") runs stores and a marketplace (the "Marketplace"). '
            'GMV of the Marketplace was R$2.1 billion in 2024.')
    assert [(f.platform, f.value) for f in run(body)] == [("ostra", 2.1e9)]


def test_a_defined_provider_is_the_source_of_the_service() -> None:
    body = ('Harbour Trading Limited (the "Provider") operates the marketplace Shein (the "Service") in the '
            'Union. The Provider reported that the Service had 41 million monthly active users in 2024.')
    figure = only(body)
    assert (figure.platform, figure.source) == ("shein", "Harbour Trading Limited")


def test_we_in_a_filing_is_the_filer() -> None:
    body = ('References to "we", "us" or "our" are to Kestrel Group Limited and its subsidiaries. '
            "In 2024, Lazada's GMV reached US$21 billion.")
    assert only(body).source == "Kestrel Group Limited"


@pytest.mark.parametrize(
    ("body", "period", "base"),
    [
        ("Lazada's GMV was US$9 billion in 1H24.", "2024", None),
        ("Lazada's GMV was US$9 billion in H1 2024.", "2024", None),
        ("Lazada's GMV rose 12% in the second half of 2023 compared with 2H22.", "2023", "2022"),
        ("Lazada's orders rose 9% in fiscal 2024, up from fiscal 2023.", "2024", "2023"),
    ],
)
def test_half_years_and_fiscal_years(body: str, period: str, base: str | None) -> None:
    figure = only(body)
    assert (figure.period, figure.base_period) == (period, base)


# ---------------------------------------------------------------- transcripts


_BROADCAST = ("PRIYA NAIR (HOST): With me is Tomas Ekberg of Lindqvist Analytics. Tomas, how did Zalando do?\n\n"
              "TOMAS EKBERG: Priya, Zalando said its revenue grew 3% last year. And on Vinted we think GMV was about "
              "seven point five billion euros in twenty twenty-four.\n\n"
              "NAIR: Seven and a half.\n\n"
              "EKBERG: Roughly, yes.")


def test_a_broadcast_guests_turns_speak_for_the_guests_firm() -> None:
    figures = run(_BROADCAST, published=datetime(2025, 2, 1, tzinfo=UTC))
    assert {(f.platform, f.metric, f.source) for f in figures} == {
        ("zalando", "growth_percent", "Zalando"), ("vinted", "gmv", "Lindqvist Analytics")}


def test_speakers_labels_and_vocatives_are_never_platforms() -> None:
    figures = run(_BROADCAST, published=datetime(2025, 2, 1, tzinfo=UTC))
    assert not {f.platform for f in figures} & {"priya", "tomas", "nair", "ekberg"}


def test_a_spoken_year_and_a_spoken_decimal() -> None:
    vinted = next(f for f in run(_BROADCAST, published=datetime(2025, 2, 1, tzinfo=UTC)) if f.platform == "vinted")
    assert (vinted.value, vinted.unit, vinted.qualifier, vinted.period) == (pytest.approx(7.5e9), "EUR", "approx",
                                                                            "2024")


def test_a_qualifier_before_an_aside() -> None:
    figure = only("Shopee's revenue was roughly — let me get the number right — $4.1 billion in 2023.")
    assert (figure.value, figure.qualifier) == (pytest.approx(4.1e9), "approx")


# ---------------------------------------------------------------- research summaries: the report is the source


def test_a_report_prepared_by_a_firm_credits_it_with_what_it_credits_nobody_else() -> None:
    body = ("This summary, prepared by Orchard Lane Insights (OLI), reviews online retail in Ireland in 2024.\n\n"
            "Shein's conversion rate was 2.4 per cent in 2024, and we expect it to rise. Temu reported 3 million "
            "monthly active users in Ireland in 2024.")
    figures = run(body)
    assert {(f.platform, f.source) for f in figures} == {("shein", "Orchard Lane Insights"), ("temu", "Temu")}


def test_a_firm_introduced_with_its_short_form_in_a_report_that_says_we() -> None:
    body = ("Marlow & Finch (M&F) surveyed online shoppers in Spain in 2024.\n\n"
            "Our central finding: Shein's conversion rate reached 2.8 per cent in 2024.")
    assert only(body).source == "Marlow & Finch"


def test_a_firm_named_in_a_news_opening_is_no_author() -> None:
    body = ("Online retail in Spain grew 8% in 2024, according to Marlow Retail Data (MRD).\n\n"
            "Shein's conversion rate reached 2.8 per cent in 2024.")
    assert only(body).source is None


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Allegro's own disclosures show GMV of PLN 12bn in 2024.", "Allegro"),
        ("Orchard Lane Insights calculates that Temu's share of Irish online retail was 7% in 2024.",
         "Orchard Lane Insights"),
        ("Orchard Lane Insights measured a conversion rate of 2.2 per cent on Temu in 2024.",
         "Orchard Lane Insights"),
    ],
)
def test_credit_verbs_of_reports(body: str, source: str) -> None:
    assert only(body).source == source


def test_the_half_is_the_half_year_in_focus_not_fifty_per_cent() -> None:
    body = ("Allegro's GMV rose in the first half of 2025. Its share of Polish online sales was 34 per cent in the "
            "half, yet its share did not exceed 36 per cent in any month of the half.")
    figures = run(body, published=datetime(2025, 10, 1, tzinfo=UTC))
    assert [(f.value, f.period) for f in figures] == [(34, "2025"), (36, "2025")]


def test_it_before_an_estimate_verb_is_the_firm_credited_before() -> None:
    body = ("Analysts at Orchard Lane estimate Zalando's GMV at EUR 2 billion in 2024; Orchard Lane also puts "
            "Vinted's conversion rate at 3.9%, well ahead of the 2.1% it calculates for Shein.")
    assert {f.source for f in run(body)} == {"Orchard Lane"}


def test_it_before_a_speech_verb_is_still_the_company() -> None:
    body = "Shopee had 9 million sellers in 2023, according to Orchard Lane, and it said its GMV grew 12% in 2023."
    assert {(f.metric, f.source) for f in run(body)} == {("sellers", "Orchard Lane"), ("growth_percent", "Shopee")}


@pytest.mark.parametrize(
    "body",
    [
        "Brazil contributed more than 12% of Shopee's gross orders in 2024.",
        "Domestic sellers made up 58% of its orders, Lazada said of its 2024 results.",
        "Lazada's GMV grew in 2024, and the app generated 40% of the Company's total online sales.",
    ],
)
def test_a_part_of_a_platforms_own_business_is_no_market_share(body: str) -> None:
    assert [f for f in run(body) if f.metric == "market_share"] == []


def test_a_single_one_is_no_figure() -> None:
    assert run("Active sellers on Shopee are sellers with at least one order in the quarter.") == []


def test_a_legal_threshold_is_no_figure() -> None:
    figure = only("Temu had 61 million monthly active users in 2024, above the threshold of 45 million users.")
    assert figure.value == 61e6


def test_the_number_of_a_noun_is_counted_past_a_later_noun() -> None:
    figure = only("The number of sellers offering products on Temu to users in Poland exceeded 90,000 in 2024.")
    assert (figure.metric, figure.value, figure.qualifier) == ("sellers", 90000, "more_than")


def test_the_union_of_an_eu_text_is_the_eu() -> None:
    figure = only("Temu had on average 61 million monthly active recipients in the Union in 2024.")
    assert figure.region == "EU"


def test_the_same_reference_period() -> None:
    body = ("Temu had 61 million monthly active recipients over the six months ending 31 March 2025. Shein "
            "reported 50 million monthly active recipients over the same reference period.")
    assert [f.period for f in run(body, published=datetime(2025, 6, 1, tzinfo=UTC))] == ["2025", "2025"]


@pytest.mark.parametrize(
    ("body", "period"),
    [
        ("Takealot's GMV grew 9% to R6 billion in the six months to August, the company said.", "2024"),
        ("Takealot's GMV was R12 billion in the year to March, the company said.", "2024"),
        ("Takealot's GMV was R12 billion in the six months ended June 30, 2023.", "2023"),
    ],
)
def test_a_span_ending_in_a_month_is_labelled_by_its_year(body: str, period: str) -> None:
    assert run(body, published=datetime(2024, 11, 1, tzinfo=UTC))[-1].period == period


def test_the_groups_results_are_the_owners() -> None:
    body = ("Superbalist, the Cape Town fashion retailer owned by Naspers, grew GMV by 11% to R2 billion in 2024, "
            "according to the group's annual results.")
    assert {f.source for f in run(body, published=datetime(2025, 6, 1, tzinfo=UTC))} == {"Naspers"}


def test_a_platforms_country_store_is_the_platform() -> None:
    body = "Orbis Data estimates that Amazon.co.uk took 31% of the country's online retail sales in 2024."
    figure = only(body)
    assert (figure.platform, figure.metric, figure.value) == ("amazon", "market_share", 31)


def test_a_discovered_platforms_owner_speaks_for_its_group() -> None:
    body = ("Zentro, the Nairobi-based online retailer owned by Kestrel Holdings, grew GMV by 8% to $90 million in "
            "2024, according to the group's annual results.")
    assert {f.source for f in run(body, published=datetime(2025, 6, 1, tzinfo=UTC))} == {"Kestrel Holdings"}


@pytest.mark.parametrize(
    "body",
    [
        "If Shopee's conversion rate ever reached 8%, sellers say, the whole market would change.",
        "Were Temu to keep its 2024 pace, its market share would approach 15 per cent by 2027.",
        "Suppose Lazada's GMV hit $30 billion; the region could then support two more rivals.",
    ],
)
def test_a_scenario_is_no_figure(body: str) -> None:
    assert run(body) == []


def test_a_figure_before_a_scenario_stands() -> None:
    figure = only("Shopee's GMV reached $5 billion in 2023, and it could grow faster if rates fell.")
    assert figure.value == 5e9


def test_the_app_is_no_marketplace_and_the_marketplace_no_app() -> None:
    body = ("Most phones in Manila run Instagram. Lazada's GMV reached $2 billion in 2023, and the app's "
            "Philippine audience stands at about 40 million monthly users.")
    assert [(f.platform, f.metric) for f in run(body)] == [("lazada", "gmv"), ("instagram", "active_users")]
