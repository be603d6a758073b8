"""`souq`: the command line. Publishing and reading go through kafka-python; the worker is Faust."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.live import Live
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from models import Article, DecodeError, decode, decode_updates
from streams.broker import EmbeddedBroker, broker_answers
from streams.kafka_io import ConnectionFailed, consumer, ensure_topics
from streams.processes import stop_processes
from streams.publisher import Publisher
from streams.settings import Settings, get_settings

app = typer.Typer(help="souq-signals: social-commerce signals from articles and metric feeds, windowed.",
                  no_args_is_help=True, pretty_exceptions_show_locals=False)
publish_app = typer.Typer(help="Publish JSON lines to Kafka.", no_args_is_help=True)
topics_app = typer.Typer(help="Manage the pipeline's topics.", no_args_is_help=True)
app.add_typer(publish_app, name="publish")
app.add_typer(topics_app, name="topics")
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


def _settings() -> Settings:
    return get_settings()


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}")
    return typer.Exit(2)


def _lines(source: str) -> Iterator[str]:
    if source == "-":
        yield from sys.stdin
        return
    path = Path(source)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        with file.open(encoding="utf-8") as handle:
            yield from handle


def _articles(source: str) -> Iterator[Article]:
    """JSON lines of articles, or plain .txt files (the file name is the id)."""
    path = Path(source)
    if source != "-" and (path.is_dir() or path.suffix == ".txt"):
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".txt":
                yield Article(id=file.stem, body=file.read_text(encoding="utf-8"))
            elif file.suffix in (".jsonl", ".json"):
                yield from _articles(str(file))
        return
    for number, line in enumerate(_lines(source), 1):
        if line.strip():
            try:
                yield decode(line.encode(), Article)
            except DecodeError as error:
                err.print(f"[yellow]line {number} skipped:[/yellow] {error.detail}")


def _progress(total: int | None = None) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=False, disable=not err.is_terminal)


@app.command()
def broker(port: Annotated[int, typer.Option(help="Port on 127.0.0.1")] = 0,
           storage: Annotated[str, typer.Option(help="memory://tansu/ or s3://bucket/ (durable)")] = "") -> None:
    """Start the embedded Kafka broker (Tansu) and wait for Ctrl-C."""
    settings = _settings()
    if not settings.uses_embedded_broker:
        err.print(f"SOUQ_KAFKA_BOOTSTRAP_SERVERS={settings.kafka_bootstrap_servers}: using that cluster, "
                  "nothing started")
        return
    embedded = EmbeddedBroker(port=port or settings.embedded_broker_port,
                              storage=storage or settings.embedded_broker_storage)
    embedded.start()
    err.print(f"broker ready on {embedded.bootstrap} (storage {embedded.storage}); Ctrl-C stops it")
    _wait_for_signal()
    embedded.stop()


def _wait_for_signal() -> None:
    stop = {"now": False}

    def handler(*_: object) -> None:
        stop["now"] = True

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    while not stop["now"]:
        time.sleep(0.2)


@app.command()
def worker() -> None:
    """Run the stream worker (agents, tables, web views on SOUQ_WEB_HOST:SOUQ_WEB_PORT)."""
    from streams.worker import run_worker

    settings = _settings()
    try:
        run_worker(settings)
    except ConnectionFailed as error:
        raise _fail(str(error)) from None


@topics_app.command("create")
def topics_create() -> None:
    """Create every topic the pipeline uses, with partitions and cleanup policies."""
    settings = _settings()
    try:
        created = ensure_topics(settings)
    except ConnectionFailed as error:
        raise _fail(str(error)) from None
    out.print(f"created {len(created)} topic(s): {', '.join(created) or '(all existed)'}")


@publish_app.command("metrics")
def publish_metrics(source: Annotated[str, typer.Argument(help="JSON-lines file or - for stdin")],
                    batch: Annotated[int, typer.Option(help="Updates per Kafka message")] = 500) -> None:
    """Validate metric updates and publish them (batched per platform); report rejected lines."""
    settings = _settings()
    accepted = rejected = 0
    try:
        with Publisher(settings, batch_size=batch) as publisher, _progress() as progress:
            task = progress.add_task("publishing metric updates")
            for number, line in enumerate(_lines(source), 1):
                if not line.strip():
                    continue
                try:
                    updates = decode_updates(line.encode())
                except DecodeError as error:
                    rejected += 1
                    if rejected <= 20:
                        err.print(f"[yellow]line {number} rejected ({error.reason}):[/yellow] {error.detail}")
                    continue
                publisher.metrics(updates)
                accepted += len(updates)
                progress.advance(task)
    except ConnectionFailed as error:
        raise _fail(str(error)) from None
    out.print(f"accepted {accepted} update(s), rejected {rejected} line(s)")
    if rejected and not accepted:
        raise typer.Exit(1)


@publish_app.command("articles")
def publish_articles(source: Annotated[str, typer.Argument(help="JSON lines, .txt file, directory or -")]) -> None:
    """Publish articles to the articles topic."""
    settings = _settings()
    count = 0
    try:
        with Publisher(settings) as publisher, _progress() as progress:
            task = progress.add_task("publishing articles")
            for article in _articles(source):
                publisher.article(article)
                count += 1
                progress.advance(task)
    except ConnectionFailed as error:
        raise _fail(str(error)) from None
    out.print(f"published {count} article(s)")


@app.command()
def extract(source: Annotated[str, typer.Argument(help="JSON lines, .txt file, directory or -")],
            output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here, not stdout")] = None,
            ) -> None:
    """Extract signals from articles offline; JSON lines in the scorer's format."""
    from streams.extraction import extract_figures, figures_to_scorer_lines

    articles = list(_articles(source))
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        with _progress() as progress:
            task = progress.add_task("extracting", total=len(articles))
            for article in articles:
                figures = extract_figures(article.body, title=article.title, published_at=article.published_at,
                                          lang=article.lang)
                for line in figures_to_scorer_lines(article.id, figures):
                    sink.write(json.dumps(line, ensure_ascii=False) + "\n")
                progress.advance(task)
    finally:
        if output:
            sink.close()


