"""Constructions from the kinds of error seen on articles written by others (issue 14).

Every sentence here was written for these tests, with other platforms, figures and wording than any
article of the sets, one construction per group, in both languages where it exists in both.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from .conftest import only, run

# ---------------------------------------------------------------- periods


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


# ---------------------------------------------------------------- platforms outside the lexicon


@pytest.mark.parametrize(
    ("body", "slug", "metric"),
    [
        # after a metric and "on"/"at"
        ("Gross merchandise value on Qorvia in Kenya rose 40% in 2023.", "qorvia", "growth_percent"),
        # "rival X"
        ("Rival Lumora reported revenue of $300 million in 2023.", "lumora", "revenue"),
        # the subject of a commerce verb with a figure after it
        ("Kavo shipped about 90 million orders in 2023.", "kavo", "orders"),
        # its possessive before a metric
        ("Brindle's average basket was about $42.", "brindle", "average_order_value"),
        # an appositive naming a TV shopping channel
        ("Vexa Live, a TV shopping channel, had 2 million active customers.", "vexa_live", "active_users"),
        # its executive speaking, then "the app"
        ("Kavo's chief executive told Zembla Daily that the app had 5 million users.", "kavo", "active_users"),
        # "X-owned Y": Y is the platform, X its owner
        ("Sales on Naspers-owned Pelo's marketplace rose to about 9 billion rand last year.", "pelo", "gmv"),
        # a Latin name inside Arabic text
        ("وبلغ عدد مستخدمي تطبيق Zentro في مصر 3 ملايين مستخدم.", "zentro", "active_users"),
    ],
)
def test_platform_recognised_by_how_the_text_uses_it(body: str, slug: str, metric: str) -> None:
    figure = only(body)
    assert (figure.platform, figure.metric) == (slug, metric)


def test_capitals_short_form_of_a_named_platform() -> None:
    figure = only("Harbor Home Network, a TV shopping channel, sells jewellery. "
                  "HHN had 1.2 million active customers in 2024.")
    assert (figure.platform, figure.metric, figure.period) == ("harbor_home_network", "active_users", "2024")


def test_currency_of_the_rand() -> None:
    assert only("Sales on Naspers-owned Pelo's marketplace rose to about 9 billion rand last year.").unit == "ZAR"


def test_addressee_and_owner_are_not_platforms() -> None:
    body = ("Kavo's chief executive told Zembla Daily that the app had 5 million users. "
            "Sales on Naspers-owned Pelo's marketplace rose to about 9 billion rand last year.")
    assert {f.platform for f in run(body)} == {"kavo", "pelo"}


def test_arabic_name_in_a_platform_place_is_transliterated() -> None:
    figures = run("وتستحوذ «زبرجد» على 12% من سوق التجارة الإلكترونية في الكويت.")
    assert [(f.platform, f.metric, f.value) for f in figures] == [("zbrjd", "market_share", 12.0)]


def test_arabic_name_takes_the_latin_name_it_spells() -> None:
    figures = run("أعلن تطبيق «فيرلو» لتوصيل الطعام (Verlo) أن عدد طلباته بلغ 3 ملايين طلب. "
                  "وتستحوذ «فيرلو» على 30% من السوق.")
    assert {(f.platform, f.metric) for f in figures} == {("verlo", "orders"), ("verlo", "market_share")}


def test_arabic_spelling_of_a_listed_latin_name() -> None:
    # «زالاندو» is listed; «زلاندو» is not, and is matched by its consonants to Zalando
    figure = only("قالت منصة «زلاندو» إن مبيعاتها بلغت 4 مليارات يورو في 2023.")
    assert (figure.platform, figure.metric, figure.unit) == ("zalando", "gmv", "EUR")


def test_ordinary_word_brand_only_between_quotes() -> None:
    # «طلبات» is a brand here and also the word "orders"
    figures = run("قالت منصة «طلبات» إن عدد الطلبات عبر تطبيقها بلغ 5 ملايين طلب.")
    assert [(f.platform, f.metric, f.value) for f in figures] == [("talabat", "orders", 5e6)]


# ---------------------------------------------------------------- which platform: owners, speakers, comparators


@pytest.mark.parametrize(
    ("body", "slug"),
    [
        # the owner named in a relative clause or a possessive does not take the figure
        ("Zentro, which is majority-owned by Alibaba, had about 12 million active customers.", "zentro"),
        ("Lazada, owned by Alibaba, said it has 30,000 active sellers in Vietnam.", "lazada"),
        ("Meta's Threads now has 175 million monthly active users.", "threads"),
        ("ByteDance's Douyin had 750 million daily active users in 2023.", "douyin"),
        ("Shopee, Sea Limited's e-commerce arm, has 9 million active sellers.", "shopee"),
        ("وقال تطبيق «كيتا» التابع لمجموعة «ميتوان» إن عدد مستخدميه بلغ 3 ملايين مستخدم.", "keeta"),
        # the one who speaks yields to what its reported clause is about
        ("أعلنت «نون» أن منصة «نمشي» التابعة لها سجلت نحو 3 ملايين عميل نشط في 2024.", "namshi"),
        # a figure bound to a name by "for" or "at"
        ("Noon's average basket is $62, against $48 for Zentro.", "noon"),
    ],
)
def test_the_platform_a_figure_is_about(body: str, slug: str) -> None:
    assert run(body)[0].platform == slug


def test_possessive_pronoun_refers_to_the_one_who_announces() -> None:
    figure = only("تتوسع «كيتا» في المملكة، في وقت أعلنت فيه شركة «جاهز» أن إيراداتها بلغت 500 مليون ريال.")
    assert (figure.platform, figure.metric, figure.unit) == ("jahez", "revenue", "SAR")


# ---------------------------------------------------------------- regions


@pytest.mark.parametrize(
    "body",
    [
        "Zentro, the Lithuanian resale app, said revenue rose to €610 million in 2023.",
        "Salla, the Saudi platform for merchants, says it hosts more than 60,000 active merchants.",
        "أعلنت مجموعة «علي بابا» الصينية أن إيراداتها بلغت 240 مليار يوان في 2024.",
        "Rival Lumora reported revenue of $300 million in a filing with the U.S. Securities and Exchange Commission.",
    ],
)
def test_a_company_home_is_not_the_figure_region(body: str) -> None:
    assert only(body).region is None


def test_the_same_platform_keeps_the_paragraph_region() -> None:
    figures = run("In Kenya, gross sales on Qorvia rose to about 9 billion shillings last year. "
                  "Qorvia has more than 8,000 third-party sellers, the company said.")
    assert [f.region for f in figures] == ["KE", "KE"]


def test_a_list_of_places_is_not_one_region() -> None:
    figure = only("YouTube launched its shopping programme in Saudi Arabia and the UAE, after Alphabet said "
                  "YouTube's ad revenue reached $10 billion.")
    assert figure.region is None


def test_every_period_phrase_passes_the_prefilter() -> None:
    from streams.extraction.periods import _MONTHS_EN, _PHRASES, any_period

    for phrase in [*_PHRASES, *(f"{month} quarter" for month in _MONTHS_EN), "q3 2023", "3q23", "2024", "fy24",
                   "الربع المنتهي في يونيو", "الاشهر الثلاثه الاولي"]:
        assert any_period(phrase), phrase


# ---------------------------------------------------------------- metrics in other words


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


def test_the_kind_written_after_the_figure() -> None:
    figures = run("Zentro reported revenue of $2.9 billion, a touch below our $3.1 billion forecast.")
    assert sorted((f.value, f.kind) for f in figures) == [(2.9e9, "actual"), (3.1e9, "forecast")]


# ---------------------------------------------------------------- who is credited


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # the one told is not the source; the teller's company is
        ("Zentro's chief executive told Reuters that the app had 5 million users.", "Zentro"),
        ("Kavo, a rival store builder, is smaller: its chief executive told Reuters that about 9,000 merchants "
         "use the platform.", "Kavo"),
        # a newspaper named earlier, then "the paper said"
        ("Sales on Qorvia rose to $2 billion last year, the Nairobi Courier reported. "
         "Qorvia has more than 8,000 sellers, the paper said.", "Nairobi Courier"),
        # a short form the text defines
        ("Sales on Lazada rose 12% in 2024, according to Mekong Data Lab (MDL). "
         "Lazada's GMV reached $4 billion, MDL said.", "Mekong Data Lab"),
        # "the company" after a parent company spoke
        ("Zentro's GMV rose 9% in 2024, parent company Orvo said. More than 2 million merchants sell on it, "
         "the company added.", "Orvo"),
        # «وبحسب المجموعة» after «مجموعة X» was named
        ("تواصل منصة «زبرجد» التابعة لمجموعة «ديليفري هيرو» توسعها، وبحسب المجموعة بلغ عدد طلباتها 9 ملايين طلب.",
         "Delivery Hero"),
        # a newspaper by its Arabic name
        ("وبحسب ما نقلته صحيفة «الاقتصادية»، يبلغ متوسط قيمة الطلب على «كيتا» نحو 40 ريالاً.", "Al Eqtisadiah"),
        # a group speaking under its platform's name
        ("QVC Group said revenue at QVC fell 5% to $1.7 billion in 2024.", "QVC Group"),
        ("أعلنت الشركة الأم «ألفابت» أن إيرادات الإعلانات على «يوتيوب» بلغت 9 مليارات دولار.", "Alphabet"),
    ],
)
def test_the_source_credited(body: str, source: str) -> None:
    assert {f.source for f in run(body)} == {source}


def test_a_figure_in_a_quotation_is_the_speakers() -> None:
    figures = run('Kavo, the Kenyan delivery app, says Kenya is its biggest market. "We delivered more than '
                  '30 million orders last year, up roughly a third," the company\'s chief operating officer told '
                  'Zembla Daily.')
    assert {(f.platform, f.source) for f in figures} == {("kavo", "Kavo")}
    assert sorted(f.metric for f in figures) == ["growth_percent", "orders"]


def test_he_said_keeps_the_earlier_speaker() -> None:
    figures = run('"Our monthly active users are close to 40 million," the chief executive of Zentro said. '
                  '"Our average basket is about $30," he said.')
    assert [(f.platform, f.metric, f.source) for f in figures] == [
        ("zentro", "active_users", "Zentro"), ("zentro", "average_order_value", "Zentro")]


def test_an_analysts_note_credits_its_author() -> None:
    body = ("Harbor Ridge Securities | Consumer Internet | Note to clients. Our checks suggest 7% of viewers of "
            "Zentro's live streams bought something in 2024. Zentro reported revenue of $2.9 billion, below our "
            "$3.1 billion forecast.")
    figures = {(f.metric, f.value): f.source for f in run(body)}
    assert figures == {("conversion_rate", 7.0): "Harbor Ridge Securities", ("revenue", 2.9e9): "Zentro",
                       ("revenue", 3.1e9): "Harbor Ridge Securities"}


def test_an_arabic_note_credits_its_author() -> None:
    body = ("نقدّر في «مرصد الخليج» (Gulf Observatory) أن مبيعات «نون» في الكويت بلغت 300 مليون دينار في 2024. "
            "وتشير تقديراتنا إلى أن حصة «أمازون» من السوق بلغت 20%.")
    assert {f.source for f in run(body)} == {"Gulf Observatory"}


# ---------------------------------------------------------------- periods, kinds, qualifiers in context


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


def test_the_kingdom_is_not_the_last_region() -> None:
    figures = run("Noon's basket in the UAE is about 250 dirhams. Noon holds 18% of online fashion sales in the "
                  "kingdom.")
    assert [f.region for f in figures if f.metric == "market_share"] == ["SA"]


def test_he_said_is_who_was_named_since_the_last_quotation() -> None:
    figures = run('"Orders grew 20%," the Shopee executive said. Lazada\'s chief executive spoke to reporters. '
                  '"Our monthly active users are close to 150 million," he said.')
    users = next(f for f in figures if f.metric == "active_users")
    assert (users.platform, users.source) == ("lazada", "Lazada")


def test_a_masculine_possessive_is_the_app_named_last() -> None:
    figure = only("بدأت «بايت دانس» الترويج لتطبيقها Lemon8 بعدما تجاوز عدد مستخدميه 20 مليون مستخدم.")
    assert figure.platform == "lemon8"


def test_growth_of_a_market_total_in_a_continuing_clause() -> None:
    assert run("Sales on the four platforms totalled $3.4 billion in the quarter, up 31% from a year earlier, "
               "Shopee said.") == []


# ---------------------------------------------------------------- more constructions


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


def test_a_capitals_heading_names_the_paragraph_platform() -> None:
    figures = run("Harbor Ridge Securities | Retail | Note.\nJTX. Quarterly revenue came in at $410 million, "
                  "according to the same release.")
    assert [(f.platform, f.metric) for f in figures] == [("jtx", "revenue")]


def test_it_stands_for_the_metric_named_before_in_a_quotation() -> None:
    figures = run('Noon, the Gulf marketplace, is growing. "Our average basket in Saudi is around 230 riyals. In '
                  'Kuwait it\'s closer to 21 dinars," she said.')
    assert [(f.platform, f.metric, f.unit) for f in figures] == [
        ("noon", "average_order_value", "SAR"), ("noon", "average_order_value", "KWD")]


def test_the_notes_own_survey_credits_its_author() -> None:
    body = ("نقدّر في «مرصد الخليج» (Gulf Observatory) أن مبيعات «نون» نمت 12% في 2024. "
            "ويبلغ متوسط قيمة الطلب عبر «واتساب» نحو 900 جنيه بحسب مسح أجريناه على 600 تاجر.")
    figures = run(body)
    assert {(f.metric, f.source) for f in figures} == {("growth_percent", "Gulf Observatory"),
                                                       ("average_order_value", "Gulf Observatory")}


def test_an_arabic_speech_verb_continues_the_one_before() -> None:
    figures = run("أفادت مجموعة «ديليفري هيرو» بأن قيمة الطلبات عبر منصة «طلبات» بلغت 300 مليون دينار كويتي، كما "
                  "أشارت إلى أن عدد الطلبات ارتفع بنسبة 11 في المئة.")
    assert {f.source for f in figures} == {"Delivery Hero"}


def test_he_said_adding_that_credits_the_speaker() -> None:
    figures = run('"Our core customer watches more than an hour a day," the chief executive of Zentro said. '
                  '"We are not shrinking," he said, adding that the active customer base grew 9% in 2024.')
    assert {(f.metric, f.source) for f in figures} == {("time_spent", "Zentro"), ("growth_percent", "Zentro")}


def test_a_dateline_is_not_a_region() -> None:
    figure = only("NAIROBI, Mar 3 (EAW) - Jumia said its orders rose 9% last year.")
    assert figure.region is None


def test_growth_from_a_year_ago_is_for_the_period_in_focus() -> None:
    figures = run("Sea Limited reported results for the third quarter. \"Orders grew by about a fifth from a year "
                  "ago,\" the Shopee executive said.", datetime(2024, 11, 20, tzinfo=UTC))
    assert [(f.period, f.base_period) for f in figures] == [("2024-Q3", "2023-Q3")]


def test_a_forecast_growth_for_a_year_is_on_the_year_before() -> None:
    figure = only("We expect Zentro's GMV to grow about 40% in 2025.", datetime(2025, 5, 1, tzinfo=UTC))
    assert (figure.kind, figure.period, figure.base_period) == ("forecast", "2025", "2024")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a quoted name in subject position
        ('"Qorvia" reported 3 million active customers in Kenya.', ("qorvia", "active_users", 3e6)),
        # the owner's possessive before its platform, and the market's metric named with the platform's figure
        ("Alibaba's Xianyu generated $20 billion in e-commerce GMV last year.", ("xianyu", "gmv", 2e10)),
        # «سلة» spells Salla: a final ta marbuta is a vowel and the doubled l is written once
        ("قالت منصة «سلة» إن عدد التجار على منصتها تجاوز 70 ألف تاجر.", ("salla", "sellers", 7e4)),
        # a count after its noun and a verb
        ("Zentro's vendors number more than 35,000.", ("zentro", "sellers", 35000)),
    ],
)
def test_more_platform_constructions(body: str, expected: tuple[str, str, float]) -> None:
    figure = only(body)
    assert (figure.platform, figure.metric, figure.value) == expected


def test_a_short_form_in_brackets_after_a_camel_case_name() -> None:
    figures = run("shopIQ (sIQ) estimates Lazada's GMV at $19 billion. sIQ estimates Shopee's GMV at $48 billion.")
    assert {f.source for f in figures} == {"shopIQ"}
