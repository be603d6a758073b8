"""English constructions seen on the fourth corpus's tuning half (articles written by others).

Every sentence here was written for these tests, with other platforms, figures and wording than any
article of the sets, one construction per test, positive and negative where the construction has both.
"""

# Alike in shape on purpose (`duplicates` lists them as shape boilerplate): each test is one sentence
# and what it must yield, so a failure names the one construction that broke.
from __future__ import annotations

import pytest

from .conftest import only, run


@pytest.mark.parametrize(
    ("body", "unit", "value"),
    [
        ("Sales on Jahez reached SR2.6 billion last year.", "SAR", 2.6e9),
        ("The average order on Talabat in Doha was QR142 in 2024.", "QAR", 142),
        ("Noon's GMV in Bahrain was BD12 million in 2024.", "BHD", 12e6),
        ("The average basket on Lazada's Omani store was RO 11.5.", "OMR", 11.5),
        ("Careem's sales in Kuwait reached KD4m in 2024.", "KWD", 4e6),
        ("Sales on Noon in Dubai reached Dh350 million in 2024.", "AED", 350e6),
    ],
)
def test_gulf_press_currency_prefixes(body: str, unit: str, value: float) -> None:
    figure = only(body)
    assert (figure.unit, figure.value) == (unit, pytest.approx(value))


def test_letters_before_a_count_are_no_currency() -> None:
    assert run("Room SR 40 hosted Lazada's BD 3 sellers.") == []


def test_goods_sold_is_merchandise_value_but_their_cost_is_not() -> None:
    assert only("Lazada said goods sold on its app in Vietnam topped $40 million in 2024.").metric == "gmv"
    assert run("The cost of goods sold rose to $3 million at Lazada.") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Zentro's survey puts the conversion rate of live streams on Shopee, Lazada and Tokopedia at 4.2%, 3.5% "
         "and 2.8% respectively.", [("shopee", 4.2), ("lazada", 3.5), ("tokopedia", 2.8)]),
        ("The market share of Amazon and Noon in the UAE was 31% and 24%, respectively, in 2024.",
         [("amazon", 31), ("noon", 24)]),
        ("وبلغ معدل التحويل على «تيك توك» و«إنستغرام» و«سناب شات» 3.1% و2.2% و1.4% على التوالي.",
         [("tiktok", 3.1), ("instagram", 2.2), ("snapchat", 1.4)]),
    ],
)
def test_respectively_pairs_each_figure_with_the_platform_in_its_place(
        body: str, expected: list[tuple[str, float]]) -> None:
    figures = run(body)
    assert [(f.platform, f.value) for f in figures] == [(p, pytest.approx(v)) for p, v in expected]
    assert len({f.metric for f in figures}) == 1


def test_respectively_places_the_whole_list() -> None:
    figures = run("The conversion rate of Shopee, Lazada and TikTok was 3%, 2% and 5% respectively in Malaysia.")
    assert [f.region for f in figures] == ["MY", "MY", "MY"]


def test_a_list_without_respectively_or_with_a_count_that_does_not_fit_keeps_the_nearest_name() -> None:
    figures = run("The conversion rate on Shopee, Lazada and Tokopedia was 4.2% and 3.5% respectively.")
    assert {f.platform for f in figures} == {"tokopedia"}


@pytest.mark.parametrize(
    "body",
    [
        "Correction: An earlier version of this story said Noon's share of Saudi online fashion was 18%.",
        "This article previously stated that Shopee had 9 million active sellers in Thailand.",
        "تصحيح: ذكرت نسخة سابقة من هذا المقال أن حصة «نون» من سوق الأزياء بلغت 18%.",
    ],
)
def test_the_figure_a_correction_takes_back_is_no_signal(body: str) -> None:
    assert run(body) == []


def test_a_version_that_is_no_article_is_not_a_correction() -> None:
    assert only("The earlier version of the Shopee app had 9 million active sellers in Thailand.").value == 9e6
