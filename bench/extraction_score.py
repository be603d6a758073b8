"""Score the extractor on a named set and print one Markdown table row.

    python bench/extraction_score.py SET [SET ...] [--header] [--errors] [--attributes] [--out PRED.jsonl]

SET is a name (``seed``, ``dev``: the shared sets; ``heldout_a``, ``tune``, ``tune2``, ``heldout``, ``heldout2``,
``tune3``, ``heldout3``, ``tune4``, ``heldout4``, ``tune5``, ``heldout5``: under
tests/extraction; ``heldout_b``: bench/heldout_b) or the path of a folder holding ``articles.jsonl`` and ``gold.jsonl``.
The shared scorer (``../shared/tools/score_extraction.py``) is the judge: this script only runs
the extractor and hands its lines to the scorer's own ``load`` and ``score``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streams.extraction import extract_figures, figures_to_scorer_lines  # noqa: E402

SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"
NAMED = {
    "seed": SHARED / "data" / "seed",
    "dev": SHARED / "data" / "dev",
    "heldout_a": ROOT / "tests" / "extraction" / "heldout_a",
    "tune": ROOT / "tests" / "extraction" / "sets" / "tune",
    "tune2": ROOT / "tests" / "extraction" / "sets" / "tune2",
    "heldout": ROOT / "tests" / "extraction" / "sets" / "heldout",
    "heldout2": ROOT / "tests" / "extraction" / "sets" / "heldout2",
    "tune3": ROOT / "tests" / "extraction" / "sets" / "tune3",
    "heldout3": ROOT / "tests" / "extraction" / "sets" / "heldout3",
    "tune4": ROOT / "tests" / "extraction" / "sets" / "tune4",
    "heldout4": ROOT / "tests" / "extraction" / "sets" / "heldout4",
    "tune5": ROOT / "tests" / "extraction" / "sets" / "tune5",
    "heldout5": ROOT / "tests" / "extraction" / "sets" / "heldout5",
    "heldout_b": ROOT / "bench" / "heldout_b",
}
ATTRIBUTES = ("qualifier", "kind", "period", "region", "source", "base_period")


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found at {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def set_folder(name: str) -> Path:
    folder = NAMED.get(name, Path(name))
    if not (folder / "articles.jsonl").exists() or not (folder / "gold.jsonl").exists():
        raise SystemExit(f"{folder}: needs articles.jsonl and gold.jsonl")
    return folder


def _when(raw: str | None) -> datetime | None:
    return datetime.fromisoformat(raw.replace("Z", "+00:00")) if raw else None


def read_articles(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(articles: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Scorer lines per article id, the way the worker extracts (title and publication time given)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for article in articles:
        figures = extract_figures(article["body"], title=article.get("title"),
                                  published_at=_when(article.get("published_at")), lang=article.get("lang"))
        out.setdefault(str(article["id"]), []).extend(figures_to_scorer_lines(str(article["id"]), figures))
    return out


def attribute_errors(scorer: ModuleType, gold: dict[str, list[dict[str, Any]]],
                     predicted: dict[str, list[dict[str, Any]]]) -> list[tuple[str, str, str, str, dict[str, Any]]]:
    """(article, attribute, gold value, predicted value, gold signal) for each wrong attribute of a match.

    Matches are paired the way the scorer pairs them (first predicted line that is the same figure).
    """
    out: list[tuple[str, str, str, str, dict[str, Any]]] = []
    for article, gold_signals in gold.items():
        remaining = list(predicted.get(article, []))
        for g in gold_signals:
            hit = next((p for p in remaining if scorer.same_figure(g, p)), None)
            if hit is None:
                continue
            remaining.remove(hit)
            for name in ATTRIBUTES:
                if name in g and scorer._attr(g, name) != scorer._attr(hit, name):
                    out.append((article, name, str(scorer._attr(g, name)), str(scorer._attr(hit, name)), g))
    return out


def markdown_row(label: str, result: dict[str, Any]) -> str:
    attributes = result["attribute_accuracy"]
    cells = [label, str(result["gold"]), str(result["predicted"]), f"{result['precision']:.3f}",
             f"{result['recall']:.3f}", f"{result['f1']:.3f}"]
    cells += [f"{attributes[name]:.3f}" if name in attributes else "–" for name in ATTRIBUTES]
    return "| " + " | ".join(cells) + " |"


HEADER = ("| set | gold | predicted | P | R | F1 | " + " | ".join(ATTRIBUTES) + " |\n"
          + "|---" * (6 + len(ATTRIBUTES)) + "|")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", help="seed, dev, heldout_a, tune, or a folder")
    parser.add_argument("--header", action="store_true", help="print the table header first")
    parser.add_argument("--errors", action="store_true", help="list missed and spurious signals after each row")
    parser.add_argument("--attributes", action="store_true", help="list wrong attributes of matched signals")
    parser.add_argument("--out", type=Path, help="also write the predicted lines (one signal a line)")
    args = parser.parse_args(argv)
    scorer = load_scorer()
    if args.header:
        print(HEADER)
    written: list[dict[str, Any]] = []
    for name in args.sets:
        folder = set_folder(name)
        predicted = predict(read_articles(folder / "articles.jsonl"))
        gold = scorer.load(str(folder / "gold.jsonl"))
        result, errors = scorer.score(gold, predicted)
        print(markdown_row(name, result))
        if args.errors:
            for what, article, signal in errors:
                print(f"    {what:8} {article}: {json.dumps(signal, ensure_ascii=False)}")
        if args.attributes:
            for article, name, want, got, signal in attribute_errors(scorer, gold, predicted):
                figure = f"{signal['platform']} {signal['metric']} {signal['value']:g} {signal['unit']}"
                print(f"    {name:11} {article}: want {want!r} got {got!r}  ({figure})")
        written.extend(line for lines in predicted.values() for line in lines)
    if args.out:
        args.out.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in written),
                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