def _render(rows: list[tuple[str, dict[str, object]]], topic: str) -> Table:
    table = Table(title=f"{topic}: latest {len(rows)}", expand=False)
    preferred = ["window", "window_start", "platform", "metric", "region", "unit", "value", "count", "final",
                 "kind", "period", "source", "reason", "detail", "signal_id"]
    present = [c for c in preferred if any(c in r for _, r in rows)]
    if not present and rows:
        present = list(rows[-1][1])[:8]
    table.add_column("key", overflow="fold", max_width=40)
    for column in present:
        table.add_column(column, overflow="fold", max_width=40)
    for key, record in rows:
        table.add_row(key, *("" if record.get(c) is None else str(record.get(c)) for c in present))
    return table


@app.command()
def tail(topic: Annotated[str, typer.Argument(help="Topic name, e.g. aggregates")],
         raw_json: Annotated[bool, typer.Option("--json", help="Raw JSON lines instead of a table")] = False,
         limit: Annotated[int, typer.Option(help="Rows in the table")] = 20,
         follow: Annotated[bool, typer.Option(help="Keep watching (Ctrl-C stops)")] = True,
         from_beginning: Annotated[bool, typer.Option(help="Start at the oldest record")] = True) -> None:
    """Show the latest records of a topic as they change."""
    settings = _settings()
    try:
        source = consumer(settings, topic, from_beginning=from_beginning, timeout_ms=500 if follow else 2000)
    except ConnectionFailed as error:
        raise _fail(str(error)) from None
    latest: dict[str, dict[str, object]] = {}

    def records() -> Iterator[tuple[str, dict[str, object]]]:
        while True:
            for message in source:
                key = message.key.decode("utf-8", "replace") if message.key else f"@{message.offset}"
                try:
                    value = orjson.loads(message.value)
                except orjson.JSONDecodeError:
                    value = {"raw": message.value[:200].decode("utf-8", "replace")}
                yield key, value if isinstance(value, dict) else {"items": len(value), "first": value[:1]}
            if not follow:
                return
            yield "", {}

    try:
        if raw_json:
            for key, value in records():
                if key:
                    out.print_json(data={"key": key, "value": value}) if out.is_terminal else \
                        print(json.dumps({"key": key, "value": value}, ensure_ascii=False), flush=True)
            return
        with Live(_render([], topic), console=out, auto_refresh=False) as live:
            for key, value in records():
                if key:
                    latest.pop(key, None)
                    latest[key] = value
                    while len(latest) > limit:
                        latest.pop(next(iter(latest)))
                live.update(_render(list(latest.items()), topic), refresh=True)
    except KeyboardInterrupt:
        pass
    finally:
        source.close()


