"""Constructions of Arabic press generalised after diagnosing tune4's Arabic articles.

Every sentence here was written for these tests (other platforms, numbers and wording than tune4),
one construction per group, in English too where the construction exists in both.
"""

# Alike in shape on purpose (`duplicates` lists them as shape boilerplate): each test is one sentence
# and what it must yield, so a failure names the one construction that broke.
from __future__ import annotations

import pytest

from .conftest import only, run


def _by_platform(body: str) -> dict[str, float]:
    return {f.platform: f.value for f in run(body)}


# ---------------------------------------------------------------- figures listed «respectively»


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وقدّرت شركة «سديم للأبحاث» أن حصص «جاهز» و«كريم» و«نون» من سوق توصيل الطعام في المملكة بلغت ٣١٪ و١٧٪ و٦٪ "
         "على التوالي خلال ٢٠٢٣.", None),
        ("Zentro, Shopee and Lazada held 41%, 30% and 12% of the Thai e-commerce market respectively in 2023, "
         "Harbor Analytics estimates.", {"zentro": 41.0, "shopee": 30.0, "lazada": 12.0}),
        ("Conversion rates on Jumia, Konga and Temu were 1.4%, 0.9% and 2.2% respectively in 2024.",
         {"jumia": 1.4, "konga": 0.9, "temu": 2.2}),
        ("The survey puts conversion on Facebook posts, TikTok videos and Pinterest pins at 3.3%, 2.9% and 0.8% "
         "respectively in Brazil.", {"facebook": 3.3, "tiktok": 2.9, "pinterest": 0.8}),
        ("بلغت حصص «أمازون» و«نون» و«شي إن» من سوق التجارة الإلكترونية في قطر 27% و22% و9% على التوالي.",
         {"amazon": 27.0, "noon": 22.0, "shein": 9.0}),
    ],
)
def test_figures_listed_respectively_pair_with_the_names_in_order(body: str, expected: dict[str, float] | None
                                                                   ) -> None:
    found = _by_platform(body)
    if expected is None:  # «جاهز» and «كريم» are ordinary words; the list pairs whatever platforms it names
        assert found.get("noon") == 6.0, found
    else:
        assert found == expected


def test_lists_of_unequal_length_are_left_as_read() -> None:
    figures = run("بلغت حصص «أمازون» و«نون» من سوق التجارة الإلكترونية في قطر 27% و22% و9% على التوالي.")
    assert {f.platform for f in figures} <= {"amazon", "noon"}


# ---------------------------------------------------------------- names in a list of platforms


def test_a_quoted_name_in_a_list_of_platforms_is_a_platform_glossed_elsewhere() -> None:
    figures = run("بلغت حصص «أمازون» و«نون» و«دكانة» (Dukana) من سوق التسوق في عمان 30% و25% و7% على التوالي. "
                  "وتقول «دكانة»، المنصة العمانية، إن عدد طلباتها بلغ 400 ألف طلب في 2023.")
    assert {(f.platform, f.metric, f.value) for f in figures} == {
        ("amazon", "market_share", 30.0), ("noon", "market_share", 25.0), ("dukana", "market_share", 7.0),
        ("dukana", "orders", 400000.0)}


def test_a_service_named_after_a_known_platform_is_that_platform() -> None:
    figures = run("بلغت حصص «أمازون» و«نون» و«كريم كويك» من سوق توصيل البقالة في دبي 20% و18% و11% على التوالي.")
    assert {f.platform for f in figures} == {"amazon", "noon", "careem"}


def test_a_name_beside_one_platform_is_not_made_a_platform() -> None:
    figures = run("قالت «ميتا» إن معدل التفاعل مع مقاطع «لقطات» و«إنستغرام» يبلغ 3.9% في المغرب.")
    assert all(f.platform != "lqtat" for f in figures)


@pytest.mark.parametrize(
    "body",
    [
        "وتقدّر شركة «ساحل ريسيرش» (Sahel Research) أن معدل التحويل على «نون» في الكويت بلغ 2.4% في 2023.",
        "وبحسب شركة «نجمة كابيتال» (Najma Capital)، بلغ معدل التحويل على «نون» في الكويت 2.4% في 2023.",
    ],
)
def test_a_firm_glossed_with_a_research_name_is_a_source_not_a_platform(body: str) -> None:
    figures = run(body)
    assert [(f.platform, f.value) for f in figures] == [("noon", 2.4)]
    assert figures[0].source in ("Sahel Research", "Najma Capital")


# ---------------------------------------------------------------- shopping channels, speakers, scenarios


def test_a_shopping_channel_glossed_is_a_platform_and_speaks_as_the_channel() -> None:
    figures = run("أعلنت قناة التسوق «نجمة شوب» (Najma Shop) أن مبيعاتها بلغت 90 مليون ريال في 2023. "
                  "وقالت القناة إن عدد طلباتها بلغ 400 ألف طلب خلال العام نفسه.")
    assert {(f.platform, f.metric, f.source) for f in figures} == {
        ("najma_shop", "gmv", "Najma Shop"), ("najma_shop", "orders", "Najma Shop")}


