"""The agents, in the order of the flow: articles and metric updates → signals → windows."""

from __future__ import annotations

from streams.agents import articles, metric_updates, windows
from streams.app import Pipeline


def register_agents(pipeline: Pipeline) -> windows.WindowWorker:
    articles.register(pipeline)
    metric_updates.register(pipeline)
    return windows.register(pipeline)
