"""How every Kafka client we open authenticates: one translation of the settings per client library.

The worker runs three clients (Faust's, and the aiokafka consumers of the lean stages) and the
CLI and tests run kafka-python; each spells TLS and SASL its own way, so the spelling lives
here and nowhere else. The password stays a SecretStr until the moment a client takes it.
"""

from __future__ import annotations

import ssl
from typing import Any

import faust

from streams.settings import Settings


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """A context that trusts `kafka_ssl_cafile` (and checks the broker's host name), or None."""
    return ssl.create_default_context(cafile=str(settings.kafka_ssl_cafile)) if settings.kafka_ssl_cafile else None


def faust_credentials(settings: Settings) -> Any:
    """Faust's `broker_credentials` for the settings (None: PLAINTEXT)."""
    if settings.kafka_sasl_mechanism:
        password = settings.kafka_password.get_secret_value() if settings.kafka_password else ""
        return faust.SASLCredentials(username=settings.kafka_username or "", password=password,
                                     mechanism=settings.kafka_sasl_mechanism, ssl_context=ssl_context(settings))
    context = ssl_context(settings)
    return faust.SSLCredentials(context) if context is not None else None


def aiokafka_security(settings: Settings) -> dict[str, Any]:
    """Security options in aiokafka's spelling, for the clients we open beside Faust's."""
    options = {k: v for k, v in settings.kafka_python_security().items() if k != "ssl_cafile"}
    context = ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    return options
