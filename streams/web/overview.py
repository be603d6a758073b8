"""What the live page shows, as plain JSON-ready dicts: per-platform window series, the figures
articles reported, and the pipeline's health read back from the Telemetry registry.

Pure functions over a WindowWorker-like object and a CollectorRegistry, so they are tested
without a broker (tests/web/test_overview.py) and served by `/api/overview` (views.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from prometheus_client import CollectorRegistry

from models import ReportedFigure, WindowAggregate
from streams.web.history import History

MAX_PLATFORMS = 50
"""A page with more lines than this is unreadable; the JSON says how many were left off."""


def platforms_held(window_worker: Any, registry: CollectorRegistry | None = None,
                   history: History | None = None) -> list[str]:
    """Every platform the worker has state or figures for.

    The engine interface has no listing, so the platforms come from what the worker exported:
    series it published (`latest_start`), reported-figure rows, counters it incremented, and the
    windows the page recorded.
    """
    found: set[str] = set(history.platforms()) if history is not None else set()
    for series in getattr(window_worker, "latest_start", {}) or {}:
        found.add(series[0])
    for state in list(getattr(window_worker, "partitions", {}).values()):
        reported = getattr(state, "reported", None)
        for row in list(getattr(reported, "rows", {}).values()):
            found.add(row.platform)
    if registry is not None:
        for family in registry.collect():
            if family.name in ("souq_metric", "souq_window_value", "souq_reported_value"):
                for sample in family.samples:
                    platform = sample.labels.get("platform")
                    if platform:
                        found.add(platform)
    return sorted(found)


def _ratio_pct(numerator: float, denominator: float) -> float | None:
    if denominator <= 0:
        return None
    return round(100.0 * numerator / denominator, 4)


def platform_series(rows: Iterable[WindowAggregate], last: int) -> dict[str, Any]:
    """One platform's rows (one window size) → points per window start, oldest first.

    Sessions, orders and GMV are the counter cells (metric updates), added up across regions; a GMV
    an article reported is a gauge in the windows and stays out of the sums. Active users add their
    last values across regions. The conversion rate is the engine's derived value when there is one
    region, else the ratio of the summed counters (ratio of sums, never mean of ratios).
    """
    by_start: dict[datetime, list[WindowAggregate]] = defaultdict(list)
    regions: set[str] = set()
    for row in rows:
        by_start[row.window_start].append(row)
        if row.region:
            regions.add(row.region)
    points = []
    for start in sorted(by_start)[-last:] if last > 0 else []:
        cells = by_start[start]
        counters = [r for r in cells if r.kind == "counter"]
        sessions = sum(r.value for r in counters if r.metric == "sessions")
        orders = sum(r.value for r in counters if r.metric == "orders")
        gmv: dict[str, float] = defaultdict(float)
        for r in counters:
            if r.metric == "gmv":
                gmv[r.unit] += r.value
        users = [r.last if r.last is not None else r.value for r in cells if r.metric == "active_users"]
        derived = [r for r in cells if r.metric == "conversion_rate" and r.kind == "derived"]
        has_counts = any(r.metric in ("sessions", "orders") for r in counters)
        if len(derived) == 1:
            conversion: float | None = derived[0].value
        elif has_counts:
            conversion = _ratio_pct(orders, sessions)
        else:
            conversion = None
        points.append({
            "window_start": start.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "window_end": cells[0].window_end.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "ts": int(start.timestamp()),
            "sessions": sessions if has_counts else None,
            "orders": orders if has_counts else None,
            "conversion_rate": conversion,
            "gmv": {unit: round(value, 2) for unit, value in sorted(gmv.items())},
            "active_users": sum(users) if users else None,
            "final": all(r.final for r in cells),
            "updated_at": max(r.updated_at for r in cells).astimezone(UTC).isoformat().replace("+00:00", "Z"),
        })
    return {"regions": sorted(regions), "points": points}


def reported_rows(rows: Iterable[ReportedFigure]) -> list[dict[str, Any]]:
    return [row.model_dump(mode="json") for row in sorted(rows, key=lambda r: (r.platform, r.metric, r.key))]


def _strip_prefix(topic: str, prefix: str) -> str:
    return topic[len(prefix):] if prefix and topic.startswith(prefix) else topic


def health(registry: CollectorRegistry, topic_prefix: str = "") -> dict[str, Any]:
    """The pipeline's own counters, summed the way a person reads them (topic prefix dropped)."""
    by_topic: dict[str, dict[str, float]] = {"processed": {}, "published": {}}
    totals: dict[str, float] = defaultdict(float)
    dead_by_reason: dict[str, float] = defaultdict(float)
    late_by_platform: dict[str, float] = defaultdict(float)
    e2e_sum = e2e_count = 0.0
    for family in registry.collect():
        for sample in family.samples:
            name, labels, value = sample.name, sample.labels, sample.value
            if name == "souq_events_processed_total":
                topic = _strip_prefix(labels.get("topic", ""), topic_prefix)
                by_topic["processed"][topic] = by_topic["processed"].get(topic, 0.0) + value
                totals["processed"] += value
            elif name == "souq_events_published_total":
                topic = _strip_prefix(labels.get("topic", ""), topic_prefix)
                by_topic["published"][topic] = by_topic["published"].get(topic, 0.0) + value
                totals["published"] += value
            elif name == "souq_dead_letters_total":
                dead_by_reason[labels.get("reason", "unknown")] += value
                totals["dead_letters"] += value
            elif name == "souq_late_events_total":
                late_by_platform[labels.get("platform", "unknown")] += value
                totals["late"] += value
            elif name == "souq_duplicates_total":
                totals["duplicates"] += value
            elif name == "souq_rebalances_total":
                totals["rebalances"] += value
            elif name == "souq_broker_disconnects_total":
                totals["broker_disconnects"] += value
            elif name == "souq_consumer_lag":
                totals["consumer_lag"] += value
            elif name == "souq_broker_connected":
                totals["broker_connected"] = value
            elif name == "souq_table_keys":
                totals[f"{labels.get('table', 'unknown')}_keys"] += value
            elif name == "souq_end_to_end_latency_seconds_sum":
                e2e_sum += value
            elif name == "souq_end_to_end_latency_seconds_count":
                e2e_count += value
    return {
        "processed": totals["processed"],
        "published": totals["published"],
        "dead_letters": totals["dead_letters"],
        "late": totals["late"],
        "duplicates": totals["duplicates"],
        "rebalances": totals["rebalances"],
        "broker_connected": bool(totals.get("broker_connected", 0.0)),
        "broker_disconnects": totals["broker_disconnects"],
        "consumer_lag": totals["consumer_lag"],
        "window_keys": totals["windows_keys"],
        "reported_keys": totals["reported_keys"],
        "mean_end_to_end_s": round(e2e_sum / e2e_count, 4) if e2e_count else None,
        "processed_by_topic": dict(sorted(by_topic["processed"].items())),
        "published_by_topic": dict(sorted(by_topic["published"].items())),
        "dead_letters_by_reason": dict(sorted(dead_by_reason.items())),
        "late_by_platform": dict(sorted(late_by_platform.items())),
    }


