"""results.json and the rich table."""

from __future__ import annotations

import math
from typing import Any

from rich.console import Console
from rich.table import Table


def _get(runs: dict[str, Any], name: str, system: str, field: str) -> Any:
    return runs.get(name, {}).get(system, {}).get(field)


def summarize(raw: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """The headline figures first (the shape `make bench` consumers read), then the details."""
    runs = raw["runs"]
    checked = [r for by_system in runs.values() for r in by_system.values()]
    lat = (_get(runs, "single", "souq", "extra") or {}).get("latency") or {}
    return {
        "single": {"souq_eps": _get(runs, "single", "souq", "rate"), "quix_eps": _get(runs, "single", "quix", "rate")},
        "batched": {"souq_ups": _get(runs, "batched", "souq", "rate"),
                    "quix_ups": _get(runs, "batched", "quix", "rate")},
        "scale": {workers: {"souq_ups": r["rate"], "exact": r["exact"], "worker_cpu_per_update_us":
                            r["worker_cpu_per_update_us"], "peak_rss_mb": r["peak_rss_mb"]}
                  for workers, r in runs.get("scale", {}).items()},
        "exact": bool(checked) and all(r["exact"] for r in checked),
        "exact_by_run": {f"{r['input']}/{r['system']}": r["exact"] for r in checked},
        "p50_latency_s": lat.get("p50_s"),
        "p99_latency_s": lat.get("p99_s"),
        "ready_s": _get(runs, "single", "souq", "ready_s") or _get(runs, "batched", "souq", "ready_s"),
        "latency": lat,
        "inputs": raw["inputs"],
        "runs": runs,
        "machine": raw["machine"],
        "wall_s": raw["wall_s"],
        "options": options,
    }


def _fmt(value: Any, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(summary: dict[str, Any]) -> Table:
    t = Table(title="souq-signals vs Quix Streams: 1-minute tumbling sum+count, 48 series, 4 partitions")
    for column, justify in (("input", "left"), ("system", "left"), ("updates", "right"), ("msgs", "right"),
                            ("updates/s", "right"), ("secs", "right"), ("worker CPU s", "right"),
                            ("µs CPU/update", "right"), ("broker CPU s", "right"), ("peak RSS MiB", "right"),
                            ("ready s", "right"), ("exact", "center"), ("note", "left")):
        t.add_column(column, justify=justify)  # type: ignore[arg-type]
    for name, by_system in summary["runs"].items():
        for r in by_system.values():
            exact = "[green]yes[/green]" if r["exact"] else "[red]NO[/red]"
            note = r["error"] or ("" if r["exact"] else r["verdict"])
            late = (r.get("extra") or {}).get("late_signals")
            if late:
                note = f"{late} updates to late-signals; {note}"
            t.add_row(name, r["system"], _fmt(r["updates"]), _fmt(r["messages"]), _fmt(float(r["rate"])),
                      _fmt(float(r["seconds"]), 2), _fmt(float(r["worker_cpu_s"]), 1),
                      _fmt(float(r["worker_cpu_per_update_us"]), 1), _fmt(float(r["broker_cpu_s"]), 1),
                      _fmt(float(r["peak_rss_mb"])), _fmt(float(r["ready_s"]), 2), exact, note[:90])
    return t


def print_report(summary: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    console.print(table(summary))
    lat = summary.get("latency") or {}
    if lat:
        console.print(f"latency (souq, single-update messages at {_fmt(lat.get('rate_achieved'))}/s, "
                      f"target {_fmt(lat.get('rate_target'))}/s): p50 {_fmt(lat.get('p50_s'), 3)} s, "
                      f"p90 {_fmt(lat.get('p90_s'), 3)} s, p99 {_fmt(lat.get('p99_s'), 3)} s, "
                      f"max {_fmt(lat.get('max_s'), 3)} s over {lat.get('answered')}/{lat.get('counted')} probes")
    m = summary["machine"]
    console.print(f"machine: {m['cpus']} CPUs, load average before {m['load_before']}, after {m['load_after']}; "
                  f"run took {summary['wall_s']} s; exact = {summary['exact']}")


README_BEGIN = "<!-- bench:begin (generated from bench/results.json by `python bench/report.py --readme`) -->"
README_END = "<!-- bench:end -->"


def readme_table(summary: dict[str, Any]) -> str:
    """The README's performance table, from a results.json summary (so its figures are a run's)."""
    runs = summary["runs"]
    lines = ["| input | souq-signals | Quix Streams | ratio | exact |", "|---|---|---|---|---|"]
    labels = {"single": "single-update messages", "batched": "500-update messages"}
    for name, label in labels.items():
        souq, quix = runs.get(name, {}).get("souq"), runs.get(name, {}).get("quix")
        if souq is None:
            continue
        ratio = f"{souq['rate'] / quix['rate']:.1f}x" if quix and quix["rate"] else "-"
        exact = "both" if quix and souq["exact"] and quix["exact"] else ("ours" if souq["exact"] else "NO")
        quix_text = f"{_fmt(float(quix['rate']))} updates/s" if quix else "-"
        lines.append(f"| {_fmt(souq['updates'])} updates in {label} | {_fmt(float(souq['rate']))} updates/s "
                     f"({souq['worker_cpu_per_update_us']:.1f} µs CPU each) | {quix_text} | {ratio} | {exact} |")
    for workers, r in sorted(runs.get("scale", {}).items()):
        pinned = "1 worker pinned to one core" if int(workers) == 1 else f"{workers} workers pinned one per core"
        lines.append(f"| {_fmt(r['updates'])} batched updates, {pinned} | "
                     f"{_fmt(float(r['rate']))} updates/s ({r['worker_cpu_per_update_us']:.1f} µs CPU each) | - | - | "
                     f"{'ours' if r['exact'] else 'NO'} |")
    lat = summary.get("latency") or {}
    tail = []
    if lat:
        tail.append(f"Publish → window update on `aggregates` at {_fmt(lat.get('rate_achieved'))} single-update "
                    f"messages/s (half our single rate): p50 {_fmt(lat.get('p50_s'), 2)} s, "
                    f"p99 {_fmt(lat.get('p99_s'), 2)} s.")
    if summary.get("ready_s") is not None:
        tail.append("Worker ready (/readyz: both consumer groups joined, window states restored) in "
                    f"{summary['ready_s']:.1f} s; "
                    f"peak RSS {_fmt(float(runs.get('batched', {}).get('souq', {}).get('peak_rss_mb', 0)))} MiB "
                    "in the batched run.")
    m = summary["machine"]
    tail.append(f"Machine: {m['cpus']} CPUs, load average {m['load_before'][0]} before the run.")
    return "\n".join([README_BEGIN, *lines, "", " ".join(tail), README_END])


def write_readme(summary: dict[str, Any], readme: Any) -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_BEGIN), text.index(README_END) + len(README_END)
    readme.write_text(text[:start] + readme_table(summary) + text[end:], encoding="utf-8")


if __name__ == "__main__":
    import sys
    from pathlib import Path

    import orjson

    root = Path(__file__).resolve().parents[1]
    if sys.argv[1:] != ["--readme"]:
        sys.exit("usage: python bench/report.py --readme   (regenerates README's table from bench/results.json)")
    write_readme(orjson.loads((root / "bench" / "results.json").read_bytes()), root / "README.md")
