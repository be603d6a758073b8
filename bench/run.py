"""`python bench/run.py [--quick]`: our worker vs the same job on Quix Streams, in one run.

Writes bench/results.json and prints a table; logs, profiles and scratch go to bench/out/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo root, not bench/ (its names could shadow)

import orjson  # noqa: E402
from rich.console import Console  # noqa: E402

from bench.harness import Options, run  # noqa: E402
from bench.report import print_report, summarize, write_readme  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results.json"


def parse(argv: list[str] | None = None) -> tuple[Options, Path]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help="scaled down (20k single, 100k batched, 10 s latency): under 2 minutes")
    p.add_argument("--single", type=int, help="single-update messages (default 200000)")
    p.add_argument("--batched", type=int, help="updates in batched messages (default 1000000)")
    p.add_argument("--batch-size", type=int, default=500, help="updates per batched message")
    p.add_argument("--inputs", default="single,batched", help="comma-separated: single,batched")
    p.add_argument("--systems", default="souq,quix", help="comma-separated: souq,quix")
    p.add_argument("--scale", default="1,2", help="worker counts of the pinned scale-out runs ('' skips them)")
    p.add_argument("--latency-s", type=float, help="seconds of latency probing after the single run (0: skip)")
    p.add_argument("--latency-rate", type=float, default=0.0, help="probe rate (default: half the single rate)")
    p.add_argument("--quix-changelog", action="store_true", help="Quix with changelog topics (default off)")
    p.add_argument("--profile", action="store_true", help="py-spy the worker into bench/out/profile/")
    p.add_argument("--keep", action="store_true", help="keep state directories under bench/out/state")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--souq-env", action="append", default=[], metavar="NAME=VALUE",
                   help="extra setting for our worker, e.g. batch_max=100 (experiments only)")
    p.add_argument("--souq-tree", type=Path, help="run our worker from this copy of the repo (experiments)")
    p.add_argument("-o", "--output", type=Path, default=RESULTS)
    a = p.parse_args(argv)
    options = Options(
        quick=a.quick,
        single=a.single or (20_000 if a.quick else 200_000),
        batched=a.batched or (100_000 if a.quick else 1_000_000),
        batch_size=a.batch_size,
        inputs=tuple(x.strip() for x in a.inputs.split(",") if x.strip()),
        systems=tuple(x.strip() for x in a.systems.split(",") if x.strip()),
        latency_s=a.latency_s if a.latency_s is not None else (10.0 if a.quick else 30.0),
        latency_rate=a.latency_rate, quix_changelog=a.quix_changelog, profile=a.profile, keep=a.keep, seed=a.seed,
        souq_env=dict(item.split("=", 1) for item in a.souq_env), souq_tree=a.souq_tree,
        scale=tuple(int(x) for x in a.scale.split(",") if x.strip()),
    )
    bad = [x for x in options.inputs if x not in ("single", "batched")]
    bad += [x for x in options.systems if x not in ("souq", "quix")]
    if bad:
        p.error(f"unknown input or system: {', '.join(bad)}")
    return options, a.output


def main(argv: list[str] | None = None) -> int:
    options, output = parse(argv)
    console = Console()
    if not console.is_terminal:
        console = Console(width=180)
    raw = run(options, progress=lambda text: console.print(f"[dim]{text}[/dim]"))
    summary = summarize(raw, options.__dict__)
    output.write_bytes(orjson.dumps(summary, default=str, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS))
    print_report(summary, console)
    console.print(f"wrote {output}")
    if output == RESULTS and not options.quick:
        write_readme(summary, RESULTS.parents[1] / "README.md")
        console.print("README.md's performance table regenerated from it")
    return 0 if summary["exact"] else 1


if __name__ == "__main__":
    sys.exit(main())
