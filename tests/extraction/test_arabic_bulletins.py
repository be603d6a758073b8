"""Constructions of Arabic bulletins, encyclopedia leads and newsletters generalised after diagnosing
tune5's Arabic articles: defined names, research houses in quotes, number words with a preposition,
ad-pricing terms, events in quotes.

Every sentence is written for these tests (other platforms, numbers and wording than tune5), in English
too where the construction exists in both.
"""

# Alike in shape on purpose (`duplicates` lists them as shape boilerplate): each test is one sentence
# and what it must yield, so a failure names the one construction that broke.
from __future__ import annotations

import pytest

from streams.extraction.hijri import gregorian_year

from .conftest import only, run

# ---------------------------------------------------------------- names


def test_an_encyclopedia_lead_defines_a_platform_by_its_english_name() -> None:
    figure = only("سوق ركن (بالإنجليزية: Rukn Market) منصة أردنية للتجارة الإلكترونية، وبلغ عدد مستخدميها "
                  "النشطين نحو 350 ألف مستخدم في 2023.")
    assert (figure.platform, figure.metric, figure.value) == ("rukn_market", "active_users", 350000.0)


def test_an_english_gloss_without_a_kind_noun_after_it_defines_nothing() -> None:
    figures = run("قال سالم الكندي (بالإنجليزية: Salem Alkindi) إن مبيعات «نون» بلغت 40 مليون درهم في 2023.")
    assert {f.platform for f in figures} == {"noon"}


def test_a_quoted_research_house_introduced_as_a_firm_is_no_platform() -> None:
    figures = run("تقدّر شركة «سنبلة للأبحاث» (Sunbula Research) أن عدد مستخدمي «شي إن» في الكويت تجاوز "
                  "مليوني مستخدم في 2024.")
    assert {f.platform for f in figures} == {"shein"}
    assert {f.source for f in figures} == {"Sunbula Research"}


def test_a_quoted_firm_without_a_research_ending_is_still_a_platform() -> None:
    figure = only("أعلنت شركة «بسطة» أن طلباتها بلغت 800 ألف طلب في 2024.")
    assert (figure.platform, figure.value) == ("bsta", 800000.0)


# ---------------------------------------------------------------- numbers


def test_a_number_word_with_the_preposition_ba_written_on_it() -> None:
    figure = only("قدّرت الشركة مبيعات «شي إن» في الخليج خلال 2024 بسبعة مليارات دولار.")
    assert (figure.value, figure.unit) == (7e9, "USD")


def test_a_word_beginning_with_ba_is_no_number() -> None:
    assert run("بستة أشهر فقط من الإطلاق، توسعت «نون» في الكويت.") == []


def test_ad_pricing_terms_in_latin_letters_are_not_platforms() -> None:
    figures = run("على Pinterest يبدأ سعر الـ CPC من 3 ريالات، والـ CTR نحو 2%.")
    assert all(f.platform == "pinterest" for f in figures)


def test_a_quoted_shopping_event_is_no_platform() -> None:
    figure = only("قالت «أمازون» إن مبيعات «الجمعة الصفراء» في مصر زادت 28% عن العام الماضي.")
    assert (figure.platform, figure.value) == ("amazon", 28.0)


# ---------------------------------------------------------------- whose figures


@pytest.mark.parametrize(
    "body",
    [
        "مبيعاتنا نحن عبر «أمازون» بلغت 3,100 طلب في مارس، وهذا رقم داخلي.",
        "Our own orders through Etsy reached 2,300 in March, an internal number.",
    ],
)
def test_the_writers_own_business_through_a_platform_is_no_signal(body: str) -> None:
    assert run(body) == []


def test_a_platforms_orders_through_its_app_are_still_its_own() -> None:
    figure = only("قالت «نون» إن طلباتها عبر التطبيق بلغت 5 ملايين طلب في 2024.")
    assert (figure.platform, figure.value) == ("noon", 5e6)


def test_one_persons_own_numbers_are_no_signal() -> None:
    assert run("أنا شخصياً أبيع نحو 80 طلباً بالشهر على «أمازون»، ومتوسط الفاتورة عندي 140 ريالاً.") == []


def test_a_spokesman_saying_i_speaks_for_the_platform() -> None:
    figure = only("قال مدير «نون»: أنا فخور بأن طلباتنا تجاوزت 6 ملايين طلب في 2024.")
    assert (figure.platform, figure.value) == ("noon", 6e6)


