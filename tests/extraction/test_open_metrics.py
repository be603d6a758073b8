"""What a figure measures in other words, lists that leave the metric out, and numbers that are no signal.

Constructions from the kinds of error seen on articles written by others (issue 14). Every sentence
here was written for these tests, with other platforms, figures and wording than any article of the
sets, one construction per test, in both languages where it exists in both.
"""

# Alike in shape on purpose (`duplicates` lists them as shape boilerplate): each test is one sentence
# and what it must yield, so a failure names the one construction that broke.
from __future__ import annotations

import pytest

from .conftest import only, run


def test_currency_of_the_rand() -> None:
    assert only("Sales on Naspers-owned Pelo's marketplace rose to about 9 billion rand last year.").unit == "ZAR"


@pytest.mark.parametrize(
    ("body", "metric", "value"),
    [
        ("Shoppers spent an average of about 300 rupees per order on Flipkart in 2024.", "average_order_value",
         300),
        ("Zentro's net sales rose to $4.2 billion in 2023.", "revenue", 4.2e9),
        ("Shopee led the market with 48% of merchandise volume in the quarter.", "market_share", 48),
        ("Lazada accounted for about a fifth of the merchandise sold in Thailand.", "market_share", 20),
        ("Noon captured a 9.5% slice of Saudi online fashion sales.", "market_share", 9.5),
        ("About 6% of viewers of Zentro's live streams bought something in 2024.", "conversion_rate", 6),
        ("Zentro had 3.1 million transacting users in 2024.", "active_users", 3.1e6),
        ("Orders on Shopee grew by about a quarter in 2024.", "growth_percent", 25),
        ("ويستحوذ «نون» على واحد من كل أربعة دراهم ينفقها المتسوقون على الإلكترونيات.", "market_share", 25),
        ("وبات «دوين» يستحوذ على نحو خمس سوق التجارة الإلكترونية في الصين.", "market_share", 20),
    ],
)
def test_metric_wording(body: str, metric: str, value: float) -> None:
    figure = only(body)
    assert (figure.metric, figure.value) == (metric, pytest.approx(value))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a list that leaves the metric out after the first figure
        ("Shopee led with 48% of merchandise volume, followed by Lazada at 21% and Zentro at 9%.",
         [("shopee", 48.0), ("lazada", 21.0), ("zentro", 9.0)]),
        ("تصدرت «شوبي» السوق بحصة 45%، تلتها «لازادا» بـ20%، ثم «توكوبيديا» بـ12%.",
         [("shopee", 45.0), ("lazada", 20.0), ("tokopedia", 12.0)]),
        ("Konga holds roughly 7% of the market, compared with about a third for Jumia.",
         [("konga", 7.0), ("jumia", 100 / 3)]),
    ],
)
def test_a_list_keeps_the_metric(body: str, expected: list[tuple[str, float]]) -> None:
    figures = run(body)
    assert [(f.platform, f.metric) for f in figures] == [(slug, "market_share") for slug, _value in expected]
    assert [f.value for f in figures] == [pytest.approx(value) for _slug, value in expected]


@pytest.mark.parametrize(
    "body",
    [
        "Zentro's GMV was 55 trillion rupiah ($3.5 billion) in 2023.",  # the same figure in dollars
        "QVC is ten times our size, the chief executive of Zentro said.",  # a comparison, not growth
        "Noon's platform fee stays at 5 riyals an order.",
        "وكان الصندوق قد دفع 1.2 مليار دولار مقابل حصة تبلغ 40% في «لازادا».",  # an equity stake
        "وتراجع سهمها المدرج في البورصة 3% بعد إعلان نتائج «تيمو».",
        "وارتفعت مبيعات «نون» رغم معدل تضخم تجاوز 30% في مصر.",
        "قال 64% من 800 تاجر شملهم مسح أجريناه إنهم يبيعون عبر «واتساب».",
    ],
)
def test_numbers_that_are_not_signals(body: str) -> None:
    assert [(f.metric, f.value) for f in run(body) if f.metric != "gmv"] == []


