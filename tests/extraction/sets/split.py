"""Split blind writers' articles into a tuning half and a held-back half, per writer, at random.

    python tests/extraction/sets/split.py --seed 20261204-5 --tune tune5 --heldout heldout5 W [W ...]

Each W is a writer's folder (``articles.jsonl`` and ``gold.jsonl``, as the writing brief in
``writers/BRIEF.md`` asks). ``random.Random(f"{seed}-{writer}")`` shuffles the writer's sorted ids and
the first half is held back, so a split is reproduced from its seed and no writer lands wholly on one
side. Run it, score both halves at once (that is the corpus's first contact, recorded in the held-back
half's README before anyone reads the tuning half), and only then tune.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

SETS = Path(__file__).resolve().parent


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_lines(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def split(writers: list[Path], seed: str) -> tuple[list[str], list[str]]:
    """(held-back ids, tuning ids) over all writers."""
    held: list[str] = []
    tune: list[str] = []
    for folder in writers:
        ids = sorted(article["id"] for article in read_lines(folder / "articles.jsonl"))
        random.Random(f"{seed}-{folder.name}").shuffle(ids)
        half = len(ids) // 2
        held += sorted(ids[:half])
        tune += sorted(ids[half:])
    return held, tune


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", required=True)
    parser.add_argument("--tune", required=True, help="name of the tuning set (a folder here)")
    parser.add_argument("--heldout", required=True, help="name of the held-back set (a folder here)")
    parser.add_argument("writers", nargs="+", type=Path)
    args = parser.parse_args()
    articles = {a["id"]: a for folder in args.writers for a in read_lines(folder / "articles.jsonl")}
    gold = {g["id"]: g for folder in args.writers for g in read_lines(folder / "gold.jsonl")}
    held, tune = split(args.writers, args.seed)
    for name, ids in ((args.heldout, held), (args.tune, tune)):
        out = SETS / name
        out.mkdir(exist_ok=True)
        write_lines(out / "articles.jsonl", [articles[i] for i in ids])
        write_lines(out / "gold.jsonl", [gold[i] for i in ids])
        print(f"{name}: {len(ids)} articles, {sum(len(gold[i]['signals']) for i in ids)} gold signals")


if __name__ == "__main__":
    main()