@pytest.mark.parametrize(
    "body",
    [
        "قالت «جي دي» إن إيرادات «جينغدونغ» نمت بنسبة 6% في الربع الثاني من 2024، فيما أعلنت برنامج إعادة شراء "
        "أسهم بقيمة 3 مليارات دولار.",
        "JD said revenue at Jingdong grew 6% in the second quarter of 2024, while it announced a share buyback "
        "of $3 billion.",
    ],
)
def test_a_buyback_after_a_growth_figure_is_not_the_level_of_what_grew(body: str) -> None:
    assert [(f.metric, f.value) for f in run(body)] == [("growth_percent", 6.0)]


@pytest.mark.parametrize(
    "body",
    [
        "قالت «أمازون» إن إيراداتها الإعلانية نمت 18% إلى 14 مليار دولار في 2024.",
        "Amazon said its ad revenue grew 18% to $14 billion in 2024.",
    ],
)
def test_the_amount_a_growth_figure_reached_is_still_its_level(body: str) -> None:
    assert {(f.metric, f.value) for f in run(body)} == {("growth_percent", 18.0), ("revenue", 14e9)}


# ---------------------------------------------------------------- transcripts

_SPACE = ("[تفريغ لبث صوتي على منصة يوتيوب]\n\n"
          "سلمى (المذيعة): أهلاً بكم، معنا خالد العتيبي من «مدار للاستشارات». كم تبيع «شي إن» في الكويت؟\n\n"
          "خالد العتيبي (مدار للاستشارات): تقديراتنا أن مبيعات «شي إن» في الكويت بلغت 300 مليون دينار في 2024. "
          "وعدد مستخدميها النشطين هناك أكثر من 900 ألف مستخدم.\n\n"
          "سلمى: وماذا عن المنافسين؟\n\n"
          "متصل (ناصر): أنا أبيع ملابس على «شي إن» منذ 2020.\n\n"
          "خالد: الأهم أن حصة «شي إن» من سوق الأزياء الإلكترونية في الكويت تقارب 35%.")


def test_an_arabic_transcripts_labelled_turns_speak_for_the_speakers_firm() -> None:
    figures = run(_SPACE)
    assert {(f.platform, f.metric) for f in figures} == {("shein", "gmv"), ("shein", "active_users"),
                                                        ("shein", "market_share")}
    assert {f.source for f in figures} == {"مدار للاستشارات"}


def test_the_platform_a_broadcast_is_on_is_not_the_one_it_talks_about() -> None:
    assert all(f.platform != "youtube" for f in run(_SPACE))


# ---------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    "body",
    [
        "تراوح معدل التحويل على «إنستغرام» في الأردن ما بين 2.5 و4% خلال 2024.",
        "Conversion on Instagram in Jordan ranged between 2.5 and 4% in 2024.",
    ],
)
def test_a_range_between_two_figures_is_a_lower_and_an_upper_bound(body: str) -> None:
    assert sorted((f.value, f.qualifier, f.unit) for f in run(body)) == [(2.5, "at_least", "percent"),
                                                                        (4.0, "up_to", "percent")]


def test_two_figures_joined_by_and_without_between_are_no_range() -> None:
    figures = run("بلغ معدل التحويل على «إنستغرام» 2.5% و على «سناب شات» 4% خلال 2024.")
    assert {f.qualifier for f in figures} == {"exact"}


# ---------------------------------------------------------------- shares and categories


def test_a_masculine_verb_of_taking_a_share_of_ad_spend() -> None:
    figure = only("قالت الشركة إن «يوتيوب» استحوذ على 22% من الإنفاق الإعلاني في الكويت خلال 2024.")
    assert (figure.platform, figure.metric, figure.value) == ("youtube", "market_share", 22.0)


def test_the_ad_spend_of_the_whole_market_is_still_no_platforms_figure() -> None:
    assert run("بلغ الإنفاق الإعلاني في الكويت 90 مليون دينار خلال 2024.") == []


@pytest.mark.parametrize(
    "body",
    [
        "قالت «نون» إن مبيعات فئة الأجهزة المنزلية لديها ارتفعت 45% خلال موسم التخفيضات.",
        "وتضاعفت طلبات قسم الألعاب على «نون» أربع مرات خلال الصيف.",
    ],
)
def test_one_categorys_sales_are_no_platform_figure(body: str) -> None:
    assert run(body) == []


