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
