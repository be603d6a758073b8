"""Constructions of regional trade press, Arabic press, threads and features, on sentences written for these
tests: local money and numbers, services named after their platform, glossed names, parts of a year,
corrections, ranges and anaphora across speakers."""

# Alike in shape on purpose (`duplicates` lists them as shape boilerplate): each test is one sentence
# and what it must yield, so a failure names the one construction that broke.
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from .conftest import only, run

# ---------------------------------------------------------------- Maghreb and Levant money and numbers


@pytest.mark.parametrize(
    ("body", "value", "unit"),
    [
        ("بلغ متوسط قيمة الطلب على «جوميا» 2 350 ديناراً جزائرياً.", 2350, "DZD"),
        ("بلغ متوسط قيمة الطلب على «أمازون» 19 ألف دينار عراقي.", 19000, "IQD"),
        ("بلغ متوسط قيمة الطلب على «جوميا» 64 ديناراً تونسياً.", 64, "TND"),
        ("Jumia's average order value was 2 350 Algerian dinars.", 2350, "DZD"),
    ],
)
def test_dinars_by_country_and_space_thousands(body: str, value: float, unit: str) -> None:
    figure = only(body)
    assert (figure.value, figure.unit) == (value, unit)


def test_a_service_named_after_its_platform_is_the_platform() -> None:
    body = ("لم تعد «زينو» (Zeno) مجرد تطبيق للنقل، إذ تقدم خدمتها «Zeno Market» التي قالت إنها تضم أكثر من "
            "3 آلاف تاجر في تونس.")
    assert [(f.platform, f.metric) for f in run(body)] == [("zeno", "sellers")]


def test_an_arabic_service_named_after_its_platform_is_the_platform() -> None:
    body = ("قالت «زينو» (Zeno) إن خدمة البقالة «زينو ماركت» عالجت أكثر من 500 ألف طلب في تونس خلال الربع الأول "
            "من 2025.")
    assert {f.platform for f in run(body)} == {"zeno"}


def test_the_outlet_a_speaker_talks_to_is_no_platform() -> None:
    body = ("وفي تصريح لموقع «Maghreb Tech»، قال مدير «جوميا» إن عدد البائعين على المنصة تجاوز 9 آلاف بائع في "
            "المغرب.")
    assert {f.platform for f in run(body)} == {"jumia"}


def test_an_arabic_spelling_glossed_with_a_known_platforms_name_is_that_platform() -> None:
    body = ("تتنافس «زينو» (Zeno) و«طلبات» (Talabat) في بغداد، إذ استحوذت «زينو» على 40% من طلبات التوصيل عبر "
            "التطبيقات خلال 2024، مقابل 35% لـ«طلبات».")
    assert [(f.platform, f.value) for f in run(body, published=datetime(2025, 2, 1, tzinfo=UTC))] == [
        ("zeno", 40), ("talabat", 35)]


@pytest.mark.parametrize(
    ("body", "period", "base"),
    [
        ("قالت «جوميا» إن عدد طلباتها تضاعف ثلاثة أضعاف خلال الأشهر التسعة الأولى من 2023 مقارنة بالفترة نفسها "
         "من العام الماضي.", "2023", "2022"),
        ("Jumia's orders grew 40% in the first nine months of 2023.", "2023", None),
        ("بلغت قيمة مبيعات «جوميا» 90 مليون دولار في النصف الأول من 2023.", "2023", None),
    ],
)
def test_parts_of_a_year_label_the_year(body: str, period: str, base: str | None) -> None:
    figure = only(body)
    assert (figure.period, figure.base_period) == (period, base)


def test_multiplied_threefold_is_one_figure() -> None:
    figure = only("قالت «جوميا» إن عدد طلباتها تضاعف ثلاثة أضعاف في 2023.")
    assert (figure.metric, figure.value) == ("growth_multiple", 3)


def test_restaurants_on_a_delivery_app_are_its_sellers() -> None:
    figure = only("وأضافت «طلبات» (Talabat) أن أكثر من 4 آلاف مطعم ومتجر في الكويت يعرضون منتجاتهم عبر تطبيقها.")
    assert (figure.platform, figure.metric, figure.value) == ("talabat", "sellers", 4000)


@pytest.mark.parametrize(
    ("body", "platform", "metric"),
    [
        ("Algerian super-app Zeno told reporters it processed more than 9 million orders in 2024.", "zeno", "orders"),
        ("Dukan Mall, the online arm of a supermarket chain, told reporters it works with over 1,500 sellers.",
         "dukan_mall", "sellers"),
        ("In Tunisia, Instagram carries between 20 and 25 percent of social-commerce transactions.", "instagram",
         "market_share"),
    ],
)
def test_platforms_and_shares_of_trade_press(body: str, platform: str, metric: str) -> None:
    assert {(f.platform, f.metric) for f in run(body)} == {(platform, metric)}


def test_a_glossed_name_followed_by_its_kind_is_a_platform() -> None:
    body = "و«دكان» (Dukan)، المنصة الكويتية للأزياء، قالت إن عندها أكثر من 1500 علامة تجارية تبيع عبرها."
    assert [(f.platform, f.metric) for f in run(body)] == [("dukan", "sellers")]


