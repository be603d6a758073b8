"""The worker's app: the shared pipeline with every stage registered on it, in the order of the flow."""

from __future__ import annotations

import logging

from streams.agents import articles, windows_stage
from streams.health import register_health
from streams.pipeline import Pipeline, build_pipeline
from streams.settings import Settings
from streams.web.views import register_views


def create_app(settings: Settings) -> Pipeline:
    """Build the app: articles → signals, metric updates and signals → windows; views and health. Starts nothing."""
    pipeline = build_pipeline(settings)
    articles.register(pipeline)
    windows_stage.register(pipeline)
    register_views(pipeline)
    register_health(pipeline)
    return pipeline


def quiet_root_logger(level: str) -> None:
    """Faust's spinner sets the root logger to DEBUG at `-l warn`: ~20% lost on busy paths."""
    logging.getLogger().setLevel(getattr(logging, level.upper(), logging.INFO))
