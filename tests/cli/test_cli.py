"""The `souq` command line against the real broker: publish, tail, topics, errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import orjson

from models import MetricUpdate
from streams.settings import Settings
from tests.support.worker import REPO, read_topic, settings_env

GOOD = ('{"platform": "tiktok", "metric": "sessions", "value": 2000, "unit": "count", '
        '"observed_at": "2024-03-01T12:00:10Z", "region": "US"}')
BAD = '{"platform": "tiktok", "metric": "clicks", "value": 1, "unit": "count", "observed_at": "2024-03-01T12:00:10Z"}'


def souq(settings: Settings, *args: str, stdin: str | None = None,
         timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **settings_env(settings), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], cwd=REPO, env=env, input=stdin,
                          capture_output=True, text=True, timeout=timeout)


def test_publish_metrics_reports_accepted_and_rejected_lines(make_settings: Callable[..., Settings],
                                                             tmp_path: Path) -> None:
    settings = make_settings()
    source = tmp_path / "updates.jsonl"
    source.write_text("\n".join([GOOD, BAD, "{not json", GOOD.replace("2000", "10")]) + "\n")
    result = souq(settings, "publish", "metrics", str(source), "--batch", "10")
    assert result.returncode == 0, result.stderr
    assert "accepted 2 update(s), rejected 2 line(s)" in result.stdout
    assert "line 2 rejected (invalid)" in result.stderr and "unknown metric 'clicks'" in result.stderr
    assert "line 3 rejected (malformed)" in result.stderr
    messages = read_topic(settings, f"{settings.topic_prefix}metric-updates")
    assert len(messages) == 1  # both valid updates of one platform in one batch message
    assert [u["value"] for u in orjson.loads(messages[0][1])] == [2000, 10]


def test_publish_from_stdin_and_tail_as_json(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    result = souq(settings, "publish", "metrics", "-", "--batch", "1", stdin=GOOD + "\n")
    assert result.returncode == 0, result.stderr
    tailed = souq(settings, "tail", f"{settings.topic_prefix}metric-updates", "--json", "--no-follow")
    assert tailed.returncode == 0, tailed.stderr
    lines = [orjson.loads(line) for line in tailed.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0]["key"] == "tiktok"
    assert MetricUpdate.model_validate(lines[0]["value"]) == MetricUpdate.model_validate_json(GOOD)


def test_tail_renders_a_table(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    souq(settings, "publish", "metrics", "-", "--batch", "1", stdin=GOOD + "\n")
    tailed = souq(settings, "tail", f"{settings.topic_prefix}metric-updates", "--no-follow")
    assert tailed.returncode == 0, tailed.stderr
    assert "metric-updates: latest 1" in tailed.stdout
    assert "tiktok" in tailed.stdout and "2000" in tailed.stdout


def test_unreachable_broker_fails_fast_with_a_clear_message(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings().model_copy(update={"kafka_bootstrap_servers": "127.0.0.1:1"})
    result = souq(settings, "topics", "create", timeout=30)
    assert result.returncode == 2
    assert "no Kafka broker answers at 127.0.0.1:1" in result.stderr


def test_topics_create_is_idempotent(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(topic_prefix="fresh-cli-")
    first = souq(settings, "topics", "create")
    assert first.returncode == 0, first.stderr
    second = souq(settings, "topics", "create")
    assert "created 0 topic(s)" in second.stdout


def test_broker_command_starts_answers_and_stops_on_sigterm(make_settings: Callable[..., Settings]) -> None:
    from streams.broker import broker_answers, free_port

    port = free_port()
    settings = make_settings().model_copy(update={"kafka_bootstrap_servers": "", "embedded_broker_port": port})
    env = {**os.environ, **settings_env(settings)}
    env.pop("SOUQ_KAFKA_BOOTSTRAP_SERVERS", None)
    process = subprocess.Popen([sys.executable, "-m", "streams.cli", "broker"], cwd=REPO, env=env,
                               stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        ready = process.stderr.readline()
        assert f"broker ready on 127.0.0.1:{port}" in ready
        assert broker_answers(f"127.0.0.1:{port}")
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(15) == 0
    assert not broker_answers(f"127.0.0.1:{port}", timeout_s=1)


def test_broker_command_starts_nothing_when_a_cluster_is_configured(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    result = souq(settings, "broker", timeout=30)
    assert result.returncode == 0
    assert f"SOUQ_KAFKA_BOOTSTRAP_SERVERS={settings.kafka_bootstrap_servers}: using that cluster" in result.stderr


def test_simulate_publishes_a_feed_of_valid_updates(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    result = souq(settings, "simulate", "--rate", "50", "--count", "3", "--platforms", "tiktok,noon")
    assert result.returncode == 0, result.stderr
    assert "published 24 metric update(s)" in result.stdout  # 3 ticks x 2 platforms x 4 metrics
    updates = [u for _, v in read_topic(settings, f"{settings.topic_prefix}metric-updates") for u in orjson.loads(v)]
    parsed = [MetricUpdate.model_validate(u) for u in updates]
    assert len(parsed) == 24
    assert {(u.platform, u.metric) for u in parsed} == {
        (p, m) for p in ("tiktok", "noon") for m in ("sessions", "orders", "gmv", "active_users")}