def snapshot(window_worker: Any, history: History, windows: Iterable[str],
             registry: CollectorRegistry | None = None) -> None:
    """Record the engine's current rows of these window sizes for every platform held."""
    if window_worker is None:
        return
    platforms = platforms_held(window_worker, registry, history)
    for window in windows:
        for platform in platforms:
            history.record(window_worker.query(platform, None, window, history.keep))


def overview(window_worker: Any, registry: CollectorRegistry, *, window: str, last: int,
             windows: list[str], topic_prefix: str = "", platforms: list[str] | None = None,
             history: History | None = None) -> dict[str, Any]:
    """Everything `/api/overview` returns (recording the current rows into `history` first)."""
    history = history if history is not None else History()
    held = platforms if platforms is not None else platforms_held(window_worker, registry, history)
    shown = held[:MAX_PLATFORMS]
    result = []
    for platform in shown:
        if window_worker is not None:
            history.record(window_worker.query(platform, None, window, last))
        series = platform_series(history.rows(window, platform, last), last)
        reported = reported_rows(window_worker.reported_for(platform)) if window_worker is not None else []
        if not series["points"] and not reported:
            continue
        points = series["points"]
        result.append({
            "platform": platform,
            "regions": series["regions"],
            "latest": points[-1] if points else None,
            "series": points,
            "reported": reported,
        })
    return {
        "generated_at": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "window": window,
        "windows": windows,
        "last": last,
        "platforms": result,
        "platforms_left_off": max(0, len(held) - len(shown)),
        "health": health(registry, topic_prefix),
    }
