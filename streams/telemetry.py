"""Prometheus figures: the business gauges and the pipeline's own health.

A private registry (not the process-global one) so that several apps in one test process
never clash, and Faust's own sensors are not exported under our names. Label sets are
small and fixed: platform, metric, region, unit, window, topic, partition, reason.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from streams import __version__

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
E2E_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 3600.0)


class Telemetry:
    """Every metric the worker exports, created once per app."""

    def __init__(self) -> None:
        r = self.registry = CollectorRegistry(auto_describe=True)
        series = ["platform", "metric", "region", "unit", "kind", "window"]
        self.window_value = Gauge("souq_window_value", "Latest window values (value = sum, last or ratio)",
                                  [*series, "stat"], registry=r)
        self.window_change = Gauge("souq_window_change", "Change of a window's value against the previous window",
                                   [*series, "change"], registry=r)
        self.metric_total = Counter("souq_metric", "Cumulative sum of counter metric updates",
                                    ["platform", "metric", "region", "unit"], registry=r)
        self.reported_value = Gauge("souq_reported_value", "Latest figure reported in articles",
                                    ["platform", "metric", "unit", "region", "period", "kind"], registry=r)
        self.reported_info = Gauge("souq_reported_info", "Source of the latest reported figure (always 1)",
                                   ["platform", "metric", "source"], registry=r)
        self.processed = Counter("souq_events_processed", "Records consumed and handled", ["topic"], registry=r)
        self.published = Counter("souq_events_published", "Records published", ["topic"], registry=r)
        self.dead_letters = Counter("souq_dead_letters", "Records sent to dead-letters", ["topic", "reason"],
                                    registry=r)
        self.late = Counter("souq_late_events", "Signals after their windows' grace", ["topic", "platform"],
                            registry=r)
        self.duplicates = Counter("souq_duplicates", "Redelivered records ignored", ["topic"], registry=r)
        self.processing_latency = Histogram("souq_processing_latency_seconds",
                                            "Time to handle one consumed batch, per record",
                                            ["topic"], buckets=LATENCY_BUCKETS, registry=r)
        self.end_to_end_latency = Histogram("souq_end_to_end_latency_seconds",
                                            "From a signal's observed_at to its window update being published",
                                            buckets=E2E_BUCKETS, registry=r)
        self.consumer_lag = Gauge("souq_consumer_lag", "Records behind the log end", ["topic", "partition"],
                                  registry=r)
        self.revoked_skipped = Counter("souq_revoked_skipped", "Buffered records of partitions revoked from this "
                                       "worker, left to their new owner", ["topic"], registry=r)
        self.rewound_skipped = Counter("souq_rewound_skipped", "Records fetched beyond the state's offset and "
                                       "read again after seeking back to it", ["topic"], registry=r)
        self.repartitioned = Counter("souq_repartitioned", "Metric updates that arrived on another partition than "
                                     "their platform's and took the hop through signals", ["topic"], registry=r)
        self.rebalances = Counter("souq_rebalances", "Partition assignments received", registry=r)
        self.table_keys = Gauge("souq_table_keys", "Live keys per table", ["table"], registry=r)
        self.broker_connected = Gauge("souq_broker_connected", "1 while the worker reaches the broker", registry=r)
        self.broker_disconnects = Counter("souq_broker_disconnects", "Times the broker became unreachable",
                                          registry=r)
        self.info = Gauge("souq_worker_info", "Worker build information", ["version"], registry=r)
        self.info.labels(version=__version__).set(1)
        self.broker_connected.set(0)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
