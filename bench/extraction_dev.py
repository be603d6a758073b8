"""Run the extractor over a JSONL of articles and write scorer lines (one signal a line).

    python bench/extraction_dev.py ARTICLES.jsonl OUT.jsonl

To score a set as well, see bench/extraction_score.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.extraction_score import predict, read_articles


def main(argv: list[str]) -> int:
    source, target = Path(argv[1]), Path(argv[2])
    with open(target, "w", encoding="utf-8") as out:
        for lines in predict(read_articles(source)).values():
            for row in lines:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