def test_a_company_credited_as_it_names_itself() -> None:
    body = ("Jumia Technologies said that orders in Kenya rose 14% in 2024. Revenue reached $40 million in 2024, "
            "the company said.")
    assert {f.source for f in run(body, published=datetime(2025, 3, 1, tzinfo=UTC))} == {"Jumia Technologies"}


def test_business_accounts_are_sellers() -> None:
    figure = only("كشف تقرير لـ«ميتا» أن عدد الحسابات التجارية التونسية النشطة على «إنستغرام» تجاوز 80 ألف حساب.")
    assert (figure.platform, figure.metric, figure.value) == ("instagram", "sellers", 80000)


def test_a_share_of_a_profit_is_no_market_share() -> None:
    assert run("يقول بائع إن الشحن عبر «إتسي» يبتلع أحياناً ثلث الربح.") == []


def test_the_level_after_a_change_in_basis_points_is_a_figure() -> None:
    figure = only("Shopee's conversion rate in Vietnam improved by 30 basis points over 2023 to 2.6 per cent.")
    assert (figure.metric, figure.value) == ("conversion_rate", 2.6)


def test_the_observatory_refers_back_to_the_observatory() -> None:
    body = ("Lazada's GMV reached $2 billion in 2023, according to the Manila Digital Observatory. Shopee's "
            "conversion rate sat at 2.1% in 2023, the observatory said.")
    assert {f.source for f in run(body)} == {"Manila Digital Observatory"}


@pytest.mark.parametrize(
    "body",
    [
        "Shopee's engagement rate in 2023 was 4.1%, roughly twice the figure for Lazada.",
        "Shopee's conversion rate in 2023 was 3.3%, roughly three times the rate on general marketplaces.",
        "Shopee's conversion rate in 2023 was 3.3%, roughly twice Lazada's.",
    ],
)
def test_a_ratio_to_anothers_figure_is_no_growth(body: str) -> None:
    assert [f.metric for f in run(body)] in (["engagement_rate"], ["conversion_rate"])


def test_a_multiple_of_an_earlier_level_is_growth() -> None:
    figure = only("Shopee's GMV in 2023 was three times the level of 2021.")
    assert (figure.metric, figure.value, figure.base_period) == ("growth_multiple", 3, "2021")


def test_a_share_of_viewers_who_tap_is_engagement() -> None:
    figure = only("On Instagram in Spain, about one in four viewers of a shopping video taps the product tag.")
    assert (figure.metric, figure.value, figure.qualifier) == ("engagement_rate", 25, "approx")


def test_it_after_the_second_speaker_is_the_second_speaker() -> None:
    body = ("Avito says it draws more than 6 million monthly users in Morocco, and Dukan Mall, the online arm of a "
            "supermarket chain, told reporters it works with over 1,500 sellers.")
    assert [(f.platform, f.metric) for f in run(body)] == [("avito", "active_users"), ("dukan_mall", "sellers")]


def test_a_figure_for_now_is_actual_and_has_no_period() -> None:
    body = "Lazada wants to convert 5% of viewers into buyers by the end of 2024, against 3.1% now."
    figures = run(body, published=datetime(2024, 3, 1, tzinfo=UTC))
    assert [(f.value, f.kind, f.period) for f in figures] == [(5, "target", "2024"), (3.1, "actual", None)]


def test_a_ranges_lower_bound_measures_what_its_upper_does() -> None:
    figures = run("Instagram carries between 30 and 35 percent of social-commerce transactions in Tunisia.")
    assert [(f.metric, f.value, f.qualifier) for f in figures] == [("market_share", 30, "at_least"),
                                                                   ("market_share", 35, "up_to")]


def test_up_from_a_quarter_in_a_past_year_is_an_actual_share() -> None:
    body = ("Orbis expects Lazada's share of Thai online retail to exceed 30 per cent in 2025, up from about a quarter "
            "in 2024.")
    figures = run(body, published=datetime(2025, 4, 1, tzinfo=UTC))
    assert [(f.value, f.qualifier, f.kind, f.period) for f in figures] == [
        (30, "more_than", "forecast", "2025"), (25, "approx", "actual", "2024")]


@pytest.mark.parametrize(
    ("body", "value", "qualifier"),
    [
        ("Shopee's conversion rate is nearer 1% — actually, 1.2% by our tracking.", 1.2, "exact"),
        ("Lazada's market share in 2023 is roughly 18%, sorry, 17%.", 17, "approx"),
    ],
)
def test_only_the_corrected_figure_stands(body: str, value: float, qualifier: str) -> None:
    figure = only(body)
    assert (figure.value, figure.qualifier) == (value, qualifier)


def test_and_says_after_a_platform_subject_is_the_platform() -> None:
    body = "Vinted, the Vilnius-born resale app, entered Ireland in 2022 and says its Irish GMV doubled in 2023."
    assert only(body).source == "Vinted"