def test_a_news_channel_is_no_platform() -> None:
    figures = run("وقال الرئيس التنفيذي لـ«نون» لقناة «الأفق» (Al Ofuq) إن عدد البائعين تجاوز 50 ألف بائع في 2023.")
    assert [(f.platform, f.value) for f in figures] == [("noon", 50000.0)]


def test_analysts_of_a_glossed_firm_expect_a_forecast() -> None:
    figures = run("قالت «نون» إن مبيعاتها بلغت 4 مليارات درهم في 2024، بينما كان محللو «بيت الخليج» (Gulf House "
                  "Securities) يتوقعون 4.3 مليار درهم.")
    forecast = next(f for f in figures if f.value == 4.3e9)
    assert (forecast.kind, forecast.source, forecast.platform) == ("forecast", "Gulf House Securities", "noon")


@pytest.mark.parametrize(
    "body",
    [
        "ولو حافظت «نون» على هذا النمو لتجاوزت مبيعاتها 9 مليارات درهم في 2026.",
        "Had Noon kept that pace, its sales would have topped AED 9 billion in 2026.",
    ],
)
def test_a_counterfactual_figure_is_no_signal(body: str) -> None:
    assert run(body) == []


def test_she_said_after_a_platform_is_that_platform_not_one_named_later() -> None:
    figures = run("أعلنت «نون» أن مبيعاتها بلغت 4 مليارات درهم في 2024. وقالت إنها تستهدف الوصول إلى 12 مليون "
                  "مستخدم نشط في 2026، مستفيدة من الإعلانات على «سناب شات».")
    users = next(f for f in figures if f.metric == "active_users")
    assert (users.platform, users.source, users.kind) == ("noon", "Noon", "target")


# ---------------------------------------------------------------- figures bound by «على», names, denials


def test_a_compared_figure_on_each_platform_is_that_platforms() -> None:
    found = _by_platform("وبلغ معدل التحويل على «شي إن» في الكويت 2.2%، مقارنة بـ3.1% على «نون» و1.6% على «تيمو».")
    assert found == {"shein": 2.2, "noon": 3.1, "temu": 1.6}


def test_a_number_word_inside_a_quoted_name_is_no_figure() -> None:
    figures = run("وتقدّر شركة «خمس نجوم للأبحاث» (Five Stars Research) أن معدل التحويل على «نون» في قطر يبلغ 2.8%.")
    assert [(f.platform, f.value, f.source) for f in figures] == [("noon", 2.8, "Five Stars Research")]


def test_the_gross_value_of_goods_sold_is_gmv() -> None:
    figures = run("بلغت القيمة الإجمالية للبضائع المباعة عبر «نون» نحو 6 مليارات دولار في 2023.")
    assert [(f.platform, f.metric, f.value, f.qualifier) for f in figures] == [("noon", "gmv", 6e9, "approx")]


@pytest.mark.parametrize(
    "body",
    [
        "ونفت «أمازون» تقريراً تحدث عن أن مبيعاتها في مصر ستبلغ 3 مليارات دولار هذا العام.",
        "Noon denied a report that its sales in Egypt would reach $3 billion this year.",
    ],
)
def test_a_denied_figure_is_no_signal(body: str) -> None:
    assert run(body) == []


def test_a_newspaper_glossed_is_credited_by_its_gloss() -> None:
    figure = run("بلغت مبيعات «نون» 5 مليارات دولار في 2023، بحسب صحيفة «ذا بريدج» (The Bridge) الإماراتية.")[0]
    assert figure.source == "The Bridge"


# ---------------------------------------------------------------- claims, carriers, months


def test_a_figure_a_post_only_claims_is_no_signal() -> None:
    assert run("تداولت حسابات منشوراً يزعم أن «نون» باتت تضم 30 مليون مستخدم نشط في الإمارات.") == []


def test_users_of_a_platform_written_around_its_name_are_its_users() -> None:
    figure = only("وقدّرت شركة «كلاود ميتر» عدد مستخدمي «نون» النشطين في الكويت بنحو 1.4 مليون.")
    assert (figure.platform, figure.metric, figure.value, figure.qualifier) == (
        "noon", "active_users", 1.4e6, "approx")


def test_the_agency_that_cites_a_firms_data_is_not_its_source() -> None:
    figure = only("غير أن بيانات شركة «ميزان» (Mizan Data) للتطبيقات، التي استشهدت بها صحيفة «الوطن»، "
                  "تشير إلى أن عدد مستخدمي «شي إن» النشطين في قطر بلغ 900 ألف مستخدم.")
    assert figure.source == "Mizan Data"


@pytest.mark.parametrize(
    ("body", "period"),
    [
        ("قالت «نون» إن عدد مستخدميها النشطين في مصر بلغ 3 ملايين مستخدم في مارس الماضي.", "2024"),
        ("قالت «نون» إن عدد مستخدميها النشطين في مصر بلغ 3 ملايين مستخدم خلال شهر نوفمبر.", "2023"),
        ("قالت «نون» إن عدد مستخدميها النشطين في مصر بلغ 3 ملايين مستخدم في نوفمبر 2022.", "2022"),
    ],
)
def test_an_arabic_month_names_the_year_it_last_fell_in(body: str, period: str) -> None:
    assert only(body).period == period


