"""Run the long fault variants (`pytest -m soak --run-soak tests/faults`) and aggregate their figures.

`make soak` runs pytest directly; tests/faults/conftest.py then ends the run with the summary line.
This script is the same run with the figures collected into one JSON file and re-printed, for CI
artifacts and for comparing runs:

    .venv/bin/python bench/soak.py [--out bench/out/soak.json] [extra pytest args]

Its last line is exactly:

    soak: trials=N exact=N lost=0 double=0 bad_inputs=N peak_rss_mb=N
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "soak.json")
    args, extra = parser.parse_known_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.out.exists():
        args.out.unlink()
    env = {**os.environ, "SOUQ_FAULTS_FIGURES": str(args.out)}
    command = [sys.executable, "-m", "pytest", "-q", "-m", "soak", "--run-soak", "tests/faults", *extra]
    code = subprocess.call(command, cwd=REPO, env=env)
    if not args.out.exists():
        print(f"no figures written (pytest exit {code})")
        print("soak: trials=0 exact=0 lost=0 double=0 bad_inputs=0 peak_rss_mb=0")
        return code or 1
    data = json.loads(args.out.read_text())
    for record in data["records"]:
        brief = {k: v for k, v in record.items() if k not in ("results", "diagnosis", "bad_by_kind")}
        print(json.dumps(brief, default=str)[:400])
    s = data["summary"]
    print(f"figures: {args.out}")
    print(f"soak: trials={s['trials']} exact={s['exact']} lost={s['lost']} double={s['double']} "
          f"bad_inputs={s['bad_inputs']} peak_rss_mb={s['peak_rss_mb']}")
    return code


if __name__ == "__main__":
    sys.exit(main())
