"""The wiring every stage shares: the Faust app, its topics, telemetry and progress.

Agents, views and health depend on this module and nothing here depends on them, so the
stage wiring points one way; `streams.app` assembles the stages on top of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import faust
from faust.tables import TableManager
from faust.transport.drivers import aiokafka as faust_aiokafka

from streams.progress import Progress
from streams.security import faust_credentials
from streams.settings import Settings
from streams.telemetry import Telemetry
from streams.topics import TopicNames, topic_names


@dataclass
class Pipeline:
    """Everything the agents share: settings, the Faust app, its topics and telemetry."""

    settings: Settings
    app: faust.App
    names: TopicNames
    telemetry: Telemetry
    articles: faust.TopicT
    metric_updates: faust.TopicT
    signals: faust.TopicT
    aggregates: faust.TopicT
    aggregates_final: faust.TopicT
    dead_letters: faust.TopicT
    late_signals: faust.TopicT
    changelog: faust.TopicT
    articles_by_content: faust.TopicT
    progress: Progress = field(default_factory=Progress)
    input_consumers: list[Any] = field(default_factory=list)
    """Consumers of the lean stages beside Faust's (for health, lag and /healthz)."""
    window_worker: Any = None
    """The windows stage's WindowWorker, set when the stages are registered (views query it)."""
    windows_stage: Any = None
    """The windows stage (its consumer's assignment says which worker owns which partition)."""
    broker_reachable: bool = True
    """Set by the health probe; the windows' idle close holds while the broker is unreachable."""


class _ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # Faust fixes fetch_max_wait_ms at 1500 and offers no setting; aiokafka reads this
        # attribute when the consumer starts (see Settings.fetch_max_wait_ms for why it matters)
        consumer._fetch_max_wait_ms = self.app.conf.fetch_max_wait_ms
        return consumer


class _Consumer(faust_aiokafka.Consumer):
    def _new_consumer_thread(self) -> _ConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)


class _Transport(faust_aiokafka.Transport):
    Consumer = _Consumer


class _TableManager(TableManager):
    """Faust's table manager without the 1 s pause it takes before subscribing (room for tables
    declared after start; all of ours are declared before). Measured: the group join, and so
    the worker's readiness, came 1 s later with it."""

    async def on_start(self) -> None:
        if not self.should_stop:
            await self._update_channels()
            await self.recovery.start()


class SouqApp(faust.App):
    """Faust's app with its worker consumer's fetch wait taken from our settings."""

    def _new_transport(self) -> Any:
        return _Transport(self.conf.broker_consumer, self)


def build_pipeline(settings: Settings) -> Pipeline:
    """The app and its topics, with no stage registered yet; starts nothing."""
    app = SouqApp(
        settings.app_id,
        broker=f"kafka://{settings.bootstrap}",
        broker_credentials=faust_credentials(settings),
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=settings.heartbeat_interval_s,
        broker_max_poll_records=settings.batch_max,
        consumer_auto_offset_reset="earliest",
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        topic_allow_declare=False,
        store="memory://",
        datadir=str(settings.state_dir / "faust"),
        web_host=settings.web_host,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        web_in_thread=False,
        # 0: every stage queues a whole batch's output, then waits for it, so a linger only
        # delays (one pair of runs: single-update messages 40.4k -> 45.7k/s, batched 102k -> 119k/s)
        producer_linger_ms=0,
        producer_max_request_size=16 * 1024 * 1024,
        stream_wait_empty=False,
        autodiscover=False,
        loghandlers=[],
        TableManager=_TableManager,
    )
    app.conf.fetch_max_wait_ms = settings.fetch_max_wait_ms
    names = topic_names(settings)

    def raw(name: str) -> faust.TopicT:
        return app.topic(name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw",
                         partitions=settings.partitions)

    pipeline = Pipeline(
        settings=settings, app=app, names=names, telemetry=Telemetry(),
        articles=raw(names.articles), metric_updates=raw(names.metric_updates), signals=raw(names.signals),
        aggregates=raw(names.aggregates), aggregates_final=raw(names.aggregates_final),
        dead_letters=raw(names.dead_letters), late_signals=raw(names.late_signals),
        changelog=raw(names.changelog), articles_by_content=raw(names.articles_by_content),
    )
    return pipeline
