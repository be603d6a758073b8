"""Shared helpers for the extraction tests."""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest

from streams.extraction import ExtractedFigure, extract_figures

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"
PUBLISHED = datetime(2024, 5, 1, tzinfo=UTC)


def run(body: str, published: datetime | None = PUBLISHED, title: str | None = None) -> list[ExtractedFigure]:
    return extract_figures(body, published_at=published, title=title)


def only(body: str, published: datetime | None = PUBLISHED) -> ExtractedFigure:
    """The single figure a body must yield."""
    figures = run(body, published)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    path = SHARED / "tools" / "score_extraction.py"
    if not path.exists():
        pytest.skip(f"shared scorer not found at {path} (the shared folder is absent on this machine)")
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