@pytest.mark.parametrize(
    ("body", "unit"),
    [
        ("يبلغ متوسط قيمة السلة على «جوميا» في المغرب نحو 300 درهم.", "MAD"),
        ("يبلغ متوسط قيمة السلة على «نون» في الإمارات نحو 300 درهم.", "AED"),
        ("بلغت إيرادات «طلبات» في البحرين 50 مليون دينار.", "BHD"),
        ("Noon's average basket in Qatar is about 310 riyals.", "QAR"),
    ],
)
def test_a_bare_currency_noun_follows_the_figure_region(body: str, unit: str) -> None:
    assert only(body).unit == unit


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("We estimate Lazada handled $4 billion of gross merchandise value in the first quarter.",
         ("lazada", "gmv", 4e9)),
        ("The number of sellers earning revenue on Lazada topped 120,000 in 2024.", ("lazada", "sellers", 120000)),
        ("Zentro, the Turkish marketplace, says about 2,300 Turkish brands now sell to shoppers in Qatar through "
         "the platform.", ("zentro", "sellers", 2300)),
        ("بلغ عدد المنشآت التي تبيع منتجاتها عبر «إنستغرام» في مصر 900 ألف منشأة في 2024.",
         ("instagram", "sellers", 9e5)),
        ("نرفع توقعاتنا لنمو مبيعات «نون» في مصر خلال 2024 إلى 18% مقارنة بعام 2023.",
         ("noon", "growth_percent", 18)),
    ],
)
def test_more_metric_constructions(body: str, expected: tuple[str, str, float]) -> None:
    figure = only(body)
    assert (figure.platform, figure.metric, figure.value) == (expected[0], expected[1], pytest.approx(expected[2]))


def test_a_survey_answer_is_not_a_conversion_rate() -> None:
    assert run("We surveyed 900 shoppers; 58% of respondents said they had bought something on Zentro.") == []


@pytest.mark.parametrize(
    "body",
    [
        # a phrasal verb holding "up" is no growth
        "Zentro's sales were $2 billion in 2024; its app made up 35% of that.",
        # a multiple of a size named by "that": a comparison
        "Zentro has 9 million users, and Kavo says it is three times that size.",
    ],
)
def test_no_growth_figure(body: str) -> None:
    assert [f.metric for f in run(body) if f.metric.startswith("growth")] == []


@pytest.mark.parametrize(
    ("body", "unit"),
    [
        ("Sales on Amazon's South African site rose to R12 billion in 2024.", "ZAR"),
        ("Sales on Jumia reached about KSh 2.1 billion last year.", "KES"),
        ("وبلغت مبيعات «أمازون» في البرازيل 4 مليارات ريال برازيلي في 2024.", "BRL"),
        ("ويبلغ متوسط قيمة الطلب على «أمازون» في المكسيك 610 بيزو مكسيكي.", "MXN"),
    ],
)
def test_currency_written_by_prefix_or_adjective(body: str, unit: str) -> None:
    assert only(body).unit == unit


def test_arabic_active_buyers() -> None:
    figure = only("وتجاوز عدد المشترين النشطين على «جوميا» في المغرب مليوني مشتر.")
    assert (figure.metric, figure.unit) == ("active_users", "users")


def test_an_arabic_figure_for_another_place_with_its_noun_left_out() -> None:
    figures = run("وتتوقع «نون» أن تتجاوز مبيعاتها في السعودية ملياري دولار في 2026، "
                  "وأن تبلغ في الكويت 300 مليون دينار.")
    assert [(f.metric, f.unit, f.region, f.kind) for f in figures] == [
        ("gmv", "USD", "SA", "forecast"), ("gmv", "KWD", "KW", "forecast")]