def test_a_threads_first_post_names_the_source_of_the_posts_after_it() -> None:
    body = ("١- خذوا الأرقام من تقرير شركة «بايت دانس» نفسها عن السوق السعودي 👇\n\n"
            "٢- عدد مستخدمي «تيك توك» النشطين في السعودية حوالي ٢٠ مليون مستخدم 📱\n\n"
            "٣- والمستخدم يقضي بالمعدل ٩٠ دقيقة يومياً على «تيك توك» ⏱️")
    assert {f.source for f in run(body)} == {"ByteDance"}


def test_a_companys_executives_speak_for_it() -> None:
    body = "Lazada executives have told sellers they want its conversion rate to reach 5% by 2026."
    figure = only(body)
    assert (figure.source, figure.kind) == ("Lazada", "target")


def test_as_of_that_date_is_the_dates_year() -> None:
    body = ("Temu had 61 million monthly active recipients over the six months ending 31 March 2025. The number of "
            "sellers on Temu exceeded 90,000 as of that date.")
    assert [f.period for f in run(body, published=datetime(2025, 6, 1, tzinfo=UTC))] == ["2025", "2025"]


def test_a_company_wide_name_beside_one_app_leaves_the_article_about_the_app() -> None:
    body = ("تنشر سلمى مقاطعها على «إنستغرام». وكشف تقرير أصدرته «ميتا» أن عدد الحسابات التجارية النشطة على المنصة "
            "في تونس تجاوز 90 ألف حساب. وأضاف التقرير أن معدل التفاعل مع المقاطع يبلغ في المتوسط 3,9 في المئة.")
    assert [(f.platform, f.metric) for f in run(body)] == [("instagram", "sellers"), ("instagram", "engagement_rate")]


def test_the_apps_own_data_credit_the_app() -> None:
    body = ("وكشف تقرير أصدرته «ميتا» أن عدد الحسابات التجارية النشطة على «إنستغرام» في تونس تجاوز 90 ألف حساب. "
            "وبحسب بيانات التطبيق نفسه، يقضي المستخدم في تونس نحو 31 دقيقة يومياً في تصفّحه.")
    assert [(f.metric, f.source) for f in run(body)] == [("sellers", "Meta"), ("time_spent", "Instagram")]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Song Hong Analytics tracks Vietnamese retail. Song Hong puts Lazada's share of online sales at 21% in 2023.",
         "Song Hong Analytics"),
        ("Savanna Insights studies Kenyan retail. Savanna says Jumia's conversion rate was 1.4% in 2023.",
         "Savanna Insights"),
    ],
)
def test_a_firm_named_in_full_then_shortened(body: str, source: str) -> None:
    assert only(body).source == source


@pytest.mark.parametrize(
    ("body", "metric", "value", "qualifier"),
    [
        ("Jumia takes one in four naira spent online in Nigeria.", "market_share", 25, "exact"),
        ("TikTok has well over half a billion users in Southeast Asia.", "active_users", 5e8, "more_than"),
        ("يبلغ متوسط قيمة الطلب على «نون» في حدود 250 درهماً.", "average_order_value", 250, "approx"),
        ("عدد البائعين على «نون» يوصل لين 50 ألف بائع.", "sellers", 50000, "up_to"),
        ("عدد مستخدمي «سناب شات» فوق 20 مليون مستخدم.", "active_users", 2e7, "more_than"),
    ],
)
def test_spoken_and_dialect_amounts(body: str, metric: str, value: float, qualifier: str) -> None:
    figure = only(body)
    assert (figure.metric, figure.value, figure.qualifier) == (metric, value, qualifier)


def test_an_arabic_earlier_value_is_its_own_figure() -> None:
    body = "قالت «جوميا» إن متوسط قيمة الطلب في المغرب بلغ 310 دراهم في 2024، بعدما كان 280 درهماً قبلها بعام."
    assert [(f.value, f.period) for f in run(body, published=datetime(2025, 3, 1, tzinfo=UTC))] == [
        (310, "2024"), (280, "2023")]


@pytest.mark.parametrize(
    "body",
    [
        "Talabat's orders across Kuwait and Bahrain rose 30% in 2024, the company said.",
        "قالت «طلبات» (Talabat) إن عدد طلباتها في الكويت والبحرين ارتفع بنسبة 30% في 2024.",
    ],
)
def test_a_figure_for_two_countries_has_no_region(body: str) -> None:
    assert only(body).region is None


def test_they_also_said_is_the_company_credited_before() -> None:
    body = "In a press note, Kilimall said its GMV rose 20% in 2024. They also said the platform had 5,000 sellers."
    assert {f.source for f in run(body, published=datetime(2025, 3, 1, tzinfo=UTC))} == {"Kilimall"}


def test_an_arabic_sentence_opening_with_he_added_goes_on_with_the_speaker() -> None:
    body = "وقال مدير «جوميا» إن عدد الطلبات ارتفع إلى مليون طلب. وأضاف أن المنصة تضم أكثر من 4 آلاف تاجر."
    assert {f.source for f in run(body)} == {"Jumia"}
