"""Extraction speed: seed-sized articles per second, and time for 1, 2, 4 MB hostile bodies.

    python bench/extraction_bench.py

Linear time shows as the MB timings doubling with the size.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.hostile_text import hostile  # noqa: E402
from streams.extraction import extract_figures  # noqa: E402

SEED = ROOT.parent / "shared" / "data" / "seed" / "articles.jsonl"
def main() -> int:
    if SEED.exists():
        article = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
        body, title = article["body"], article.get("title")
        published = datetime.fromisoformat(article["published_at"].replace("Z", "+00:00"))
    else:
        body, title, published = "بلغ معدل التحويل على تيك توك 1.85%، بحسب «كانتار».\n" * 40, None, None
    rounds = 400
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        extract_figures(body, title=title, published_at=published)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    # the CPU rate is what one core gives when the machine is shared (wall time counts others' work too)
    print(f"seed article ({len(body)} chars): {rounds / elapsed:.0f} articles/s ({rounds / cpu:.0f}/s of CPU time)")
    for megabytes in (1, 2, 4):
        text = hostile(megabytes * 1_000_000)
        started = time.perf_counter()
        extract_figures(text)
        print(f"hostile {megabytes} MB: {time.perf_counter() - started:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
