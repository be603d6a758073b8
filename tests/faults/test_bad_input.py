"""Bad input: thousands of hypothesis-generated bad messages on `metric-updates`, interleaved with
valid updates. Every bad message the broker accepted lands on `dead-letters` (matched one to one
by partition and offset) with a reason; the worker stays up; the valid updates aggregate exactly.

The inputs are generated in-process by hypothesis (one example = one message), published in bulk
by one producer, and verified once: one worker for the whole property, not one per example.
"""

from __future__ import annotations

import hashlib
import random
import string
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from models import DeadLetter, decode
from models.vocab import KNOWN_PLATFORMS, METRIC_UNITS, PLATFORM_SLUG
from streams.topics import topic_names
from tests.faults.conftest import FaultRun, fault_settings
from tests.faults.support import Sender, diagnose, expected_finals, make_stream, wait_for_finals
from tests.support.variants import quick_and_soak
from tests.support.worker import read_topic

pytestmark = pytest.mark.broker

REQUIRED = ("platform", "metric", "value", "unit", "observed_at")
NOW = datetime.now(UTC)


def valid_dict(i: int) -> dict[str, Any]:
    at = (NOW - timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return {"platform": "tiktok", "metric": "orders", "value": 3.0, "unit": "count", "observed_at": at,
            "region": "US", "update_id": f"bad-base-{i}"}


def not_a_platform(text: str) -> bool:
    slug = text.strip().lower()
    return slug not in KNOWN_PLATFORMS and not PLATFORM_SLUG.match(slug)


ids = st.integers(0, 10**9)
random_bytes = st.binary(max_size=400).map(lambda b: ("bytes", b))
truncated = st.tuples(ids, st.floats(0.01, 0.99)).map(
    lambda t: ("truncated", (raw := orjson.dumps(valid_dict(t[0])))[: max(1, int(len(raw) * t[1]))]))
wrong_type = st.tuples(ids, st.sampled_from(REQUIRED),
                       st.sampled_from([None, [], {}, [1, 2], {"a": 1}, True, "x"])) \
    .filter(lambda t: not (t[1] in ("platform", "unit") and t[2] == "x")) \
    .filter(lambda t: not (t[1] == "platform" and t[2] == "x")) \
    .map(lambda t: ("wrong_type", orjson.dumps({**valid_dict(t[0]), t[1]: t[2]})))
huge = st.tuples(ids, st.one_of(st.floats(min_value=1.0000001e15, max_value=1e308),
                                st.floats(min_value=-1e308, max_value=-1.0000001e15),
                                st.integers(20, 400).map(lambda n: "1" + "0" * n))) \
    .map(lambda t: ("huge_number",
                    orjson.dumps(valid_dict(t[0])).replace(b'"value":3.0', b'"value":' + str(t[1]).encode())))
nan_inf = st.tuples(ids, st.sampled_from(["NaN", "Infinity", "-Infinity", "nan", "inf", "1e999", "-1e999"])) \
    .map(lambda t: ("nan_inf", orjson.dumps(valid_dict(t[0])).replace(b'"value":3.0', b'"value":' + t[1].encode())))
far_time = st.tuples(ids, st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(1999, 12, 31), timezones=st.just(UTC)),
    st.datetimes(min_value=datetime(2100, 1, 1), max_value=datetime(9999, 12, 31), timezones=st.just(UTC)),
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)),  # no time zone
)).map(lambda t: ("far_time", orjson.dumps({**valid_dict(t[0]), "observed_at": t[1].isoformat()})))
bad_platform = st.tuples(ids, st.text(max_size=80).filter(not_a_platform)) \
    .map(lambda t: ("unknown_platform", orjson.dumps({**valid_dict(t[0]), "platform": t[1]})))
bad_metric = st.tuples(ids, st.text(max_size=40).filter(lambda m: m not in METRIC_UNITS)) \
    .map(lambda t: ("unknown_metric", orjson.dumps({**valid_dict(t[0]), "metric": t[1]})))
nested = st.tuples(st.integers(50, 50_000), st.booleans()).map(
    lambda t: ("nested", (b"[" * t[0] + b"]" * t[0]) if t[1] else (b'{"a":' * t[0] + b"1" + b"}" * t[0])))
nested_field = st.tuples(ids, st.integers(2, 3000)).map(
    lambda t: ("nested_field",
               orjson.dumps(valid_dict(t[0])).replace(b'"value":3.0', b'"value":' + b"[" * t[1] + b"]" * t[1])))
bad_batch = st.tuples(ids, st.integers(1, 30), st.sampled_from(["value", "metric", "observed_at"])) \
    .map(lambda t: ("bad_in_batch", orjson.dumps([valid_dict(t[0] + k) for k in range(t[1])]
                                                 + [{**valid_dict(-1 - t[0]), t[2]: None}])))
misc = st.sampled_from([
    ("empty", b""), ("tombstone", None), ("empty_array", b"[]"), ("empty_batch", b'{"batch_id": "b", "updates": []}'),
    ("json_scalar", b"42"), ("json_null", b"null"), ("json_string", b'"tiktok"'),
    ("negative_counter", orjson.dumps({**valid_dict(7), "value": -5.0})),
    ("unit_mismatch", orjson.dumps({**valid_dict(8), "unit": "USD"})),
    ("extra_field", orjson.dumps({**valid_dict(9), "surprise": 1})),
    ("share_over_100", orjson.dumps({**valid_dict(10), "metric": "market_share", "unit": "percent", "value": 140.0})),
    ("utf16", '{"platform": "tiktok"}'.encode("utf-16")),
])
BAD = st.one_of(random_bytes, truncated, wrong_type, huge, nan_inf, far_time, bad_platform, bad_metric, nested,
                nested_field, bad_batch, misc)


