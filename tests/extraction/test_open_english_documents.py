"""English documents seen on the fourth corpus's tuning half: tables, a company's own event, wire releases,
call transcripts, and how their sources are written (articles written by others).

Every text here was written for these tests, with other platforms, figures and wording than any article of
the sets, one construction per test, positive and negative where the construction has both.
"""

# Alike in shape on purpose (`duplicates` lists them as shape boilerplate): each test is one text and what
# it must yield, so a failure names the one construction that broke.
from __future__ import annotations

import pytest

from .conftest import only, run


def test_letters_before_a_count_are_no_currency() -> None:
    assert run("Room SR 40 hosted Lazada's BD 3 sellers.") == []


_ALIGNED_TABLE = """Estimates from the consultancy Harbour Metrics, which polls 5,000 shoppers, set the apps apart.

  Platform        Sellers ('000)    GMV ($bn)    Share
  Lazada          410               3.1          22%
  Tokopedia       1,250             5.4          38%

  Source: Harbour Metrics, Indonesia, full year 2024.
"""
_PIPE_TABLE = """Our panel's numbers for the quarter:

| Platform | Monthly active users (m) | Conversion rate (%) |
|---|---|---|
| Temu | 12.5 | 1.8 |
| Shein | 9.1 | 2.6 |

Figures for Jul-Sep 2024, Saudi Arabia.
"""
_ARABIC_TABLE = """أرقام الربع الأول من 2025:

| المنصة | المستخدمين النشطين (مليون) | معدل التحويل |
|---|---|---|
| نون | 4.2 | 2.1% |
| أمازون | 6.3 | 1.7% |
"""


def test_a_table_reads_each_cell_by_its_column_header_and_its_row_platform() -> None:
    figures = run(_ALIGNED_TABLE)
    assert [(f.platform, f.metric, f.value, f.unit) for f in figures] == [
        ("lazada", "sellers", 410_000, "count"), ("lazada", "gmv", pytest.approx(3.1e9), "USD"),
        ("lazada", "market_share", 22, "percent"), ("tokopedia", "sellers", 1_250_000, "count"),
        ("tokopedia", "gmv", pytest.approx(5.4e9), "USD"), ("tokopedia", "market_share", 38, "percent")]
    assert {(f.period, f.region, f.source) for f in figures} == {("2024", "ID", "Harbour Metrics")}


def test_a_pipe_table_is_dated_by_the_months_of_its_note() -> None:
    figures = run(_PIPE_TABLE)
    assert [(f.platform, f.metric, f.value) for f in figures] == [
        ("temu", "active_users", 12.5e6), ("temu", "conversion_rate", 1.8), ("shein", "active_users", 9.1e6),
        ("shein", "conversion_rate", 2.6)]
    assert {(f.period, f.region) for f in figures} == {("2024-Q3", "SA")}


def test_an_arabic_table_with_its_scale_in_the_header() -> None:
    figures = run(_ARABIC_TABLE)
    assert [(f.platform, f.metric, f.value) for f in figures] == [
        ("noon", "active_users", pytest.approx(4.2e6)), ("noon", "conversion_rate", 2.1),
        ("amazon", "active_users", pytest.approx(6.3e6)), ("amazon", "conversion_rate", 1.7)]


@pytest.mark.parametrize(
    "body",
    [
        "Prices seen on launch day:\n\n  Item          Price      Sales\n  Kettle        $30        120\n"
        "  Toaster       $45        80\n",
        "  Year      GMV ($bn)\n  2023      4.1\n  2024      5.2\n",
        "  Platform     Founded    Staff\n  Lazada       2012       8,000\n  Shopee       2015       9,500\n",
    ],
)
def test_a_table_of_no_platform_rows_or_no_metric_columns_states_no_signal(body: str) -> None:
    assert run(body) == []


def test_a_quarter_named_by_its_months_and_year() -> None:
    figure = only("Lazada's GMV for April-June 2025 was $1.2 billion.")
    assert figure.period == "2025-Q2"
    assert only("Lazada's GMV for March-May 2025 was $1.2 billion.").period == "2025"


def test_the_platform_whose_investor_day_the_title_names_owns_the_unnamed_figures() -> None:
    figures = run("Say it slowly: GMV reached Rp 2.1 trillion in 2024. We now work with 12,500 sellers.",
                  title="Pasar Kita investor day 2025: speaker notes")
    assert [(f.platform, f.metric, f.source) for f in figures] == [
        ("pasar_kita", "gmv", "Pasar Kita"), ("pasar_kita", "sellers", "Pasar Kita")]


def test_an_earnings_call_title_names_the_host_but_a_named_rival_keeps_its_figure() -> None:
    figures = run("Orders in the quarter rose to 41 million. Temu's share is still under 2%, we think.",
                  title="Noon Q3 2024 earnings call: prepared remarks")
    assert [(f.platform, f.metric) for f in figures] == [("noon", "orders"), ("temu", "market_share")]


@pytest.mark.parametrize("title", ["Harbour Research investor day", "Pasar Kita: a seller's view"])
def test_a_firms_event_or_a_title_naming_no_event_gives_no_host(title: str) -> None:
    assert run("GMV reached $2.1 billion in 2024.", title=title) == []


_WIRE_RELEASE = """LISBON, Portugal, March 3, 2026 /Iberian Business Wire/ -- Feira, the online marketplace that sells \
in Portugal and Spain, today reported results for the full year 2025.

Revenue rose to EUR 212m. The company shipped 4.1 million orders during the year."""


