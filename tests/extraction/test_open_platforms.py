"""Which platform a figure is about, and where: names outside the lexicon, owners, speakers, regions.

Constructions from the kinds of error seen on articles written by others (issue 14). Every sentence
here was written for these tests, with other platforms, figures and wording than any article of the
sets, one construction per test, in both languages where it exists in both.
"""

# Alike in shape on purpose (`duplicates` lists them as shape boilerplate): each test is one sentence
# and what it must yield, so a failure names the one construction that broke.
from __future__ import annotations

import pytest

from .conftest import only, run


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
        # an appositive whose kind noun is followed by a participle
        ("Lumora, the Cairo fashion app built for young shoppers, said it had 4 million users.", "lumora",
         "active_users"),
    ],
)
def test_platform_recognised_by_how_the_text_uses_it(body: str, slug: str, metric: str) -> None:
    figure = only(body)
    assert (figure.platform, figure.metric) == (slug, metric)


def test_capitals_short_form_of_a_named_platform() -> None:
    figure = only("Harbor Home Network, a TV shopping channel, sells jewellery. "
                  "HHN had 1.2 million active customers in 2024.")
    assert (figure.platform, figure.metric, figure.period) == ("harbor_home_network", "active_users", "2024")


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


@pytest.mark.parametrize(
    "body",
    [
        "Zentro, the Lithuanian resale app, said revenue rose to €610 million in 2023.",
        "Salla, the Saudi platform for merchants, says it hosts more than 60,000 active merchants.",
        "أعلنت مجموعة «علي بابا» الصينية أن إيراداتها بلغت 240 مليار يوان في 2024.",
        "Rival Lumora reported revenue of $300 million in a filing with the U.S. Securities and Exchange Commission.",
        "Jahez said in a filing to the Saudi exchange that its quarterly revenue rose to SAR 700 million.",
    ],
)
def test_a_company_home_is_not_the_figure_region(body: str) -> None:
    assert only(body).region is None


def test_the_same_platform_keeps_the_paragraph_region() -> None:
    figures = run("In Kenya, gross sales on Qorvia rose to about 9 billion shillings last year. "
                  "Qorvia has more than 8,000 third-party sellers, the company said.")
    assert [f.region for f in figures] == ["KE", "KE"]


def test_a_sentence_naming_no_platform_keeps_the_paragraph_region() -> None:
    figures = run("Mercado Libre reported its results on Tuesday.\n"
                  "In Mexico, active buyers reached 21 million. In peso terms, revenue was about MXN 40 billion.")
    assert [(f.metric, f.region) for f in figures] == [("active_users", "MX"), ("revenue", "MX")]


def test_a_list_of_places_is_not_one_region() -> None:
    figure = only("YouTube launched its shopping programme in Saudi Arabia and the UAE, after Alphabet said "
                  "YouTube's ad revenue reached $10 billion.")
    assert figure.region is None


def test_the_kingdom_is_not_the_last_region() -> None:
    figures = run("Noon's basket in the UAE is about 250 dirhams. Noon holds 18% of online fashion sales in the "
                  "kingdom.")
    assert [f.region for f in figures if f.metric == "market_share"] == ["SA"]


def test_a_masculine_possessive_is_the_app_named_last() -> None:
    figure = only("بدأت «بايت دانس» الترويج لتطبيقها Lemon8 بعدما تجاوز عدد مستخدميه 20 مليون مستخدم.")
    assert figure.platform == "lemon8"


def test_growth_of_a_market_total_in_a_continuing_clause() -> None:
    assert run("Sales on the four platforms totalled $3.4 billion in the quarter, up 31% from a year earlier, "
               "Shopee said.") == []


def test_a_capitals_heading_names_the_paragraph_platform() -> None:
    figures = run("Harbor Ridge Securities | Retail | Note.\nJTX. Quarterly revenue came in at $410 million, "
                  "according to the same release.")
    assert [(f.platform, f.metric) for f in figures] == [("jtx", "revenue")]


def test_a_dateline_is_not_a_region() -> None:
    figure = only("NAIROBI, Mar 3 (EAW) - Jumia said its orders rose 9% last year.")
    assert figure.region is None


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


def test_a_list_entry_at_an_amount() -> None:
    figures = run("Kavo led with GMV of $2 billion, followed by Lumora at $800 million and Brindle Live at "
                  "$95 million.")
    assert [(f.platform, f.value) for f in figures] == [("kavo", 2e9), ("lumora", 8e8), ("brindle_live", 9.5e7)]


@pytest.mark.parametrize(
    ("body", "slug"),
    [
        # a lexicon name of two Latin words inside Arabic text
        ("وأعلنت Mercado Libre أن قيمة البضائع المباعة عبر منصتها في الأرجنتين بلغت 900 مليون دولار.", "mercado_libre"),
        # a camel-cased Latin name inside Arabic text
        ("وعالجت منصة iKudo نحو 40 مليون طلب في 2024.", "ikudo"),
    ],
)
def test_latin_names_inside_arabic_text(body: str, slug: str) -> None:
    assert {f.platform for f in run(body)} == {slug}


def test_a_name_coordinated_with_a_known_platform_is_a_platform() -> None:
    figure = only("Etsy and Zellwood are both growing. Zellwood alone did $300 million in revenue in 2024.")
    assert (figure.platform, figure.metric) == ("zellwood", "revenue")


def test_a_sentence_opening_with_the_platform_it_is_about() -> None:
    figures = run('"Our app does well," the Zentro chief said. "On Pinterest, about 3% of our viewers end up buying."')
    assert [(f.platform, f.metric) for f in figures] == [("pinterest", "conversion_rate")]


