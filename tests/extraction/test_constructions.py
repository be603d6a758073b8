"""One construction per test, in both languages, on sentences written for these tests."""

# Alike in shape on purpose (`duplicates` lists them as shape boilerplate): each test is one sentence
# and what it must yield, so a failure names the one construction that broke.
from __future__ import annotations

import pytest

from .conftest import only, run

# ---------------------------------------------------------------- numbers, scales, units


@pytest.mark.parametrize(
    ("body", "value", "unit"),
    [
        ("بلغت إيرادات أمازون من الإعلانات ١٢٫٥ مليار دولار.", 12.5e9, "USD"),
        ("بلغت إيرادات أمازون ۱۲٫۵ مليار دولار.", 12.5e9, "USD"),  # Persian digits
        ("بلغت مبيعات نون ٣٬٢٠٠ مليون درهم.", 3.2e9, "AED"),
        ("Amazon's ad revenue was $12.5bn.", 12.5e9, "USD"),
        ("Amazon's ad revenue was US$ 12.5 billion.", 12.5e9, "USD"),
        ("Amazon booked revenue of 1,250 million euros.", 1.25e9, "EUR"),
        ("Shopee's GMV reached Rp 450 trillion.", 450e12, "IDR"),
        ("Shopee's GMV reached IDR 450tn.", 450e12, "IDR"),
        ("Noon's GMV reached SAR 900m.", 900e6, "SAR"),
        ("Amazon UK revenue was £3,5bn.", 3.5e9, "GBP"),  # decimal comma
        ("بلغت قيمة مبيعات تيمو ٧٥٠ ألف جنيه إسترليني.", 750e3, "GBP"),
        ("بلغت مبيعات نون في مصر ٤٠٠ مليون جنيه مصري.", 400e6, "EGP"),
        ("بلغت مبيعات تاوباو ٣ تريليونات يوان.", 3e12, "CNY"),
        ("بلغت مبيعات شوبي و١٥٠ مليار روبية إندونيسية.", 150e9, "IDR"),
    ],
)
def test_numbers_scales_currencies(body: str, value: float, unit: str) -> None:
    figure = only(body)
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("يضم إنستغرام أربعة عشر مليون مستخدم نشط في مصر.", 14e6),
        ("يضم إنستغرام اثنين وثلاثين مليون مستخدم نشط.", 32e6),
        ("يضم إنستغرام ثلاثين مليون مستخدم نشط.", 30e6),
        ("يضم سناب شات مئة مليون مستخدم نشط.", 100e6),
        ("يضم سناب شات مائتي مليون مستخدم نشط.", 200e6),
        ("يضم فيسبوك مليوني مستخدم نشط في الأردن.", 2e6),
        ("Snapchat has twenty-five million daily active users.", 25e6),
        ("Pinterest has a billion monthly active users.", 1e9),
    ],
)
def test_number_words(body: str, value: float) -> None:
    figure = only(body)
    assert (figure.metric, figure.unit) == ("active_users", "users")
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("بلغ معدل التحويل على تيك توك 2.5 في المئة.", 2.5),
        ("بلغ معدل التحويل على تيك توك 2.5 بالمئة.", 2.5),
        ("بلغ معدل التحويل على تيك توك ٢٫٥٪.", 2.5),
        ("TikTok's conversion rate was 2.5 percent.", 2.5),
        ("TikTok's conversion rate was 2.5 per cent.", 2.5),
    ],
)
def test_percent_forms(body: str, value: float) -> None:
    figure = only(body)
    expected = ("tiktok", "conversion_rate", "percent", value)
    assert (figure.platform, figure.metric, figure.unit, figure.value) == expected


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("ارتفعت مبيعات شي إن ثلاثة أضعاف مقارنة بعام 2021.", 3),
        ("نمت مبيعات تيمو بنحو ثلاثة أمثال.", 3),
        ("تضاعفت مبيعات تيمو خلال 2023.", 2),
        ("Temu's GMV quadrupled in 2023.", 4),
        ("Temu's GMV rose fourfold in 2023.", 4),
        ("Temu's GMV grew 4x in 2023.", 4),
        ("Temu's GMV doubled in 2023.", 2),
    ],
)
def test_multiples(body: str, value: float) -> None:
    figure = only(body)
    assert (figure.metric, figure.unit, figure.value) == ("growth_multiple", "multiple", value)
    assert figure.of_metric == "gmv"