def test_the_same_month_is_in_the_year_in_focus() -> None:
    figures = run("بلغ عدد مستخدمي «نون» النشطين في قطر 800 ألف مستخدم في مارس الماضي. وقدّرت الشركة عدد "
                  "مستخدمي «أمازون» النشطين خلال الشهر نفسه بنحو 600 ألف.")
    assert [(f.platform, f.period) for f in figures] == [("noon", "2024"), ("amazon", "2024")]




# ---------------------------------------------------------------- comparisons, watch time, businesses, corrections


def test_twice_what_another_achieves_is_a_comparison_not_growth() -> None:
    figures = run("وقالت «نون» إن معدل التحويل في البث المباشر يبلغ 4.2%، أي ثلاثة أضعاف ما تحققه الإعلانات المطبوعة.")
    assert [(f.metric, f.value) for f in figures] == [("conversion_rate", 4.2)]


def test_twice_what_it_recorded_a_year_before_is_growth() -> None:
    figures = run("وعالجت «نون» 600 ألف طلب في الربع الأول من 2024، أي ضعفي ما سجلته في الربع نفسه من العام السابق.")
    assert ("growth_multiple", 2.0) in [(f.metric, f.value) for f in figures]


def test_the_daily_watch_time_per_user_is_time_spent() -> None:
    figure = only("وبلغ متوسط مدة المشاهدة اليومية للمستخدم على «سناب شات» في الكويت 27 دقيقة في 2024.")
    assert (figure.platform, figure.metric, figure.value) == ("snapchat", "time_spent", 27.0)


def test_daily_shows_of_two_hours_are_no_time_spent() -> None:
    assert run("وتبث «نون» عروضاً يومية تمتد ساعتين على «يوتيوب».") == []


def test_businesses_using_a_platform_are_its_sellers() -> None:
    figure = only("وقالت «ميتا» إن أكثر من 800 ألف نشاط تجاري مغربي يستخدم «إنستغرام» للبيع.")
    assert (figure.platform, figure.metric, figure.qualifier) == ("instagram", "sellers", "more_than")


@pytest.mark.parametrize(
    "body",
    [
        "تصحيح: ذكرت نسخة سابقة من هذا التقرير أن حصة «نون» بلغت 31%، والصحيح ما ورد أعلاه.",
        "Correction: an earlier version of this story said Noon's market share was 31%.",
        "وأشار التقرير إلى أن أي منصة أخرى لم تتجاوز حصتها 4% من مبيعات «نون» و«أمازون».",
        "No other platform topped 4% of the market, Noon said.",
    ],
)
def test_withdrawn_figures_and_any_other_platforms_are_no_signal(body: str) -> None:
    assert run(body) == []


# ---------------------------------------------------------------- latin names, halves, the same quarter a year before


def test_a_known_platforms_latin_name_heads_a_newsletter_item() -> None:
    figure = only("٣) AliExpress: تقول المنصة إن عدد البائعين الأتراك على موقعها تخطى 8 آلاف بائع.")
    assert (figure.platform, figure.metric, figure.source) == ("aliexpress", "sellers", "AliExpress")


@pytest.mark.parametrize(
    ("body", "period"),
    [
        ("بلغت حصة «نون» من سوق التجارة الإلكترونية في قطر 18% في النصف الأول من العام.", "2024"),
        ("بلغت حصة «نون» من سوق التجارة الإلكترونية في قطر 18% في النصف الثاني من العام الماضي.", "2023"),
    ],
)
def test_a_half_of_a_year_named_relative_to_publication_is_that_year(body: str, period: str) -> None:
    assert only(body).period == period


def test_growth_on_the_same_quarter_of_last_year_is_based_a_year_before() -> None:
    figures = run("بلغ عدد مستخدمي «نون» في الربع الأول من 2024 نحو 2 مليون مستخدم، بنمو 30% عن الربع نفسه من العام "
                  "الماضي.")
    growth = next(f for f in figures if f.metric == "growth_percent")
    assert (growth.period, growth.base_period) == ("2024-Q1", "2023-Q1")


@pytest.mark.parametrize(
    ("body", "qualifier"),
    [
        ("وقالت «نون» إن معدل التحويل في عروضها المباشرة يصل إلى 7.2% في الكويت.", "up_to"),
        ("وقالت «نون» إن متوسط قيمة الطلب لديها لم يبلغ 25 ديناراً في الكويت خلال 2023.", "less_than"),
        ("ومن المتوقع أن تصل حصة «نون» من سوق التجارة الإلكترونية في الكويت إلى 22% في 2026.", "exact"),
        ("وبلغت حصة «نون» من سوق التجارة الإلكترونية في الكويت فنحو 22% في 2023.", "approx"),
    ],
)
def test_arabic_qualifier_verbs(body: str, qualifier: str) -> None:
    assert only(body).qualifier == qualifier