@pytest.mark.parametrize(
    ("body", "unit"),
    [
        ("Rakuten's GMV in Japan was ¥1.4 trillion in 2024.", "JPY"),
        ("Taobao's revenue in China was ¥90 billion in 2024.", "CNY"),
        ("Daraz's GMV in Bangladesh was Tk 900 crore in 2024.", "BDT"),
        ("Daraz's GMV in Pakistan was Rs 40 billion in 2024.", "PKR"),
        ("Ozon's GMV was RUB 900 billion in 2024.", "RUB"),
        ("Kaspi.kz's GMV was KZT 2 trillion in 2024.", "KZT"),
        ("Coupang's revenue was 9 trillion won in 2024.", "KRW"),
    ],
)
def test_more_currencies(body: str, unit: str) -> None:
    assert only(body).unit == unit


@pytest.mark.parametrize(
    "body",
    [
        "Zalando's adjusted EBITDA loss narrowed to EUR 12 million in 2024.",
        "Coupang's revenue per active customer was $318 in 2024.",
        "Zalando's net income was EUR 90 million in 2024.",
    ],
)
def test_profit_and_per_customer_lines_are_no_signal(body: str) -> None:
    assert run(body) == []


@pytest.mark.parametrize(
    ("body", "metric"),
    [
        ("ويبلغ متوسط سلة الشراء على «نون» في الكويت 28 ديناراً.", "average_order_value"),
        ("وارتفع عدد المتاجر الشريكة لـ«نون» في قطر إلى 4 آلاف شريك.", "sellers"),
    ],
)
def test_arabic_metric_words(body: str, metric: str) -> None:
    assert only(body).metric == metric


@pytest.mark.parametrize(
    ("body", "metric"),
    [
        ("Etsy's marketplace GMS was $2.9 billion in 2024.", "gmv"),
        ("Zomato's gross order value rose to ₹9,000 crore in 2024.", "gmv"),
    ],
)
def test_merchandise_and_order_value_names(body: str, metric: str) -> None:
    assert only(body).metric == metric


def test_a_model_clearing_a_figure_is_a_forecast_above_it() -> None:
    figure = only("Our model has Vinted revenue clearing EUR 1 billion in 2026.")
    assert (figure.kind, figure.qualifier) == ("forecast", "more_than")


def test_registered_users_are_not_active_users_but_the_active_ones_are() -> None:
    figures = run("Kavo, the Lagos grocery app, told reporters it has 5 million registered users in Nigeria, of whom "
                  "1.1 million are active each month.")
    assert [(f.metric, f.value) for f in figures] == [("active_users", 1.1e6)]


def test_a_surveyed_sample_in_another_clause_does_not_reject_a_share() -> None:
    figure = only("Dune Metrics estimates Jahez's share of Saudi food-delivery orders at 31%, and it surveyed 2,000 "
                  "households for the study.")
    assert (figure.metric, figure.value) == ("market_share", 31)


def test_triple_after_a_comma_is_a_multiple() -> None:
    figures = run("Jahez said it handled 30 million orders in 2024, triple the volume of 2022.")
    assert [(f.metric, f.value) for f in figures] == [("orders", 3e7), ("growth_multiple", 3)]


def test_an_arabic_comparison_in_the_same_market_keeps_the_metric() -> None:
    figures = run("ويبلغ معدل التحويل على «تيك توك» في الكويت 2.1%، فيقارن بما يصل إلى 3.4% على «إنستغرام» في السوق "
                  "نفسها.")
    assert [(f.platform, f.metric) for f in figures] == [
        ("tiktok", "conversion_rate"), ("instagram", "conversion_rate")]


@pytest.mark.parametrize(
    ("body", "unit"),
    [
        ("Allegro's GMV in Poland was PLN 15 billion in 2024.", "PLN"),
        ("Zalando's revenue in Switzerland was 900 million CHF in 2024.", "CHF"),
        ("Etsy's GMV in Australia was A$1.2 billion in 2024.", "AUD"),
    ],
)
def test_other_iso_codes(body: str, unit: str) -> None:
    assert only(body).unit == unit