def test_weakness_is_not_double() -> None:
    assert run("يعزو المحللون ضعف التحويل على تيك توك إلى صغر سن المستخدمين.") == []


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("تستحوذ أمازون على ربع سوق التجارة الإلكترونية في الإمارات.", 25),
        ("Amazon holds a quarter of the UAE e-commerce market.", 25),
        ("Amazon holds half of the UAE e-commerce market.", 50),
    ],
)
def test_fractions_as_shares(body: str, value: float) -> None:
    figure = only(body)
    assert (figure.metric, figure.unit, figure.value, figure.region) == ("market_share", "percent", value, "AE")


# ---------------------------------------------------------------- metrics


@pytest.mark.parametrize(
    ("body", "metric", "unit"),
    [
        ("بلغ متوسط قيمة سلة المشتريات على نون 180 درهما.", "average_order_value", "AED"),
        ("Noon's average basket was AED 180.", "average_order_value", "AED"),
        ("سجل معدل التفاعل على إنستغرام 1.2%.", "engagement_rate", "percent"),
        ("Instagram's engagement rate was 1.2%.", "engagement_rate", "percent"),
        ("يقضي المستخدم 50 دقيقة يوميا على يوتيوب.", "time_spent", "minutes"),
        ("Users spend 50 minutes a day on YouTube.", "time_spent", "minutes"),
        ("يبيع أكثر من 30 ألف تاجر عبر نون.", "sellers", "count"),
        ("More than 30,000 merchants sell on Noon.", "sellers", "count"),
        ("عالجت نون 5 ملايين طلب.", "orders", "count"),
        ("Noon handled 5 million orders.", "orders", "count"),
        ("بلغت الحصة السوقية لأمازون 40%.", "market_share", "percent"),
        ("Amazon's market share was 40%.", "market_share", "percent"),
    ],
)
def test_metric_cues(body: str, metric: str, unit: str) -> None:
    figure = only(body)
    assert (figure.metric, figure.unit) == (metric, unit)


def test_hours_are_minutes() -> None:
    figure = only("Users spend 2 hours a day on YouTube.")
    assert (figure.metric, figure.value, figure.unit) == ("time_spent", 120, "minutes")


@pytest.mark.parametrize(
    ("body", "value", "of_metric", "base"),
    [
        ("نمت إيرادات سناب شات بنسبة 12% في 2023 مقارنة بعام 2022.", 12, "revenue", "2022"),
        ("Snapchat's revenue grew 12% in 2023 compared with 2022.", 12, "revenue", "2022"),
        ("Snapchat's daily active users rose 9% year on year in the first quarter of 2024.", 9, "active_users",
         "2023-Q1"),
        ("ارتفعت مبيعات نون بنسبة 20% على أساس سنوي خلال الربع الثاني من 2023.", 20, "gmv", "2022-Q2"),
    ],
)
def test_growth_percent(body: str, value: float, of_metric: str, base: str) -> None:
    figure = only(body)
    assert (figure.metric, figure.value, figure.of_metric, figure.base_period) == (
        "growth_percent", value, of_metric, base)


def test_level_is_not_growth() -> None:
    figure = only("ارتفع معدل التحويل على نون إلى 3%.")
    assert figure.metric == "conversion_rate"


# ---------------------------------------------------------------- qualifiers and kinds


@pytest.mark.parametrize(
    ("body", "qualifier"),
    [
        ("يضم تيك توك نحو 20 مليون مستخدم نشط.", "approx"),
        ("يضم تيك توك حوالي 20 مليون مستخدم نشط.", "approx"),
        ("TikTok has about 20 million active users.", "approx"),
        ("TikTok has nearly 20 million active users.", "approx"),
        ("يضم تيك توك ما يصل إلى 20 مليون مستخدم نشط.", "up_to"),
        ("TikTok has up to 20 million active users.", "up_to"),
        ("يضم تيك توك أكثر من 20 مليون مستخدم نشط.", "more_than"),
        ("TikTok has over 20 million active users.", "more_than"),
        ("يضم تيك توك أقل من 20 مليون مستخدم نشط.", "less_than"),
        ("TikTok has fewer than 20 million active users.", "less_than"),
        ("TikTok has at least 20 million active users.", "at_least"),
        ("يضم تيك توك ما لا يقل عن 20 مليون مستخدم نشط.", "at_least"),
        ("تجاوز عدد مستخدمي تيك توك النشطين 20 مليون مستخدم.", "more_than"),
    ],
)
def test_qualifiers(body: str, qualifier: str) -> None:
    assert only(body).qualifier == qualifier


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("تستهدف نون أن تبلغ مبيعاتها 5 مليارات درهم في 2025.", "target"),
        ("Noon aims to reach GMV of AED 5bn in 2025.", "target"),
        ("Noon wants its GMV in Egypt to hit EGP 20bn by 2026.", "target"),
        ("من المتوقع أن تبلغ مبيعات نون 5 مليارات درهم في 2025.", "forecast"),
        ("Analysts expect Noon's GMV to hit AED 5bn in 2025.", "forecast"),
        ("بلغت مبيعات نون 5 مليارات درهم في 2023.", "actual"),
    ],
)
def test_kinds(body: str, kind: str) -> None:
    assert only(body).kind == kind


