"""The closed vocabularies of the signal contract (shared/spec/signals.md).

One place knows which metrics exist, which of them are counters, which unit each takes,
and which qualifiers, kinds and regions a signal may carry; models and the window engine
both read from here so that a new metric is added once.
"""

from __future__ import annotations

import re
from typing import Final, Literal

KNOWN_PLATFORMS: Final = frozenset(
    {
        "tiktok",
        "facebook",
        "instagram",
        "meta",
        "snapchat",
        "x",
        "youtube",
        "pinterest",
        "whatsapp",
        "amazon",
        "shopee",
        "lazada",
        "tokopedia",
        "temu",
        "shein",
        "noon",
        "qvc",
        "kuaishou",
        "douyin",
        "taobao",
        "alibaba",
    }
)
"""Platforms named by the contract; unknown ones are accepted as lower-case Latin slugs."""

PLATFORM_SLUG: Final = re.compile(r"^[a-z0-9][a-z0-9_]{0,63}$")

COUNTER_METRICS: Final = frozenset({"sessions", "orders", "gmv", "revenue"})
"""Metrics whose metric updates are increments that add up within a window."""

MetricUnitKind = Literal["percent", "currency", "users", "multiple", "count", "minutes"]

METRIC_UNITS: Final[dict[str, MetricUnitKind]] = {
    "conversion_rate": "percent",
    "gmv": "currency",
    "active_users": "users",
    "growth_multiple": "multiple",
    "growth_percent": "percent",
    "revenue": "currency",
    "market_share": "percent",
    "average_order_value": "currency",
    "engagement_rate": "percent",
    "time_spent": "minutes",
    "sellers": "count",
    "orders": "count",
    "sessions": "count",
}

BOUNDED_PERCENT_METRICS: Final = frozenset({"conversion_rate", "engagement_rate", "market_share"})
"""Shares of a whole: a value outside 0..100 is a producer bug, not a figure."""

DERIVED_METRICS: Final = frozenset({"conversion_rate", "average_order_value"})
"""Ratios a window derives from its counters (ratio of sums, never mean of ratios)."""

NON_MONEY_UNITS: Final = frozenset({"percent", "users", "multiple", "count", "years", "minutes"})

# ISO 4217 active codes (2024 list). A currency outside it is rejected at the boundary.
ISO_4217: Final = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD
    CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ
    GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR
    LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN
    PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB
    TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
    """.split()  # noqa: SIM905 (a table is easier to read than a list)
)

QUALIFIERS: Final = ("exact", "approx", "up_to", "more_than", "less_than", "at_least")
KINDS: Final = ("actual", "target", "forecast")

Qualifier = Literal["exact", "approx", "up_to", "more_than", "less_than", "at_least"]
Kind = Literal["actual", "target", "forecast"]

REGION_GROUPS: Final = frozenset({"global", "SEA", "MENA", "EU"})
REGION_CODE: Final = re.compile(r"^[A-Z]{2}$")
PERIOD: Final = re.compile(r"^(19|20)\d\d(-Q[1-4])?$")


def metric_kind(metric: str) -> Literal["counter", "gauge"]:
    """Counters add up within a window; everything else is a point observation."""
    return "counter" if metric in COUNTER_METRICS else "gauge"


def unit_matches(metric: str, unit: str) -> bool:
    """True when `unit` is the unit the contract gives `metric` (any ISO 4217 code for money)."""
    expected = METRIC_UNITS[metric]
    if expected == "currency":
        return unit in ISO_4217
    return unit == expected
