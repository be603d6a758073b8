"""Articles through the stream: extracted once however often published, into the reported
figures table, /metrics and /reported; bad bodies to dead-letters."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import orjson

from models import Article, DeadLetter, decode
from streams.publisher import Publisher
from streams.settings import Settings
from tests.support.worker import REPO, WorkerProcess, read_topic, records, wait_for

SEED = REPO.parent / "shared" / "data" / "seed" / "articles.jsonl"


def seed_article() -> Article:
    if not SEED.exists():
        import pytest

        pytest.skip(f"shared data not found at {SEED}")
    return Article.model_validate(json.loads(Path(SEED).read_text(encoding="utf-8").splitlines()[0]))


def test_article_published_three_times_yields_its_signals_once(
    make_settings: Callable[..., Settings], start_worker: Callable[..., WorkerProcess]
) -> None:
    settings = make_settings(max_article_bytes=200_000)
    worker = start_worker(settings)
    names = worker.names
    article = seed_article()
    with Publisher(settings) as publisher:
        publisher.article(article)
        publisher.flush()
        publisher.article(article)  # redelivered: same id
        publisher.article(article.model_copy(update={"id": "seed-001-syndicated"}))  # same body, other id
        publisher.raw(names.articles, b'{"id": "empty", "body": "   "}', key=b"empty")
        publisher.raw(names.articles, b'{"id": "junk", "body": "' + b"\\u0001" * 200 + b'"}', key=b"junk")
        publisher.raw(names.articles, orjson.dumps({"id": "big", "body": "x" * 300_000}), key=b"big")
        publisher.raw(names.articles, b"\xff\xfe not json", key=b"bytes")

    letters = wait_for(lambda: (d := [decode(v, DeadLetter) for _, v in read_topic(settings, names.dead_letters)])
                       and len(d) >= 4 and d, timeout_s=60, what="four dead letters")
    assert sorted(letter.reason for letter in letters) == ["empty", "malformed", "not_text", "too_large"]
    assert next(letter for letter in letters if letter.reason == "malformed").original == b"\xff\xfe not json"

    reported = wait_for(lambda: worker.json("/reported/tiktok"), timeout_s=60, what="reported figures for tiktok")
    signals = list(records(settings, names.signals))
    assert len(signals) == 5, [(s["platform"], s["metric"], s["value"]) for s in signals]
    assert {(s["platform"], s["metric"], s["value"]) for s in signals} == {
        ("tiktok", "conversion_rate", 1.85), ("facebook", "conversion_rate", 9.2), ("tiktok", "gmv", 2e10),
        ("tiktok", "growth_multiple", 4.0), ("tiktok", "active_users", 1.5e8),
    }
    # whichever copy of the body reached extraction first is the one credited, all five from it
    assert len({s["article_id"] for s in signals}) == 1
    assert signals[0]["article_id"] in {article.id, "seed-001-syndicated"}
    assert all(s["span"] and s["sentence"] for s in signals)
    gmv = next(r for r in reported if r["metric"] == "gmv")
    assert (gmv["value"], gmv["unit"], gmv["kind"], gmv["period"], gmv["source"]) == (
        2e10, "USD", "target", "2023", "Bloomberg")

    exposition = worker.metrics()
    assert re.search(r'souq_reported_value\{kind="target",metric="gmv",period="2023",platform="tiktok",'
                     r'region="global",unit="USD"\} 2(\.0+)?e\+10', exposition), exposition[-3000:]
    assert 'souq_reported_info{metric="conversion_rate",platform="tiktok",source="Momentum Works"} 1.0' in exposition
    assert f'souq_duplicates_total{{topic="{names.articles}"}} 2.0' in exposition
