"""One benchmark run: the embedded broker, each input pre-loaded once, each system over it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from bench import latency
from bench.input import PLATFORMS, WINDOW_S, Workload, build, generate, time_base
from bench.reference import Reference
from bench.systems import (
    OUT,
    Measured,
    QuixJob,
    RunResult,
    SouqWorker,
    clean_state,
    finish,
    log_tail,
    quix_topics,
    souq_settings,
    wait_ready,
)
from bench.topics import FinalsCollector, preload
from streams.broker import EmbeddedBroker, free_port
from streams.kafka_io import ensure_topics, read_all
from streams.processes import stop_processes
from streams.settings import Settings
from streams.topics import topic_names


@dataclass
class Options:
    quick: bool = False
    single: int = 200_000
    batched: int = 1_000_000
    batch_size: int = 500
    inputs: tuple[str, ...] = ("single", "batched")
    systems: tuple[str, ...] = ("souq", "quix")
    latency_s: float = 30.0
    latency_rate: float = 0.0
    """Probe rate; 0: half the measured single rate."""
    quix_changelog: bool = False
    profile: bool = False
    keep: bool = False
    seed: int = 7
    souq_env: dict[str, str] = field(default_factory=dict)
    """Extra SOUQ_* settings for our worker (experiments; the defaults are what is benchmarked)."""
    souq_tree: Path | None = None
    """Run our worker from this copy of the repo (scratch experiments under bench/out/)."""
    scale: tuple[int, ...] = (1, 2)
    """Worker counts of the scale-out runs (batched input, each worker pinned to a core); () skips them."""


@dataclass
class Context:
    options: Options
    broker: EmbeddedBroker
    run_id: str
    logs: Path
    state: Path
    notes: list[str] = field(default_factory=list)


def timeout_for(updates: int) -> float:
    return 90.0 + updates / 1500


def span_for(count: int, per_message: int) -> int:
    """Event-time span of an input: 240 s, shorter for small batched inputs.

    A batched message holds `per_message` updates of one platform, i.e. the event time of
    `per_message x 16` updates: it must stay well inside the 10 s grace, or any system with a
    per-partition watermark sees that platform's next message late. Capped at 5 s per message.
    """
    if per_message <= 1:
        return 240
    per_message_s = 5.0
    span = int(per_message_s * count / (per_message * len(PLATFORMS))) // WINDOW_S * WINDOW_S
    return max(WINDOW_S, min(240, span))


def prepare(ctx: Context, name: str, count: int, per_message: int) -> tuple[str, Workload, Reference]:
    """Create our topics under a fresh prefix and pre-load the input into `metric-updates`."""
    prefix = f"bench-{ctx.run_id}-{name}-"
    settings = souq_settings(ctx.broker.bootstrap, prefix, ctx.state / prefix)
    ensure_topics(settings)
    reference = Reference()
    span = span_for(count, per_message)
    updates = generate(count, time_base(span_s=span), span_s=span, seed=ctx.options.seed, prefix=f"{name[0]}")
    workload = build(name, updates, per_message, reference.add)
    workload.meta["span_s"] = span
    seconds = preload(ctx.broker.bootstrap, topic_names(settings).metric_updates, workload.messages)
    workload.meta["preload_s"] = round(seconds, 2)
    return prefix, workload, reference


def start_profiler(ctx: Context, pid: int, tag: str) -> list[subprocess.Popen[bytes]]:
    """py-spy, sampling the worker while it runs: collapsed stacks (for bench/profiling.py) and a flame graph."""
    out = OUT / "profile"
    out.mkdir(parents=True, exist_ok=True)
    spy = Path(sys.executable).parent / "py-spy"
    if not spy.exists():
        raise RuntimeError("py-spy is not installed: .venv/bin/pip install py-spy")
    procs = []
    for fmt, suffix in (("raw", "txt"), ("flamegraph", "svg")):
        cmd = [str(spy), "record", "--pid", str(pid), "--rate", "200", "--nonblocking", "--full-filenames",
               "--format", fmt, "-o", str(out / f"{tag}.{suffix}")]
        procs.append(subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    return procs


def stop_profiler(procs: list[subprocess.Popen[bytes]]) -> None:
    """py-spy writes its profile on SIGINT."""
    stop_processes(procs, signal.SIGINT, timeout_s=30)


@contextmanager
def recording_failure(result: RunResult, log_path: Path) -> Iterator[None]:
    """What both systems' runs keep of a failure: the first line of the error, and the log's tail
    when the run failed or its windows were not exact."""
    try:
        yield
        if not result.ok:
            result.extra["log_tail"] = log_tail(log_path, 40)
    except (RuntimeError, TimeoutError) as error:
        result.error = str(error).splitlines()[0]
        result.extra["log_tail"] = log_tail(log_path, 40)


def start_measuring(ctx: Context, result: RunResult, t0: float, launched: float, pids: list[int]) -> Measured:
    """From the moment a system is ready (`t0`): its ready time, and CPU counted from then on."""
    assert ctx.broker.process is not None
    result.ready_s = round(t0 - launched, 3)
    measured = Measured(pids=pids, broker_pid=ctx.broker.process.pid, t0=t0)
    measured.begin()
    return measured


def count_items(settings: Settings, topic: str) -> int:
    """Records on a topic (a JSON array counts its items)."""
    total = 0
    for message in read_all(settings, topic, idle_ms=1000):
        value = orjson.loads(message.value)
        total += len(value) if isinstance(value, list) else 1
    return total


def run_souq(ctx: Context, prefix: str, workload: Workload, reference: Reference,
             measure_latency: bool, workers: int = 1, pinned: bool = False) -> RunResult:
    """Our worker (or `workers` of them in one group, each pinned to its own core when `pinned`)."""
    settings = souq_settings(ctx.broker.bootstrap, prefix, ctx.state / prefix, ctx.options.souq_env)
    names = topic_names(settings)
    log_path = ctx.logs / f"{prefix}souq.log"
    result = RunResult(system="souq" if workers == 1 else f"souq x{workers}", input=workload.name,
                       updates=workload.updates, messages=len(workload.messages),
                       log=str(log_path.relative_to(OUT.parents[1])))
    expected = reference.expected()
    collector = FinalsCollector(ctx.broker.bootstrap, names.aggregates_final, set(expected)).start()
    group = [SouqWorker(settings.model_copy(update={"web_port": free_port() if i else settings.web_port,
                                                    "state_dir": settings.state_dir / f"w{i}"}),
                        log_path.with_suffix(f".{i}.log") if i else log_path, tree=ctx.options.souq_tree,
                        cpu=i % (os.cpu_count() or 1) if pinned else None).start()
             for i in range(workers)]
    profiler: list[subprocess.Popen[bytes]] = []
    pids = [worker.process.pid for worker in group if worker.process is not None]
    try:
        with recording_failure(result, log_path):
            measured = start_measuring(ctx, result, wait_ready(group), group[0].launched, pids)
            if ctx.options.profile and workers == 1:
                profiler = start_profiler(ctx, pids[0], f"souq-{workload.name}")
            finish(result, measured, collector, expected, timeout_for(workload.updates))
            if profiler:
                stop_profiler(profiler)
                profiler = []
            if measure_latency and result.ok and ctx.options.latency_s > 0:
                rate = ctx.options.latency_rate or result.rate / 2
                lat = latency.measure(ctx.broker.bootstrap, names.metric_updates, names.aggregates, rate,
                                      ctx.options.latency_s)
                result.extra["latency"] = lat.__dict__
            result.extra["late_signals"] = count_items(settings, names.late_signals)
            result.extra["dead_letters"] = count_items(settings, names.dead_letters)
            result.extra["repartitioned"] = count_items(settings, names.signals)
            result.extra["pinned"] = pinned
    finally:
        if profiler:
            stop_profiler(profiler)
        collector.close()
        for worker in group:
            worker.stop()
    result.extra["log_errors"] = [line for line in log_tail(log_path, 4000).splitlines()
                                  if "ERROR" in line or "Traceback" in line][:20]
    return result


def run_quix(ctx: Context, prefix: str, workload: Workload, reference: Reference) -> RunResult:
    input_topic, output_topic = quix_topics(prefix)
    log_path = ctx.logs / f"{prefix}quix.log"
    result = RunResult(system="quix", input=workload.name, updates=workload.updates,
                       messages=len(workload.messages), log=str(log_path.relative_to(OUT.parents[1])))
    expected = reference.expected()
    collector = FinalsCollector(ctx.broker.bootstrap, output_topic, set(expected)).start()
    job = QuixJob(ctx.broker.bootstrap, input_topic, output_topic, group=f"{prefix}quix",
                  state_dir=ctx.state / f"{prefix}quix", log_path=log_path, batched=workload.updates_per_message > 1,
                  changelog=ctx.options.quix_changelog)
    job.start()
    assert job.process is not None
    try:
        with recording_failure(result, log_path):
            measured = start_measuring(ctx, result, job.wait_started(), job.launched, [job.process.pid])
            finish(result, measured, collector, expected, timeout_for(workload.updates))
    finally:
        collector.close()
        job.stop()
    result.extra["changelog_topics"] = ctx.options.quix_changelog
    return result


def run(options: Options, progress: Any = print) -> dict[str, Any]:
    run_id = time.strftime("%H%M%S")
    logs = OUT / "logs"
    state = OUT / "state"
    logs.mkdir(parents=True, exist_ok=True)
    state.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    broker = EmbeddedBroker(port=free_port(), log_path=logs / f"bench-{run_id}-broker.log").start()
    ctx = Context(options=options, broker=broker, run_id=run_id, logs=logs, state=state)
    runs: dict[str, dict[str, Any]] = {}
    inputs: dict[str, dict[str, Any]] = {}
    started = time.time()
    try:
        for name in options.inputs:
            count, per_message = (options.single, 1) if name == "single" else (options.batched, options.batch_size)
            progress(f"{name}: generating and pre-loading {count} updates ({per_message} per message)")
            prefix, workload, reference = prepare(ctx, name, count, per_message)
            inputs[name] = {"updates": workload.updates, "messages": len(workload.messages),
                            "updates_per_message": per_message, "watermark_updates": workload.watermark_updates,
                            "final_windows": len(reference.cells), "series": 48, **workload.meta}
            runs[name] = {}
            for system in options.systems:
                progress(f"{name}: running {system}")
                if system == "souq":
                    res = run_souq(ctx, prefix, workload, reference, measure_latency=name == "single")
                else:
                    res = run_quix(ctx, prefix, workload, reference)
                progress(f"{name}: {system}: {res.rate:,.0f} updates/s, exact={res.exact} {res.error}")
                runs[name][system] = res.as_dict()
            del workload, reference
        if "batched" in options.inputs and "souq" in options.systems:
            for workers in options.scale:
                name = f"scale{workers}"
                progress(f"{name}: {workers} worker(s), each pinned to a core, over {options.batched} batched updates")
                prefix, workload, reference = prepare(ctx, name, options.batched, options.batch_size)
                res = run_souq(ctx, prefix, workload, reference, measure_latency=False, workers=workers, pinned=True)
                progress(f"{name}: {res.rate:,.0f} updates/s, exact={res.exact} {res.error}")
                runs.setdefault("scale", {})[str(workers)] = res.as_dict()
                del workload, reference
    finally:
        broker.stop()
        if not options.keep:
            clean_state(state)
    return {
        "runs": runs, "inputs": inputs, "wall_s": round(time.time() - started, 1),
        "machine": {"cpus": os.cpu_count(), "load_before": [round(x, 2) for x in load_before],
                    "load_after": [round(x, 2) for x in os.getloadavg()]},
    }
