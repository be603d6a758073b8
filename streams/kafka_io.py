"""The kafka-python side: topic creation, and the producer and consumer the CLI and tests use."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterable, Iterator
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import KafkaError, KafkaTimeoutError, TopicAlreadyExistsError

from streams.settings import Settings
from streams.topics import topic_configs, topic_names

BOOTSTRAP_TIMEOUT_MS = 10_000
"""kafka-python's default is 30 s; a refused login (which it retries silently) should fail sooner."""


class ConnectionFailed(RuntimeError):
    """The broker could not be reached or refused our credentials; the message says which."""


def _client_options(settings: Settings) -> dict[str, Any]:
    return {"bootstrap_servers": settings.bootstrap, **settings.kafka_python_security()}


def _explain(error: Exception, settings: Settings) -> ConnectionFailed:
    text = str(error)
    if "Authentication" in type(error).__name__ or "SASL" in text or "authentication" in text.lower():
        return ConnectionFailed(f"the broker at {settings.bootstrap} refused the credentials of user "
                                f"{settings.kafka_username!r} ({type(error).__name__})")
    if (isinstance(error, KafkaTimeoutError) or "bootstrap" in text.lower()) and settings.kafka_sasl_mechanism \
            and _listening(settings.bootstrap):
        # kafka-python does not surface a failed SASL exchange: it retries until the bootstrap
        # timeout. A broker that listens but never lets us in refused the login (or the mechanism).
        return ConnectionFailed(f"the broker at {settings.bootstrap} is up but did not accept the "
                                f"{settings.kafka_sasl_mechanism} login of user {settings.kafka_username!r}: check "
                                "SOUQ_KAFKA_USERNAME / SOUQ_KAFKA_PASSWORD and that the broker offers "
                                "SOUQ_KAFKA_SASL_MECHANISM")
    if isinstance(error, KafkaTimeoutError) or "bootstrap" in text.lower():
        return ConnectionFailed(f"no Kafka broker answers at {settings.bootstrap}: start one with `souq broker` "
                                "or set SOUQ_KAFKA_BOOTSTRAP_SERVERS")
    return ConnectionFailed(f"Kafka at {settings.bootstrap}: {type(error).__name__}: {text}")


def _listening(bootstrap: str) -> bool:
    for address in bootstrap.split(","):
        host, _, port = address.strip().rpartition(":")
        try:
            with socket.create_connection((host or "127.0.0.1", int(port)), timeout=1.0):
                return True
        except (OSError, ValueError):
            continue
    return False


def admin(settings: Settings) -> KafkaAdminClient:
    try:
        return KafkaAdminClient(**_client_options(settings), request_timeout_ms=10_000,
                                bootstrap_timeout_ms=BOOTSTRAP_TIMEOUT_MS)
    except (KafkaError, OSError) as error:
        raise _explain(error, settings) from error


def ensure_topics(settings: Settings, names: Iterable[str] | None = None) -> list[str]:
    """Create missing topics with partitions and explicit configs; return the ones created."""
    wanted = list(names) if names is not None else list(topic_names(settings).all())
    client = admin(settings)
    try:
        existing = set(client.list_topics())
        missing = [n for n in wanted if n not in existing]
        if not missing:
            return []
        new = [NewTopic(n, settings.partitions, settings.replication_factor, topic_configs=topic_configs(settings, n))
               for n in missing]
        with contextlib.suppress(TopicAlreadyExistsError):
            client.create_topics(new)
        return missing
    finally:
        client.close()


def producer(settings: Settings, **overrides: Any) -> KafkaProducer:
    options: dict[str, Any] = {"linger_ms": 5, "acks": "all", "max_request_size": 16 * 1024 * 1024,
                               "bootstrap_timeout_ms": BOOTSTRAP_TIMEOUT_MS, **_client_options(settings), **overrides}
    try:
        return KafkaProducer(**options)
    except (KafkaError, OSError) as error:
        raise _explain(error, settings) from error


def consumer(settings: Settings, *topics: str, from_beginning: bool = True, group_id: str | None = None,
             timeout_ms: int = 1000, **overrides: Any) -> KafkaConsumer:
    options: dict[str, Any] = {
        "auto_offset_reset": "earliest" if from_beginning else "latest",
        "group_id": group_id, "enable_auto_commit": group_id is not None, "consumer_timeout_ms": timeout_ms,
        "bootstrap_timeout_ms": BOOTSTRAP_TIMEOUT_MS,
        **_client_options(settings), **overrides,
    }
    try:
        return KafkaConsumer(*topics, **options)
    except (KafkaError, OSError) as error:
        raise _explain(error, settings) from error


def read_all(settings: Settings, topic: str, idle_ms: int = 1500) -> Iterator[Any]:
    """Every record now on `topic`, from the beginning, until nothing arrives for `idle_ms`."""
    source = consumer(settings, topic, timeout_ms=idle_ms)
    try:
        yield from source
    finally:
        source.close()
