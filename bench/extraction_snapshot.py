"""Every field of every figure the extractor finds, to show a refactor changed nothing.

    python bench/extraction_snapshot.py OUT.jsonl [--compare BEFORE.jsonl]

Runs the extractor on the sets one may tune on (seed, dev, heldout_a, tune when present), on
each line of those articles taken alone (a sentence without its article's memory exercises other
paths), on every sentence-like string of the extraction tests and on a hostile body, and writes
one JSON line per figure with its span, sentence and confidence. With ``--compare``, prints the
first differences and exits 1 when there are any.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extraction_score import NAMED, _when, read_articles  # noqa: E402
from bench.hostile_text import hostile  # noqa: E402
from streams.extraction import extract_figures  # noqa: E402

SETS = ("seed", "dev", "heldout_a", "tune")
TESTS = ROOT / "tests" / "extraction"


def test_sentences() -> Iterator[str]:
    """String constants of the extraction tests that could hold a figure."""
    for path in sorted(TESTS.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 12:
                yield node.value


def snapshot() -> Iterator[str]:
    for name in SETS:
        path = NAMED[name] / "articles.jsonl"
        if not path.exists():
            continue
        for article in read_articles(path):
            published = _when(article.get("published_at"))
            inputs = [(article["id"], article["body"], article.get("title"))]
            inputs += [(f"{article['id']}:{n}", line, None) for n, line in enumerate(article["body"].split("\n"))]
            for key, body, title in inputs:
                for figure in extract_figures(body, title=title, published_at=published):
                    yield json.dumps({"input": f"{name}/{key}", **dataclasses.asdict(figure)}, ensure_ascii=False)
    for index, body in enumerate(test_sentences()):
        for figure in extract_figures(body, published_at=_when("2024-05-01T00:00:00Z")):
            yield json.dumps({"input": f"tests/{index}", **dataclasses.asdict(figure)}, ensure_ascii=False)
    for figure in extract_figures(hostile(200_000)):
        yield json.dumps({"input": "hostile", **dataclasses.asdict(figure)}, ensure_ascii=False)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path, help="a snapshot written before the change")
    args = parser.parse_args(argv)
    lines = list(snapshot())
    args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} figures written to {args.out}")
    if args.compare is None:
        return 0
    before = args.compare.read_text(encoding="utf-8").splitlines()
    differences = [(old, new) for old, new in zip(before, lines, strict=False) if old != new]
    if len(before) != len(lines):
        print(f"{len(before)} figures before, {len(lines)} now")
    for old, new in differences[:10]:
        print(f"- {old}\n+ {new}")
    same = not differences and len(before) == len(lines)
    print("identical" if same else f"{len(differences)} lines differ")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
