"""Constructions of Arabic press generalised after diagnosing tune4's Arabic articles: who a release,
a closing line or a paragraph's focus credits, periods in focus, owners, hearsay, regions.

Split from test_arabic_press.py (same rule: every sentence written for these tests, other platforms,
numbers and wording than tune4, in English too where the construction exists in both).
"""

# Alike in shape on purpose (`duplicates` lists them as shape boilerplate): each test is one sentence
# and what it must yield, so a failure names the one construction that broke.
from __future__ import annotations

import pytest

from .conftest import only, run

# ---------------------------------------------------------------- who a release or a closing line credits


def test_an_arabic_release_credits_its_issuer_for_the_figures_it_credits_to_nobody() -> None:
    figures = run("جدة، 3 مارس 2024 – أعلنت «بازار لايف» (Bazaar Live)، منصة التسوق عبر البث المباشر، اليوم أن "
                  "مبيعاتها بلغت 90 مليون ريال في 2023.\n\nوسجّل التطبيق أكثر من 400 ألف مستخدم نشط خلال العام نفسه.")
    assert {(f.metric, f.source) for f in figures} == {("gmv", "Bazaar Live"), ("active_users", "Bazaar Live")}


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("بلغ معدل التحويل على «سناب شات» في قطر 1.9%، وعلى «يوتيوب» 1.2%. وقد وردت هذه الأرقام كلها في التقرير "
         "السنوي لشركة «مرصاد» (Mirsad Insights).", "Mirsad Insights"),
        ("Conversion on Snapchat in Qatar was 1.9%, against 1.2% on YouTube. These figures all come from Harbor "
         "Metrics' annual survey.", "Harbor Metrics"),
    ],
)
def test_a_closing_line_credits_the_figures_of_its_paragraph(body: str, source: str) -> None:
    assert {f.source for f in run(body)} == {source}


@pytest.mark.parametrize(
    ("body", "period"),
    [
        ("وسجّلت «نون» 3 ملايين طلب في الربع الثاني من 2024. وبلغ معدل التحويل على المنصة 3.3% في المتوسط.",
         "2024-Q2"),
        ("وسجّلت «نون» 3 ملايين طلب في الربع الثاني من 2024. ويبلغ معدل التحويل على المنصة 3.3% في المتوسط.",
         None),
        ("وسجّلت «نون» 3 ملايين طلب في الربع الثاني من 2024.\n\nوبلغ معدل التحويل على المنصة 3.3% في المتوسط.",
         None),
    ],
)
def test_a_past_figure_after_a_quarter_in_its_paragraph_is_for_that_quarter(body: str, period: str | None) -> None:
    rate = next(f for f in run(body) if f.metric == "conversion_rate")
    assert rate.period == period


@pytest.mark.parametrize(
    ("body", "platform"),
    [
        ("أعلنت «بي دي دي هولدينغز» أن إيراداتها بلغت 90 مليار يوان في الربع الأول من 2024، من دون أن تفصل حصة "
         "«تيمو» منها عن حصة «بيندودو».", "pdd_holdings"),
        ("PDD Holdings said its revenue reached 90 billion yuan in the first quarter of 2024, without splitting "
         "Temu from Pinduoduo.", "pdd_holdings"),
        ("أعلنت «بي دي دي هولدينغز» أن إيراداتها بلغت 90 مليار يوان في الربع الأول من 2024، بفضل نمو «تيمو».",
         "temu"),
    ],
)
def test_an_owners_figure_beside_two_of_its_platforms_is_the_owners(body: str, platform: str) -> None:
    assert {f.platform for f in run(body)} == {platform}