def generate(n: int) -> list[tuple[str, bytes | None]]:
    made: list[tuple[str, bytes | None]] = []

    @settings(max_examples=n, phases=[Phase.generate], database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(BAD)
    def collect(example: tuple[str, bytes | None]) -> None:
        made.append(example)

    collect()
    return made


def extremes() -> list[tuple[str, bytes | None]]:
    ten_mb = orjson.dumps({**valid_dict(11), "source": "x" * (10 * 1024 * 1024)})
    too_many = orjson.dumps([{**valid_dict(100_000 + k)} for k in range(10_001)])
    return [("ten_megabytes", ten_mb), ("too_many_updates", too_many)]


def run_bad_input(run: FaultRun, name: str, n_bad: int, n_valid: int) -> None:
    started = time.monotonic()
    bad = [*generate(n_bad), *extremes()]
    generated_s = time.monotonic() - started
    settings_ = fault_settings(run.broker.bootstrap, run.tmp)
    names = topic_names(settings_)
    worker = run.start_worker(settings_)
    valid = make_stream(n_valid, seed=random.randrange(1 << 30))
    rng = random.Random(n_bad)
    sender = Sender(settings_)
    chunks = [valid[i:i + 10] for i in range(0, len(valid), 10)]
    per_chunk = max(1, len(bad) // max(1, len(chunks)))
    queue = list(bad)
    for chunk in chunks:
        sender.updates(chunk)
        for _ in range(per_chunk):
            if queue:
                kind, value = queue.pop(0)
                keys = [None, b"tiktok", b"noon", b"amazon", "".join(rng.choices(string.printable, k=5)).encode()]
                key = rng.choice(keys[1:] if value is None else keys)  # a tombstone needs a key
                sender.send(value, key=key, tag=(kind, value))
    for kind, value in queue:
        sender.send(value, key=b"noon", tag=(kind, value))
    results = sender.results(timeout_s=120)
    sender.close()
    accepted = {(meta.partition, meta.offset): tag for tag, meta, error in results if tag is not None and error is None}
    rejected = [(tag[0], len(tag[1] or b""), f"{type(error).__name__}: {error}") for tag, _, error in results
                if tag is not None and error is not None]
    valid_failed = [error for tag, _, error in results if tag is None and error is not None]
    assert not valid_failed, valid_failed[:3]

    def letters() -> list[DeadLetter]:
        return [decode(v, DeadLetter) for _, v in read_topic(settings_, names.dead_letters, idle_ms=1000)]

    deadline = time.monotonic() + 90
    got = letters()
    while len(got) < len(accepted) and time.monotonic() < deadline:
        time.sleep(2)
        got = letters()
    expected = expected_finals(settings_.windows, valid)
    verdict = wait_for_finals(settings_, expected, timeout_s=60)
    alive = worker.process is not None and worker.process.poll() is None
    by_offset = {(d.partition, d.offset): d for d in got}
    missing = [accepted[k][0] for k in accepted if k not in by_offset]
    unexpected = [k for k in by_offset if k not in accepted]
    wrong_original = [accepted[k][0] for k, d in by_offset.items() if k in accepted
                      and hashlib.sha256(d.original).digest() != hashlib.sha256(accepted[k][1] or b"").digest()]
    reasons: dict[str, int] = {}
    for d in got:
        reasons[d.reason] = reasons.get(d.reason, 0) + 1
    kinds: dict[str, int] = {}
    for kind, _ in bad:
        kinds[kind] = kinds.get(kind, 0) + 1
    run.figures.record(name, bad_inputs=len(bad), bad_generated_s=round(generated_s, 1), bad_by_kind=kinds,
                       accepted_by_broker=len(accepted), rejected_by_broker=rejected, dead_letters=len(got),
                       dead_letter_reasons=reasons, missing_dead_letters=missing[:10],
                       unexpected_dead_letters=len(unexpected),
                       wrong_original=wrong_original[:10], valid_updates=n_valid, trials=1,
                       exact_trials=int(verdict.exact), lost=verdict.lost, double=verdict.double, worker_alive=alive,
                       diagnosis=None if verdict.exact else diagnose(settings_, worker), **{"valid": verdict.summary()})
    assert alive, worker.log_tail()
    assert worker.json("/healthz")["status"] == "ok"
    assert not missing, f"{len(missing)} bad inputs without a dead letter: {missing[:10]}"
    assert not unexpected, f"dead letters for offsets that were not bad inputs: {unexpected[:10]}"
    assert not wrong_original, wrong_original[:10]
    assert all(d.reason in ("malformed", "invalid", "too_large") and d.detail for d in got), reasons
    assert all(d.topic == names.metric_updates for d in got)
    assert len(got) + len(rejected) == len(bad)
    assert verdict.exact, verdict.summary()


@quick_and_soak(
    {"name": "bad_input", "n_bad": 2000, "n_valid": 3000},
    {"name": "bad_input_soak", "n_bad": 20_000, "n_valid": 20_000},
    soak_timeout_s=1200,
)
def test_bad_inputs_all_dead_lettered_and_valid_ones_exact(fault_run: FaultRun, variant: dict[str, Any]) -> None:
    run_bad_input(fault_run, **variant)
