"""The docs a newcomer reads are checked against the code and each other: the architecture picture
against the topics the code declares, the metrics reference against what the worker exports, and
every relative link (file and heading) in the README, CONTRIBUTING.md and docs/ against the tree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from streams.settings import Settings
from streams.topics import topic_names

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "architecture.md"
PAGES = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted((REPO / "docs").glob("*.md"))]


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


def anchors(page: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    headings = re.findall(r"^#+ (.+)$", text, re.M)
    return {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(REPO)) for p in PAGES])
def test_every_relative_link_points_at_a_file_and_heading_that_exist(page: Path) -> None:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists() or (anchor and linked.suffix == ".md" and anchor not in anchors(linked)):
            broken.append(target)
    assert not broken


def test_every_doc_is_linked_from_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert [p.name for p in PAGES[2:] if f"](docs/{p.name}" not in readme] == []


def test_the_readme_opens_with_the_two_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)
    assert first_block
    assert [line.split("#")[0].strip() for line in first_block.group(1).splitlines()] == ["make run", "make test"]