def test_a_platforms_own_sales_beside_a_category_word_elsewhere() -> None:
    figure = only("قالت «نون» إن مبيعاتها ارتفعت 45% خلال 2024، وإن الأجهزة المنزلية أكبر فئة لديها.")
    assert (figure.platform, figure.metric, figure.value) == ("noon", "growth_percent", 45.0)


def test_an_english_noun_counted_in_arabic_is_in_the_singular() -> None:
    figure = only("على TikTok، أكثر من 5 آلاف brand في الكويت تستخدم أدوات البيع داخل التطبيق.")
    assert (figure.platform, figure.metric, figure.value) == ("tiktok", "sellers", 5000.0)


def test_a_brand_with_followers_is_no_count_of_sellers() -> None:
    assert run("A brand with 2 million followers on TikTok joined the programme.") == []


# ---------------------------------------------------------------- Hijri dates


@pytest.mark.parametrize(
    ("hijri", "month", "gregorian"),
    [(1446, 9, 2025), (1445, 9, 2024), (1446, 1, 2024), (1446, 12, 2025), (1400, 1, 1979), (1420, None, 1999)],
)
def test_a_hijri_month_and_year_fall_in_one_gregorian_year(hijri: int, month: int | None, gregorian: int) -> None:
    assert gregorian_year(hijri, month) == gregorian


def test_a_figure_dated_by_a_hijri_season_and_compared_with_the_last_one() -> None:
    figure = only("قالت «نون» إن مبيعاتها ارتفعت 22% خلال شوال 1445هـ مقارنة بشوال 1444هـ.")
    assert (figure.period, figure.base_period) == ("2024", "2023")


def test_a_four_digit_number_before_ha_that_is_no_hijri_year_is_not_read_as_one() -> None:
    figure = only("قالت «نون» إن مبيعاتها بلغت 1450 مليون ريال في 2024.")
    assert (figure.period, figure.value) == ("2024", 1450e6)


def test_a_turns_firm_written_out_takes_the_latin_name_the_text_glossed_its_short_name_with() -> None:
    body = _SPACE.replace("معنا خالد العتيبي من «مدار للاستشارات».", "معنا خالد العتيبي من «مدار» (Madar Consulting).")
    assert {f.source for f in run(body)} == {"Madar Consulting"}


def test_a_gloss_of_another_name_is_not_taken_for_the_turns_firm() -> None:
    body = _SPACE.replace("معنا خالد العتيبي من «مدار للاستشارات».", "معنا خالد العتيبي، وتابعوا «مرصد» (Marsad Data).")
    assert {f.source for f in run(body)} == {"مدار للاستشارات"}


def test_the_firm_that_prepared_a_note_is_credited_with_its_figures() -> None:
    body = ("أصدرت شركة «سراج» (Siraj Analytics) هذا التقرير عن التسوق في قطر.\n\n"
            "بلغ معدل التحويل على «إنستغرام» 2.4% في 2024.")
    assert only(body).source == "Siraj Analytics"


def test_a_firm_that_prepared_something_else_is_not_the_notes_author() -> None:
    body = ("أصدرت شركة «سراج» (Siraj Analytics) تطبيقاً جديداً للتجار.\n\nقالت «نون» إن معدل التحويل لديها بلغ "
            "2.4% في 2024.")
    assert only(body).source == "Noon"


def test_an_opening_paragraph_dated_by_a_hijri_season_dates_the_articles_figures() -> None:
    body = ("مع نهاية موسم عيد الفطر 1445هـ، تكشف المنصات حصيلتها في الإمارات.\n\n"
            "وقالت «نون» إن متوسط قيمة الطلب لديها بلغ 90 درهماً خلال أيام العيد.")
    assert only(body).period == "2024"


def test_an_opening_paragraph_naming_two_hijri_years_dates_nothing() -> None:
    body = ("نقارن في هذا الملخص بين رمضان 1444هـ ورمضان 1445هـ في الإمارات.\n\n"
            "وقالت «نون» إن متوسط قيمة الطلب لديها بلغ 90 درهماً خلال الشهر.")
    assert only(body).period is None


def test_the_one_place_a_notes_opening_reports_on_places_its_figures() -> None:
    body = ("تعرض هذه النشرة نتائج حملاتنا على المنصات الاجتماعية في البحرين.\n\n"
            "بلغ معدل التحويل على «سناب شات» 2.7% في 2024.")
    assert only(body).region == "BH"