def test_from_a_level_a_year_earlier_keeps_the_metric() -> None:
    figures = run("Etsy's active buyers averaged 90 million in 2024, up from 80 million a year earlier.")
    assert [(f.metric, f.value) for f in figures] == [("active_users", 9e7), ("active_users", 8e7)]


def test_a_surveys_sample_is_no_count_even_after_a_metric_in_another_clause() -> None:
    figures = run("About 60% of Etsy's sellers are women, according to a survey of 900 merchants.")
    assert [f.value for f in figures if f.metric == "sellers"] == []


@pytest.mark.parametrize(
    "body",
    [
        "Jahez handled 90 million orders in 2024. The average household orders twice a week.",
        "Jahez handled 90 million orders in 2024; its users order 3 times a month.",
        "وعالجت «نون» 90 مليون طلب في 2024، ويطلب المستخدم 3 مرات في الشهر.",
    ],
)
def test_how_often_is_no_growth(body: str) -> None:
    assert [f.metric for f in run(body)] == ["orders"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Noon's seller base grew to 12,000 in 2024.", ("noon", "sellers", 12000)),
        ("Amazon.sa saw its GMV double in 2024.", ("amazon", "growth_multiple", 2)),
    ],
)
def test_counts_after_grew_to_and_a_bare_double_after_a_metric(body: str, expected: tuple[str, str, float]) -> None:
    figure = only(body)
    assert (figure.platform, figure.metric, figure.value) == expected


def test_a_loss_named_after_the_previous_figure_is_not_its_metric() -> None:
    figures = run("Zalando booked revenue of €2.4 billion and cut its operating loss, to €30 million.")
    assert [(f.metric, f.value) for f in figures] == [("revenue", 2.4e9)]


def test_a_growth_rate_restated_on_another_basis() -> None:
    figures = run("Allegro's revenue rose to PLN 2.6 billion, up 12% year on year, or 14% at constant currency.")
    assert sorted(f.value for f in figures if f.metric == "growth_percent") == [12.0, 14.0]


@pytest.mark.parametrize(
    ("body", "metric", "unit"),
    [
        ("Allegro takes about 40% of all online sales in Poland.", "market_share", "percent"),
        ("Allegro's monthly audience in Poland is about 21 million people.", "active_users", "users"),
    ],
)
def test_share_of_all_and_monthly_audience(body: str, metric: str, unit: str) -> None:
    figure = only(body)
    assert (figure.metric, figure.unit) == (metric, unit)


@pytest.mark.parametrize(
    "body",
    [
        "اشترت شركة «ستاندرد» حصة 35% من أعمال منصة «جاهز» في 2022.",
        "Prosus bought 28% of the company behind Swiggy in 2021.",
    ],
)
def test_a_stake_in_the_business_is_not_a_market_share(body: str) -> None:
    assert run(body) == []


def test_total_ad_spending_is_the_markets_not_the_platforms() -> None:
    figures = run("توقعت «إنسايدر» أن تبلغ إيرادات «سناب شات» في السعودية 900 مليون ريال في 2025، "
                  "فيما يبلغ إجمالي الإنفاق على الإعلانات الرقمية في المملكة 9 مليارات ريال.")
    assert [f.value for f in figures] == [900e6]


def test_viewers_who_end_up_buying_convert() -> None:
    figure = only("وقدّرت «سناب شات» أن 4% من مشاهدي إعلانات التسوق في الكويت ينتهون إلى شراء المنتج.")
    assert (figure.metric, figure.value) == ("conversion_rate", 4.0)


def test_we_are_at_a_count_continues_the_metric_before() -> None:
    figures = run("Jumia aims to reach 5 million active customers in Nigeria by 2027. Today we are at about 3 million.")
    assert [(f.metric, f.value, f.kind) for f in figures] == [("active_users", 5e6, "target"),
                                                             ("active_users", 3e6, "actual")]


def test_visits_that_end_in_a_purchase_convert() -> None:
    figure = only("About 2.4% of visits to the Jumia app end in a purchase.")
    assert (figure.metric, figure.value) == ("conversion_rate", 2.4)