# ---------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("body", "period"),
    [
        ("بلغت إيرادات ميتا 40 مليار دولار في الربع الرابع من 2023.", "2023-Q4"),
        ("Meta's revenue was $40bn in Q4 2023.", "2023-Q4"),
        ("Meta's revenue was $40bn in the fourth quarter of 2023.", "2023-Q4"),
        ("بلغت إيرادات ميتا 40 مليار دولار العام الماضي.", "2023"),
        ("Meta's revenue was $40bn last year.", "2023"),
        ("بلغت إيرادات ميتا 40 مليار دولار هذا العام.", "2024"),
        ("Meta's revenue was $40bn this quarter.", "2024-Q2"),
        ("بلغت إيرادات ميتا 40 مليار دولار خلال 2022.", "2022"),
    ],
)
def test_periods(body: str, period: str) -> None:
    assert only(body).period == period


def test_same_period_back_reference() -> None:
    figures = run("بلغت إيرادات ميتا 40 مليار دولار في الربع الرابع من 2023. "
                  "وبلغ عدد مستخدميها النشطين 3 مليارات مستخدم في الربع ذاته.")
    assert [f.period for f in figures] == ["2023-Q4", "2023-Q4"]


def test_launch_year_is_not_a_period() -> None:
    assert only("يبلغ متوسط قيمة الطلب على نون 200 درهم، علما بأنها انطلقت عام 2017.").period is None


# ---------------------------------------------------------------- regions


@pytest.mark.parametrize(
    ("body", "region"),
    [
        ("يضم سناب شات 20 مليون مستخدم نشط في السعودية.", "SA"),
        ("يضم سناب شات 20 مليون مستخدم نشط سعودي.", "SA"),
        ("Snapchat has 20 million active users in Saudi Arabia.", "SA"),
        ("يضم تيك توك 20 مليون مستخدم نشط في مصر.", "EG"),
        ("TikTok has 20 million active users in Egypt.", "EG"),
        ("يضم تيك توك مليار مستخدم نشط على مستوى العالم.", "global"),
        ("TikTok has 1 billion active users worldwide.", "global"),
        ("Shopee has 300 million active users in Southeast Asia.", "SEA"),
        ("يضم شوبي 300 مليون مستخدم نشط في جنوب شرق آسيا.", "SEA"),
        ("يضم إنستغرام 200 مليون مستخدم نشط في الشرق الأوسط وشمال أفريقيا.", "MENA"),
        ("Temu has 90 million active users in the European Union.", "EU"),
        ("Temu has 90 million active users in the UK.", "GB"),
        ("يضم تيمو 10 ملايين مستخدم نشط في الإمارات.", "AE"),
        ("Tokopedia has 100 million active users in Indonesia.", "ID"),
    ],
)
def test_regions(body: str, region: str) -> None:
    assert only(body).region == region


def test_headquarters_is_not_a_region() -> None:
    figure = only("بلغ معدل التحويل على تيك توك 2%، بحسب شركة «ريد سير» (RedSeer) ومقرها دبي.")
    assert figure.region is None


# ---------------------------------------------------------------- sources


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("بلغت مبيعات تيمو 5 مليارات دولار، وفقاً لبيانات «ستاتيستا».", "Statista"),
        ("بلغت مبيعات تيمو 5 مليارات دولار، بحسب شركة «داتا سايت» (DataSight).", "DataSight"),
        ("بلغت مبيعات تيمو 5 مليارات دولار، وفق «رويترز».", "Reuters"),
        ("Temu's GMV was $5bn, according to Sensor Tower.", "Sensor Tower"),
        ("Temu's GMV was $5bn, according to data from Acme Research.", "Acme Research"),
        ("Temu's GMV was $5bn, Acme Research said.", "Acme Research"),
        ("وقالت «نون» إن مبيعاتها بلغت 5 مليارات درهم.", "Noon"),
        ("Noon said its GMV reached AED 5bn.", "Noon"),
    ],
)
def test_sources(body: str, source: str) -> None:
    assert only(body).source == source


def test_unnamed_sources_credit_nobody() -> None:
    assert only("وذكرت مصادر أن مبيعات تيمو بلغت 5 مليارات دولار.").source is None


