"""Consumer-group timeouts follow the broker: the embedded one joins sooner, Kafka's floor holds.

Apache Kafka refuses a session under `group.min.session.timeout.ms` (6 s by default), so a worker
pointed at a cluster keeps 6 s / 1 s; the embedded broker has no floor and holds a new group's first
join for half the session timeout, so there the unset pair becomes 2 s / 0.5 s. Anything the user
sets (either of the two, by argument or `SOUQ_*` variable) is kept as given.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from streams.settings import EMBEDDED_HEARTBEAT_INTERVAL_S, EMBEDDED_SESSION_TIMEOUT_S, Settings
from tests.support.worker import settings_env


@pytest.fixture(autouse=True)
def no_souq_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in [n for n in os.environ if n.startswith("SOUQ_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no .env file either


def timeouts(settings: Settings) -> tuple[float, float]:
    return settings.session_timeout_s, settings.heartbeat_interval_s


def test_the_embedded_broker_gets_the_short_pair() -> None:
    assert timeouts(Settings()) == (EMBEDDED_SESSION_TIMEOUT_S, EMBEDDED_HEARTBEAT_INTERVAL_S) == (2.0, 0.5)


def test_a_cluster_keeps_kafkas_floor() -> None:
    assert timeouts(Settings(kafka_bootstrap_servers="kafka-0:9092")) == (6.0, 1.0)


@pytest.mark.parametrize(("given", "expected"), [
    ({"SOUQ_SESSION_TIMEOUT_S": "10"}, (10.0, 1.0)),
    ({"SOUQ_HEARTBEAT_INTERVAL_S": "0.25"}, (6.0, 0.25)),
    ({"SOUQ_SESSION_TIMEOUT_S": "3", "SOUQ_HEARTBEAT_INTERVAL_S": "1"}, (3.0, 1.0)),
])
def test_what_the_user_sets_is_kept_on_the_embedded_broker(
        monkeypatch: pytest.MonkeyPatch, given: dict[str, str], expected: tuple[float, float]) -> None:
    for name, value in given.items():
        monkeypatch.setenv(name, value)
    assert timeouts(Settings()) == expected


def test_a_child_process_sees_the_same_pair() -> None:
    """The tests and the bench hand settings to workers as SOUQ_* variables: resolved values travel."""
    env = settings_env(Settings())
    assert (env["SOUQ_SESSION_TIMEOUT_S"], env["SOUQ_HEARTBEAT_INTERVAL_S"]) == ("2.0", "0.5")


def test_a_heartbeat_not_shorter_than_the_session_is_refused() -> None:
    with pytest.raises(ValueError, match="must be shorter"):
        Settings(kafka_bootstrap_servers="kafka-0:9092", session_timeout_s=2.0, heartbeat_interval_s=2.0)