def test_a_place_in_an_opening_that_does_not_say_what_the_note_is_places_nothing() -> None:
    body = ("لم يعد المتسوقون في البحرين ينتظرون مواسم التخفيضات.\n\n"
            "بلغ معدل التحويل على «سناب شات» 2.7% في 2024.")
    assert only(body).region is None


# ---------------------------------------------------------------- spoken dates


@pytest.mark.parametrize(
    ("body", "period"),
    [
        ("نتوقع إن معدل التحويل على «سناب شات» في قطر يوصل 3% السنة الجاية.", "2025"),
        ("معدل التحويل على «سناب شات» في قطر كان 3% السنة اللي فاتت.", "2023"),
        ("معدل التحويل على «سناب شات» في قطر 3% هالسنة.", "2024"),
    ],
)
def test_spoken_relative_years(body: str, period: str) -> None:
    assert only(body).period == period


def test_the_one_period_a_notes_opening_says_it_covers_dates_its_figures() -> None:
    body = ("هذه أرقامنا للنصف الثاني من 2024 عن متاجر عملائنا في البحرين.\n\n"
            "بلغ معدل التحويل على «سناب شات» 2.7%.")
    figure = only(body)
    assert (figure.period, figure.region) == ("2024", "BH")


def test_an_opening_that_does_not_say_what_the_note_is_dates_nothing() -> None:
    body = ("توسعت المتاجر في البحرين خلال النصف الثاني من 2024.\n\n"
            "بلغ معدل التحويل على «سناب شات» 2.7%.")
    assert only(body).period is None


def test_in_the_country_refers_back_to_the_country_named_last() -> None:
    body = "توسعت «نون» في الإمارات خلال 2024. وبلغت حصتها من سوق التجارة الإلكترونية في الدولة نحو 21% في 2024."
    assert only(body).region == "AE"


def test_the_state_as_a_government_places_nothing() -> None:
    figure = only("قالت «نون» إن طلباتها بلغت 3 ملايين طلب في 2024 رغم دعم الدولة للمتاجر المحلية.")
    assert figure.region is None


@pytest.mark.parametrize(
    "body",
    [
        "تتصدر مصر مبيعات «جوميا». وارتفعت حصة «جوميا» في المنطقة إلى 19% في 2024.",
        "Egypt leads Jumia's sales. Jumia's share in the region rose to 19% in 2024.",
    ],
)
def test_the_region_never_refers_back_to_one_country(body: str) -> None:
    assert only(body).region is None


@pytest.mark.parametrize(
    "body",
    [
        "تنمو التجارة الإلكترونية في جنوب شرق آسيا. وارتفعت حصة «لازادا» في المنطقة إلى 19% في 2024.",
        "E-commerce grows in Southeast Asia. Lazada's share in the region rose to 19% in 2024.",
    ],
)
def test_the_region_refers_back_to_a_region_of_several_countries(body: str) -> None:
    assert only(body).region == "SEA"


def test_a_glossed_firm_written_later_without_quotes_is_still_credited() -> None:
    body = ("نشرت «بصيرة داتا» (Basira Data) دراسة عن التسوق في الأردن.\n\n"
            "وبحسب دراسة بصيرة داتا، بلغ معدل التحويل على «إنستغرام» في الأردن 2.2% في 2024.")
    assert only(body).source == "Basira Data"


def test_a_glossed_name_inside_a_longer_word_is_not_credited() -> None:
    body = ("نشرت «بصيرة داتا» (Basira Data) دراسة عن التسوق في الأردن.\n\n"
            "قالت «نون» إن معدل التحويل لديها في الأردن بلغ 2.2% في 2024.")
    assert only(body).source == "Noon"


def test_a_holding_glossed_with_an_owner_the_lexicon_knows_is_no_new_platform() -> None:
    figures = run("تملك «بي دي دي القابضة» (PDD Holdings) تطبيق «تيمو». وبلغ عدد مستخدمي «تيمو» في الكويت "
                  "نحو 800 ألف مستخدم في 2024.")
    assert {f.platform for f in figures} == {"temu"}
    assert "bi_di_di" not in {f.platform for f in run("أعلنت «بي دي دي القابضة» (PDD Holdings) إيرادات بلغت 30 "
                                                    "مليار دولار في 2024.")}
