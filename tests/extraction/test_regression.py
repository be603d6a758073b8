"""Floors on the shared seed and dev sets, scored by the shared scorer itself."""

from __future__ import annotations

import json
from datetime import datetime
from types import ModuleType
from typing import Any

import pytest

from bench.extraction_score import predict
from streams.extraction import extract_figures

from .conftest import SHARED


def _articles(name: str) -> list[dict[str, Any]]:
    path = SHARED / "data" / name / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found (the shared folder is absent on this machine)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _score(scorer: ModuleType, name: str) -> dict[str, Any]:
    gold = scorer.load(str(SHARED / "data" / name / "gold.jsonl"))
    result, _errors = scorer.score(gold, predict(_articles(name)))
    return dict(result)


def test_seed_is_exact(scorer: ModuleType) -> None:
    result = _score(scorer, "seed")
    assert (result["gold"], result["predicted"], result["matched"]) == (5, 5, 5)
    assert all(value == 1.0 for value in result["attribute_accuracy"].values()), result


def test_dev_floor(scorer: ModuleType) -> None:
    result = _score(scorer, "dev")
    assert result["f1"] >= 0.90, result
    assert all(value >= 0.85 for value in result["attribute_accuracy"].values()), result


def test_seed_spans_point_into_the_original_body() -> None:
    article = _articles("seed")[0]
    body = article["body"]
    for figure in extract_figures(body, published_at=datetime(2023, 9, 15)):
        start, end = figure.span
        assert 0 <= start < end <= len(body)
        assert figure.sentence and body[start:end] in figure.sentence
        assert any(ch.isdigit() for ch in body[start:end]) or figure.unit == "multiple"
        assert 0.0 <= figure.confidence <= 1.0