@pytest.mark.parametrize(
    "body",
    [
        "وكثيراً ما يُقال إن «نون» تستهدف مضاعفة مبيعاتها في مصر بحلول 2027.",
        "Noon is rumoured to be targeting $2 billion of sales in Egypt by 2027.",
        "وما زال نحو ربع السوق موزعاً على متاجر صغيرة وحسابات «سناب شات» في الكويت.",
        "About a quarter of the market is still spread across small shops and Snapchat accounts.",
    ],
)
def test_hearsay_and_a_share_spread_across_many_are_no_signal(body: str) -> None:
    assert run(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "وقالت «نون» إنها تستهدف في 2026 الوصول إلى مليوني عميل نشط، مقارنة بـ1.4 مليون عميل في 2023.",
        "Noon said it aims to reach 2 million active customers in 2026, against 1.4 million customers in 2023.",
    ],
)
def test_a_compared_figure_repeating_the_noun_is_the_past_level(body: str) -> None:
    figures = run(body)
    assert [(f.metric, f.value, f.kind) for f in figures] == [
        ("active_users", 2e6, "target"), ("active_users", 1.4e6, "actual")]


def test_a_compared_figure_with_another_noun_is_not_taken_for_users() -> None:
    figures = run("وقالت «نون» إنها تستهدف في 2026 الوصول إلى مليوني عميل نشط، مقارنة بـ1.4 مليون زائر في 2023.")
    assert [f.value for f in figures] == [2e6]


def test_the_same_estimates_and_during_the_year_refer_back() -> None:
    figures = run("وقدّر «مركز الواحة للبيانات» (Oasis Data Centre) حصة «نون» من سوق عمان بنحو 30% في 2023. وبلغ 18 "
                  "ريالاً عمانياً متوسطُ قيمة الطلب على «نون» خلال العام، بحسب التقديرات ذاتها.")
    basket = next(f for f in figures if f.metric == "average_order_value")
    assert (basket.period, basket.source) == ("2023", "Oasis Data Centre")


def test_during_the_year_before_a_named_year_is_that_year() -> None:
    figures = run("بلغت مبيعات «نون» 4 مليارات درهم في 2023. وارتفع عدد طلباتها إلى 9 ملايين طلب خلال العام الماضي.")
    assert [f.period for f in figures] == ["2023", "2023"]


def test_the_app_referred_back_before_its_speech_verb_is_credited() -> None:
    figure = next(f for f in run("ولا يزال «سناب شات» الأكثر استخداماً. فالتطبيق يقول إن عدد مستخدميه في الكويت نما "
                                 "20% العام الماضي.") if f.metric == "growth_percent")
    assert (figure.platform, figure.source) == ("snapchat", "Snapchat")


@pytest.mark.parametrize(
    "body",
    [
        "خفّضت «نون» رسوم الشحن إلى قطر، وتقول إن عدد البائعين الذين يشحنون إلى دول الخليج تخطى 9 آلاف بائع.",
        "Noon cut its shipping fees to Qatar, and said the number of sellers shipping to the Gulf states topped 9,000.",
    ],
)
def test_the_gulf_states_are_several_countries_no_one_region(body: str) -> None:
    assert only(body).region is None


def test_what_follows_a_denial_in_the_deniers_own_words_stands() -> None:
    figures = run("ونفت «نون» تقريراً عن أن مبيعاتها في مصر ستبلغ 3 مليارات دولار، وقالت إن مبيعاتها هناك بلغت "
                  "1.2 مليار دولار في 2023.")
    assert [(f.platform, f.value, f.period) for f in figures] == [("noon", 1.2e9, "2023")]


def test_the_month_something_was_said_in_is_no_figures_period() -> None:
    assert only("وقالت «نون» في مارس إن عدد البائعين على منصتها في مصر بلغ 40 ألف بائع.").period is None


@pytest.mark.parametrize(
    "body",
    [
        "Zentro reported GMV of $5 billion, $1 billion of it in Kenya.",
        "بلغت مبيعات «نون» 5 مليارات درهم، و2 مليار درهم منها في عمان.",
    ],
)
def test_a_part_after_a_comma_is_no_listed_figure_without_respectively(body: str) -> None:
    assert len(run(body)) == 1
