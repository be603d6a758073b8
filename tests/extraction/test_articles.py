"""Whole articles written for these tests (not from the seed or dev sets), both languages."""

# ruff: noqa: E501  (article prose is kept one paragraph a line)

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import detect_language, extract_figures, figures_to_scorer_lines

AR = """أعلنت شركة «جوميا» (Jumia) توسيع خدماتها في مصر.
وبحسب تقرير لمؤسسة «ستاتيستا»، تستحوذ «أمازون» على نحو 35% من سوق التجارة الإلكترونية في السعودية، مقابل 18% لـ«نون».
وتسعى «نون» إلى رفع عدد البائعين على منصتها إلى 100 ألف بائع بحلول نهاية العام المقبل، علماً بأنها تأسست عام 2016 ويعمل لديها 7 آلاف موظف.
من جهة أخرى، قالت «تيك توك» إن مستخدميها في الإمارات يقضون ما معدله 95 دقيقة يومياً على التطبيق، وإن قيمة المبيعات عبر متجرها هناك ارتفعت بنسبة 140% على أساس سنوي في الربع الأول من 2024.
ويبلغ سعر الاشتراك الشهري في الخدمة 15 درهماً."""

EN = """Mercado Libre said on Thursday that its gross merchandise volume rose 21% year on year to $12.6bn in the third quarter of 2024.
In Brazil, the company's largest market, GMV grew roughly 25%, according to its earnings release. The marketplace employs more than 58,000 people.
Separately, eMarketer estimates that TikTok Shop will generate about $17.5bn in US sales next year. Its average order value in the country is around $38, the research firm added.
YouTube, meanwhile, counts over 2.5 billion monthly active users globally, Alphabet said in its annual report."""

FIELDS = ("platform", "metric", "value", "unit", "qualifier", "kind", "period", "region", "source", "base_period")


def _rows(body: str, published: datetime) -> list[tuple[object, ...]]:
    return [tuple(getattr(f, name) for name in FIELDS) for f in extract_figures(body, published_at=published)]


def test_arabic_article() -> None:
    assert _rows(AR, datetime(2024, 6, 20, tzinfo=UTC)) == [
        ("amazon", "market_share", 35.0, "percent", "approx", "actual", None, "SA", "Statista", None),
        ("noon", "market_share", 18.0, "percent", "exact", "actual", None, "SA", "Statista", None),
        ("noon", "sellers", 100000.0, "count", "exact", "target", "2025", None, None, None),
        ("tiktok", "time_spent", 95.0, "minutes", "exact", "actual", None, "AE", "TikTok", None),
        ("tiktok", "growth_percent", 140.0, "percent", "exact", "actual", "2024-Q1", "AE", "TikTok", "2023-Q1"),
    ]


def test_english_article() -> None:
    assert _rows(EN, datetime(2024, 11, 5, tzinfo=UTC)) == [
        ("mercado_libre", "growth_percent", 21.0, "percent", "exact", "actual", "2024-Q3", None, "Mercado Libre",
         "2023-Q3"),
        ("mercado_libre", "gmv", 12.6e9, "USD", "exact", "actual", "2024-Q3", None, "Mercado Libre", None),
        ("mercado_libre", "growth_percent", 25.0, "percent", "approx", "actual", None, "BR", "Mercado Libre", None),
        ("tiktok", "gmv", 17.5e9, "USD", "approx", "forecast", "2025", "US", "eMarketer", None),
        ("tiktok", "average_order_value", 38.0, "USD", "approx", "actual", None, "US", "eMarketer", None),
        ("youtube", "active_users", 2.5e9, "users", "more_than", "actual", None, "global", "Alphabet", None),
    ]


def test_scorer_lines_and_language() -> None:
    figures = extract_figures(EN, published_at=datetime(2024, 11, 5, tzinfo=UTC))
    lines = figures_to_scorer_lines("a-1", figures)
    assert len(lines) == len(figures)
    assert all(line["article_id"] == "a-1" and "value" in line and "of_metric" in line for line in lines)
    assert detect_language(EN) == "en" and detect_language(AR) == "ar"


def test_output_is_deterministic_and_ordered() -> None:
    first = extract_figures(AR + "\n" + EN)
    assert first == extract_figures(AR + "\n" + EN)
    assert [f.span for f in first] == sorted(f.span for f in first)