def test_same_study_carries_source() -> None:
    figures = run("بلغ معدل التحويل على تيك توك 2%، بحسب دراسة «كانتار». "
                  "وبحسب الدراسة ذاتها، بلغ معدل التفاعل على التطبيق 5%.")
    assert [(f.metric, f.source) for f in figures] == [("conversion_rate", "Kantar"), ("engagement_rate", "Kantar")]


# ---------------------------------------------------------------- back-references


@pytest.mark.parametrize(
    "body",
    [
        "أطلقت تيك توك متجرها في مصر. ويبلغ معدل التحويل هناك 1.5%.",
        "أطلقت تيك توك متجرها في مصر. ويبلغ معدل التحويل على المنصة 1.5%.",
        "أطلقت تيك توك متجرها في مصر. ويبلغ معدل التحويل على التطبيق 1.5%.",
        "TikTok opened its shop in Egypt. The app's conversion rate is 1.5%.",
        "TikTok opened its shop in Egypt. The conversion rate there is 1.5%.",
        "TikTok opened its shop in Egypt. The platform's conversion rate is 1.5%.",
    ],
)
def test_back_references(body: str) -> None:
    assert only(body).platform == "tiktok"


def test_latter() -> None:
    figure = only("تتنافس أمازون مع نون، وتبلغ حصة الأخيرة 20%.")
    assert figure.platform == "noon"


def test_comparison_clause_takes_its_own_platform() -> None:
    figures = run("Instagram's engagement rate was 1.1%, against 0.4% for Facebook.")
    assert [(f.platform, f.value) for f in figures] == [("instagram", 1.1), ("facebook", 0.4)]


# ---------------------------------------------------------------- rejections


@pytest.mark.parametrize(
    "body",
    [
        "تأسست نون عام 2017 في دبي.",  # a year
        "قالت سارة، وهي في الرابعة والعشرين من عمرها، إنها تتسوق عبر تيك توك.",  # an age
        "اشترت حقيبة عبر تيك توك بسعر 300 جنيه.",  # a price of one product
        "Its cheapest dress on Shein sells for £4.99.",
        "يعمل لدى نون نحو 9 آلاف موظف.",  # employees
        "Amazon employs 1.5 million people.",
        "للاستفسار اتصل بنون على الرقم 8006666.",  # phone number
        "بلغ معدل التضخم في مصر 35% بينما يتوسع تيك توك.",  # inflation
        "TikTok's shares rose 9% on the day.",
        "يستمر نجاح تيك توك منذ أكثر من أربعة عشر عاما.",  # a duration
        "Shein was valued at $66bn in its last funding round.",
        "رفع البنك المركزي الفائدة 100 نقطة أساس بينما توسع تيك توك.",
    ],
)
def test_rejections(body: str) -> None:
    assert run(body) == []


def test_market_figures_without_a_platform_are_dropped() -> None:
    assert run("ستصل مبيعات التجارة عبر البث المباشر في الولايات المتحدة إلى 68 مليار دولار.") == []


def test_dedup_of_repeated_paragraph() -> None:
    paragraph = "بلغ معدل التحويل على تيك توك 1.85%، بحسب «كانتار».\n"
    assert len(run(paragraph * 3)) == 1


def test_a_list_items_figure_standing_alone_before_what_it_measures() -> None:
    body = ("Three numbers from Jumia's year.\n\n1. $310 million. Gross merchandise value in Egypt in 2024, Jumia "
            "said.\n\n2. 14%. The growth in that GMV on 2023.\n\n3. 2.1 million. Active buyers in Egypt in 2024.")
    figures = run(body)
    assert [(f.metric, f.value) for f in figures] == [
        ("gmv", 3.1e8), ("growth_percent", 14), ("active_users", 2.1e6)]


def test_a_sentence_opening_with_a_growth_word_continues_the_figure_before() -> None:
    figures = run("Noon did $900 million of GMV in Saudi Arabia in 2024, per its filing. Up 18% on 2023. "
                  "Amazon is catching up.")
    assert [(f.platform, f.metric, f.base_period) for f in figures] == [
        ("noon", "gmv", None), ("noon", "growth_percent", "2023")]


def test_a_notes_heading_names_what_the_next_sentence_measures() -> None:
    body = ("Harbor Equity | Retail | Note. Etsy's quarter was fine.\n"
            "GMV. $2.9 billion, slightly above our $2.8 billion estimate.\nBuyers. 89 million, flat.")
    figures = run(body)
    assert [(f.metric, f.value, f.kind) for f in figures] == [
        ("gmv", 2.9e9, "actual"), ("gmv", 2.8e9, "forecast"), ("active_users", 8.9e7, "actual")]