@app.command()
def simulate(rate: Annotated[float, typer.Option(help="Ticks per second (each tick: 4 updates per platform)")] = 2,
             platforms: Annotated[str, typer.Option(help="Comma-separated platforms")] =
             "tiktok,facebook,instagram,snapchat,shopee,noon",
             count: Annotated[int, typer.Option(help="Stop after this many ticks (0: run until Ctrl-C)")] = 0,
             batch: Annotated[int, typer.Option(help="Updates per Kafka message")] = 500,
             seed: int = 7) -> None:
    """Publish a synthetic metric-update feed (sessions, orders, GMV, active users)."""
    from streams.demo import feed

    settings = _settings()
    sent = 0
    try:
        with Publisher(settings, batch_size=batch) as publisher:
            for updates in feed([p.strip() for p in platforms.split(",") if p.strip()], rate, seed=seed,
                                limit=count or None):
                publisher.metrics(updates)
                publisher.flush()
                sent += len(updates)
    except KeyboardInterrupt:
        pass
    except ConnectionFailed as error:
        raise _fail(str(error)) from None
    out.print(f"published {sent} metric update(s)")


@app.command()
def run(rate: Annotated[float, typer.Option(help="Demo feed ticks per second")] = 2,
        platforms: str = "tiktok,facebook,instagram,snapchat,shopee,noon") -> None:
    """Everything for a demo: the embedded broker (if needed), a worker and a demo feed."""
    settings = _settings()
    children: list[subprocess.Popen[bytes]] = []
    embedded: EmbeddedBroker | None = None
    if settings.uses_embedded_broker and not broker_answers(settings.bootstrap, timeout_s=1):
        embedded = EmbeddedBroker(port=settings.embedded_broker_port,
                                  storage=settings.embedded_broker_storage).start()
        err.print(f"[green]broker[/green] ready on {embedded.bootstrap}")
    try:
        ensure_topics(settings)
        souq = [sys.executable, "-m", "streams.cli"]
        worker_env = {"SOUQ_LOG_LEVEL": "warning", **os.environ}
        children.append(subprocess.Popen([*souq, "worker"], env=worker_env))
        base = f"http://{settings.web_host}:{settings.web_port}"
        err.print(f"[green]worker[/green] starting; figures at {base}/metrics, live page at {base}/")
        err.print("publish:  souq publish metrics FILE  |  souq publish articles ../shared/data/dev/articles.jsonl")
        err.print("consume:  souq tail aggregates  |  souq tail aggregates-final  |  souq tail dead-letters")
        children.append(subprocess.Popen([*souq, "simulate", "--rate", str(rate), "--platforms", platforms],
                                         env=os.environ.copy()))
        err.print(f"[green]demo feed[/green] publishing {platforms} at {rate} ticks/s; Ctrl-C stops everything")
        _wait_for_signal()
    finally:
        stop_processes(reversed(children))
        if embedded:
            embedded.stop()


if __name__ == "__main__":
    app()
