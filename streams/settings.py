"""The one settings object: every knob, read from `SOUQ_*` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

EMBEDDED_SESSION_TIMEOUT_S = 2.0
EMBEDDED_HEARTBEAT_INTERVAL_S = 0.5


class Settings(BaseSettings):
    """Defaults suit a laptop running the embedded broker; production overrides by env.

    Timeouts: the embedded broker holds a new group's first join for half the session timeout
    (rounded up to a second), so Faust's default (60 s) costs ~32 s per join. 6 s with a 1 s
    heartbeat is the default because it is Apache Kafka's smallest allowed session
    (`group.min.session.timeout.ms`) and tolerates five missed heartbeats while the worker's loop
    is busy (under load heartbeats were measured firing up to 0.63 s late). On the embedded
    broker, which has no such floor, the pair (when neither is set) becomes 2 s with a 0.5 s
    heartbeat: the join waits 1 s instead of 3 s and a late heartbeat still has ~0.9 s of margin.
    """

    model_config = SettingsConfigDict(env_prefix="SOUQ_", env_file=".env", extra="ignore")

    app_id: str = "souq-signals"
    kafka_bootstrap_servers: str = ""
    """Empty means: use (and if needed start) the embedded broker on `embedded_broker_port`."""
    embedded_broker_port: int = 9092
    embedded_broker_storage: str = "memory://tansu/"

    kafka_security_protocol: Literal["PLAINTEXT", "SASL_PLAINTEXT", "SSL", "SASL_SSL"] | None = None
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    kafka_username: str | None = None
    kafka_password: SecretStr | None = None
    kafka_ssl_cafile: Path | None = None

    topic_prefix: str = ""
    """Prepended to every topic name: lets tests and tenants share one cluster."""
    partitions: int = Field(default=4, ge=1)
    replication_factor: int = Field(default=1, ge=1)
    retention_ms: int = 7 * 24 * 3600 * 1000

    windows: str = "1m:10s,1h:1m,1d:10m,1h/5m:1m,1d/1h:10m"
    """`size[/step]:grace`, comma-separated. Each is a named rolling table."""
    idle_close_s: float = 30.0
    """An idle partition's windows close on the wall clock after this long without events."""
    dedup_max: int = 1_000_000
    flush_interval_s: float = Field(default=0.1, gt=0)
    """The longest a stage waits for input when none has been fetched (the windows stage never
    waits to fill a batch it has records for); window changes are published at most once per
    key per batch."""
    batch_max: int = Field(default=1000, ge=1)
    """Messages per fetch of a stage's consumer (and per Faust agent batch)."""
    windows_batch_max: int = Field(default=4000, ge=1)
    """Messages the windows stage applies between two deliveries and commits: what it has fetched
    already, up to this many (it never waits for more). A batch's output and state commit are on
    their way (~15 ms on the embedded broker) while the next batch is applied, one deep: measured
    with 1000 and no pipelining, single-update messages kept the worker 59% busy waiting."""
    windows_batch_bytes: int = Field(default=16 * 1024 * 1024, ge=1)
    """The same bound in message bytes: memory, when each message carries hundreds of updates."""
    max_article_bytes: int = 1_000_000
    max_batch_updates: int = 10_000

    web_host: str = "127.0.0.1"
    web_port: int = 6066
    state_dir: Path = Path("state")
    store: Literal["rocksdb", "memory"] = "rocksdb"

    fetch_max_wait_ms: int = Field(default=50, ge=1)
    """How long a fetch may wait for data. The embedded broker answers a waiting fetch only when
    this expires, not when data arrives (measured: a record produced to an idle partition
    reached a consumer after up to the full wait; Faust's fixed 1500 ms gave ~0.4 s per hop).
    Short waits cost a few empty fetches a second when idle and bound each hop's delay."""
    stop_timeout_s: float = Field(default=10.0, gt=0)
    """How long a stopping worker waits for its last state commit: with the broker away it would
    wait forever; after this it exits all the same, and the next owner replays from the last
    commit that was delivered."""
    session_timeout_s: float = Field(default=6.0, gt=0)
    heartbeat_interval_s: float = Field(default=1.0, gt=0)
    log_level: str = "info"

    @model_validator(mode="after")
    def _embedded_broker_joins_sooner(self) -> Settings:
        if self.uses_embedded_broker and not {"session_timeout_s", "heartbeat_interval_s"} & self.model_fields_set:
            self.session_timeout_s = EMBEDDED_SESSION_TIMEOUT_S
            self.heartbeat_interval_s = EMBEDDED_HEARTBEAT_INTERVAL_S
        if self.heartbeat_interval_s >= self.session_timeout_s:
            raise ValueError(f"heartbeat_interval_s ({self.heartbeat_interval_s}) must be shorter than "
                             f"session_timeout_s ({self.session_timeout_s})")
        return self

    @property
    def bootstrap(self) -> str:
        return self.kafka_bootstrap_servers or f"127.0.0.1:{self.embedded_broker_port}"

    @property
    def uses_embedded_broker(self) -> bool:
        return not self.kafka_bootstrap_servers

    def kafka_python_security(self) -> dict[str, object]:
        """Security options in kafka-python's spelling (the CLI and tests)."""
        options: dict[str, object] = {}
        if self.kafka_security_protocol:
            options["security_protocol"] = self.kafka_security_protocol
        elif self.kafka_sasl_mechanism:
            options["security_protocol"] = "SASL_SSL" if self.kafka_ssl_cafile else "SASL_PLAINTEXT"
        if self.kafka_sasl_mechanism:
            options["sasl_mechanism"] = self.kafka_sasl_mechanism
            options["sasl_plain_username"] = self.kafka_username
            options["sasl_plain_password"] = self.kafka_password.get_secret_value() if self.kafka_password else None
        if self.kafka_ssl_cafile:
            options["ssl_cafile"] = str(self.kafka_ssl_cafile)
        return options


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