def test_a_wire_release_credits_its_issuer_and_dates_by_its_full_year() -> None:
    figures = run(_WIRE_RELEASE)
    assert [(f.platform, f.metric, f.source, f.period) for f in figures] == [
        ("feira", "revenue", "Feira", "2025"), ("feira", "orders", "Feira", "2025")]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Temu had 410,000 monthly active users in Kuwait, according to a report released on Tuesday by "
         "Kuwait-based consultancy Gulf Lens Partners.", "Gulf Lens Partners"),
        ("Lazada leads, according to estimates from Cebu research firm Tala Data Labs. Tala's managing director "
         "said the average order on Lazada was ₱450.", "Tala Data Labs"),
        ("Ödeme Analitik, the Istanbul agency, reckons Trendyol has about 30% of the Turkish market.",
         "Ödeme Analitik"),
        ("Share. Çarşı Veri, an Ankara agency, reckons Trendyol has about 30% of the Turkish market.", "Çarşı Veri"),
    ],
)
def test_the_source_is_the_firm_not_a_weekday_a_place_or_a_heading(body: str, source: str) -> None:
    figure = only(body)
    assert (figure.platform in ("temu", "lazada", "trendyol"), figure.source) == (True, source)


def test_a_table_is_read_once_and_its_rows_not_as_sentences() -> None:
    body = ("Figures from Tala Data Labs.\n\n  Platform   Buyers (m)\n  Lazada     4.1\n  Shopee     9.8\n\n"
            "Shopee's buyers: 9,800,000, Tala says.")
    assert [(f.platform, f.value, f.source) for f in run(body)] == [
        ("lazada", pytest.approx(4.1e6), "Tala Data Labs"), ("shopee", pytest.approx(9.8e6), "Tala Data Labs")]


_CALL = """Operator: Our next question is from Ayla Demir at Boğaz Securities.

Ayla Demir: Thanks. Can you update us on orders?

Kerem Aksu, Chief Financial Officer: Sure, Ayla. Orders in the quarter rose to 31 million.

Ayla Demir: Thank you."""


def test_an_executives_turn_with_a_title_after_a_comma_speaks_for_the_host_not_the_analyst() -> None:
    figure = run(_CALL, title="Zentro Q2 2025 earnings call: Q&A")[0]
    assert (figure.platform, figure.metric, figure.source) == ("zentro", "orders", "Zentro")



def test_a_firms_letter_to_partners_names_the_author_of_its_we_and_our() -> None:
    figures = run("We estimate that Allegro held about 30% of Polish online retail in 2023, and on our numbers its "
                  "GMV will top PLN 70 billion in 2025.", title="Vistula Ridge Partners: third-quarter 2024 letter "
                  "to partners")
    assert {f.source for f in figures} == {"Vistula Ridge Partners"}
    assert [f.metric for f in figures] == ["market_share", "gmv"]


def test_notes_that_introduce_their_speaker_at_a_firm_credit_the_firm_for_our_figures() -> None:
    body = ("Slide 1. Introduce myself: Dara Okoye, head of research at Lagoon Retail Watch. Everything here comes "
            "from our own tracking.\n\nSlide 2. Our panel put Jumia's average basket at ₦21,000 in 2024.")
    assert only(body).source == "Lagoon Retail Watch"


_LIVE_BLOG = """09:10 WIB — Good morning from Jakarta, where the 12.12 sale has started.

10:45 WIB — Tokopedia says it handled more than 2 million orders in the first hour.

13:20 WIB — Shopee says its average basket so far is Rp 180,000.

23:55 WIB — That's all from us."""


def test_a_live_blog_dates_what_names_no_period_by_its_publication_day() -> None:
    from datetime import UTC, datetime

    figures = run(_LIVE_BLOG, published=datetime(2024, 12, 12, 17, tzinfo=UTC), title="Live: the 12.12 sale")
    assert [(f.platform, f.period) for f in figures] == [("tokopedia", "2024"), ("shopee", "2024")]
    assert {f.period for f in run(_LIVE_BLOG.replace("WIB — ", ""), title="The 12.12 sale")} == {None}


def test_a_live_blog_without_a_title_is_dated_all_the_same() -> None:
    from datetime import UTC, datetime

    figures = run(_LIVE_BLOG, published=datetime(2024, 12, 12, 17, tzinfo=UTC), title=None)
    assert [(f.platform, f.period) for f in figures] == [("tokopedia", "2024"), ("shopee", "2024")]


def test_the_platform_a_title_names_is_the_company_the_body_refers_to() -> None:
    figures = run("The company said its orders rose to 9 million in 2024.", title="Noon posts a record year")
    assert [(f.platform, f.metric, f.value) for f in figures] == [("noon", "orders", 9_000_000)]


def test_per_its_own_numbers_credits_the_platform_the_sentence_is_about() -> None:
    body = ("Our panel tracks 3,000 stores.\n\nLazada has more than 900,000 active sellers in Thailand, per its own "
            "numbers, not ours.")
    assert only(body).source == "Lazada"


def test_the_brokerage_is_the_firm_credited_before() -> None:
    body = ("Analysts at Dubai-based Creek Lane Capital expect Noon's GMV to grow about 20 per cent this year. In a "
            "note to clients, the brokerage estimated Noon's share of Emirati online fashion at 22 per cent.")
    assert [f.source for f in run(body)] == ["Creek Lane Capital", "Creek Lane Capital"]


def test_an_executive_named_by_surname_speaks_for_the_company() -> None:
    body = ("Breadfast said its orders rose to 9 million in 2024, the company said. Chief executive Laila Nassar "
            "told reporters the app was growing. Nassar expects order growth of about 30 per cent in 2025.")
    assert [f.source for f in run(body)][-1] == "Breadfast"