@pytest.mark.parametrize(
    ("body", "slug"),
    [
        # the speaker says it did something a platform does
        ("Kavo, meanwhile, said it received 30 million orders during the sale.", "kavo"),
        # a group's arm named before the platform's name
        ("Its grocery arm Zembo recorded an average order value of $23 in May.", "zembo"),
    ],
)
def test_platform_named_as_speaker_or_arm(body: str, slug: str) -> None:
    assert only(body).platform == slug


def test_a_release_by_one_platform_keeps_it_for_later_sentences() -> None:
    figures = run("Zembo, the Manila grocery app, said on Monday its orders rose 20% in the first quarter. "
                  "Average order value was about 1,900 pesos in the Philippines, it said.")
    assert [(f.platform, f.metric, f.unit) for f in figures] == [
        ("zembo", "growth_percent", "percent"), ("zembo", "average_order_value", "PHP")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # «أمازون مصر»: the platform and the market it serves
        ("بلغت مبيعات «أمازون الإمارات» نحو 9 مليارات درهم في 2024.", ("amazon", "AE")),
        # a dateline with an agency in brackets is no region
        ("RIYADH (Gulf Wire) - Etsy's sales reached $40 million last year.", ("etsy", None)),
        # stores on a store builder are its merchants
        ("وتجاوز عدد المتاجر على منصة «زد» 12 ألف متجر في 2024.", ("zid", None)),
    ],
)
def test_platform_and_place(body: str, expected: tuple[str, str | None]) -> None:
    figure = only(body)
    assert (figure.platform, figure.region) == expected


def test_a_ranking_of_platforms_by_their_figures() -> None:
    figures = run("In Kenya, Jumia led with about $90 million of sales in 2024, Kilora was second with $40 million and "
                  "Sokomall third at $12 million.")
    assert [(f.platform, f.metric, f.value) for f in figures] == [
        ("jumia", "gmv", 9e7), ("kilora", "gmv", 4e7), ("sokomall", "gmv", 1.2e7)]


def test_a_platform_named_after_what_shoppers_do_on_it() -> None:
    figures = run("About 5.1% of viewers bought on Kilora streams, versus 2.2% on Etsy.")
    assert [(f.platform, f.metric) for f in figures] == [("kilora", "conversion_rate"), ("etsy", "conversion_rate")]


@pytest.mark.parametrize(
    ("body", "slug"),
    [
        ("Ozon's active buyers reached 50 million in 2024.", "ozon"),
        ("Gross merchandise value on Coupang rose 14% in 2024.", "coupang"),
        ("Kaspi.kz had 14 million monthly active users in 2024.", "kaspi"),
    ],
)
def test_well_known_platforms_by_their_latin_names(body: str, slug: str) -> None:
    assert only(body).platform == slug


def test_an_arabic_name_followed_by_its_kind_noun() -> None:
    figure = only("أعلنت «بيتكو»، التطبيق الأسرع نموا في الكويت، أن عدد طلباتها تجاوز 3 ملايين طلب في 2024.")
    assert (figure.platform, figure.metric) == ("bitko", "orders")


def test_a_holding_company_in_quotes_is_its_platforms() -> None:
    figure = only("أعلنت «جاهز القابضة» أن إجمالي قيمة البضائع عبر منصتها في السعودية بلغ 4 مليارات ريال في 2023.")
    assert (figure.platform, figure.metric) == ("jahez", "gmv")


def test_a_country_name_before_a_kind_noun_is_the_market_a_demonym_the_companys_home() -> None:
    assert only("On the Japan marketplace, Mercari's GMV was ¥300 billion in 2024.").region == "JP"
    assert only("The Turkish marketplace Trendyol had GMV of $10 billion in 2024.").region is None


def test_a_company_that_also_said_reports_on_the_app_it_names() -> None:
    figure = only("Alphabet also said YouTube Shorts, its short-video feed, now has 2 billion monthly users.")
    assert (figure.platform, figure.source) == ("youtube", "Alphabet")


def test_worldwide_does_not_carry_to_another_figure_of_a_continuing_clause() -> None:
    figures = run("Alphabet said YouTube has 2.7 billion monthly users worldwide, while Alphabet's daily users "
                  "reached 4 billion in the third quarter.")
    assert [(f.value, f.region) for f in figures] == [(2.7e9, "global"), (4e9, None)]


def test_a_place_in_an_aside_after_the_name_is_not_the_figure_region() -> None:
    figure = only("Allegro (listed, and it pays its taxes in Poland) reported revenue of PLN 11 billion in 2024.")
    assert (figure.metric, figure.region) == ("revenue", None)


def test_the_owner_named_first_is_not_the_topic_of_the_next_sentence() -> None:
    figures = run("Alibaba's South Asian arm Daraz said orders in Pakistan rose 30% in 2024. "
                  "The average basket there is PKR 4,000, the company added.")
    assert {f.platform for f in figures} == {"daraz"}


def test_a_sentence_framing_a_place_without_a_platform_sets_the_next_ones_region() -> None:
    figures = run("Competition in Egypt is getting fierce. Breadfast told investors it handles 40,000 orders a day.")
    assert [(f.platform, f.region) for f in figures] == [("breadfast", "EG")]


def test_a_place_opening_a_publications_name_is_not_the_figure_region() -> None:
    figures = run("Lazada has about 40 million monthly active users, Manila Shopping Ledger reported. "
                  "The number of sellers on the app doubled in 2024, the outlet added.")
    assert [f.region for f in figures] == [None, None]
