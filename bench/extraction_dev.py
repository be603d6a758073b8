"""Run the extractor over a JSONL of articles and write scorer lines (one signal a line).

    python bench/extraction_dev.py ARTICLES.jsonl OUT.jsonl
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from streams.extraction import extract_figures, figures_to_scorer_lines


def _when(raw: str | None) -> datetime | None:
    return datetime.fromisoformat(raw.replace("Z", "+00:00")) if raw else None


def main(argv: list[str]) -> int:
    source, target = argv[1], argv[2]
    with open(source, encoding="utf-8") as handle, open(target, "w", encoding="utf-8") as out:
        for line in handle:
            if not line.strip():
                continue
            article = json.loads(line)
            figures = extract_figures(article["body"], title=article.get("title"),
                                      published_at=_when(article.get("published_at")), lang=article.get("lang"))
            for row in figures_to_scorer_lines(str(article["id"]), figures):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
