"""The architecture picture is a text source checked against the topics the code declares."""

from __future__ import annotations

import re
from pathlib import Path

from streams.settings import Settings
from streams.topics import topic_names

DOC = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"


def diagram() -> str:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(r"```mermaid\n(.*?)```", text, re.S)
    assert match, "docs/architecture.md has no mermaid diagram"
    return match.group(1)


def test_every_declared_topic_is_drawn_and_every_drawn_topic_is_declared() -> None:
    drawn = set(re.findall(r"\[\(([^)]+)\)\]", diagram()))
    declared = set(topic_names(Settings(topic_prefix="", app_id="souq-signals")).all())
    assert drawn == declared


def test_the_documented_metrics_are_the_ones_the_worker_exports() -> None:
    from streams.telemetry import Telemetry

    documented = set(re.findall(r"^\| `(souq_[a-z_]+)`", (DOC.parent / "metrics.md").read_text(), re.M))
    exported = {metric.name for metric in Telemetry().registry.collect()}
    counters = {m.name for m in Telemetry().registry.collect() if m.type == "counter"}
    exported = {f"{name}_total" if name in counters else name for name in exported}
    assert documented == exported
