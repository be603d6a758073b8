"""Grafana dashboards as code: generation, structure, and every query against a real Prometheus."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from tests.support.grafana import all_queries
from tests.support.prometheus import PrometheusServer

ROOT = Path(__file__).resolve().parents[2]
GRAFANA = ROOT / "deploy" / "grafana"


def test_checked_in_json_is_current(dashboards_module: ModuleType) -> None:
    rendered = dashboards_module.render_all()
    on_disk = {p.name for p in (GRAFANA / "dashboards").glob("*.json")}
    assert on_disk == set(rendered), "dashboards/ holds files the code does not generate (or misses some)"
    stale = dashboards_module.stale()
    assert stale == [], f"run: python deploy/grafana/dashboards.py  (stale: {stale})"


def test_generator_script_is_deterministic() -> None:
    result = subprocess.run([sys.executable, str(GRAFANA / "dashboards.py"), "--check"],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_dashboard_structure(dashboards_module: ModuleType) -> None:
    dashboards = dashboards_module.build_all()
    assert len(dashboards) == 4
    uids = [d["uid"] for d in dashboards.values()]
    assert len(set(uids)) == len(uids)
    for name, dash in dashboards.items():
        panels = dashboards_module.panels(dash)
        ids = [p["id"] for p in panels]
        assert len(set(ids)) == len(ids), name
        for panel in panels:
            if panel["type"] == "row":
                continue
            assert panel["datasource"]["uid"] == dashboards_module.DATASOURCE_UID, (name, panel["title"])
            refs = [t["refId"] for t in panel["targets"]]
            assert refs and len(set(refs)) == len(refs) and all(refs), (name, panel["title"])
            assert all(t["expr"].strip() for t in panel["targets"])


def test_platform_drilldown_variable(dashboards_module: ModuleType) -> None:
    dash = dashboards_module.build_all()["souq-platform.json"]
    variables = {v["name"]: v for v in dash["templating"]["list"]}
    assert variables["platform"]["query"] == "label_values(souq_window_value, platform)"
    assert variables["platform"]["datasource"]["uid"] == dashboards_module.DATASOURCE_UID
    exprs = [t["expr"] for p in dashboards_module.panels(dash) for t in p.get("targets", [])]
    assert all("$platform" in e for e in exprs if "souq_" in e and "souq_reported" not in e)


def test_provisioning_matches_dashboards(dashboards_module: ModuleType) -> None:
    ds = yaml.safe_load((GRAFANA / "provisioning" / "datasources" / "prometheus.yml").read_text())
    assert [d["uid"] for d in ds["datasources"]] == [dashboards_module.DATASOURCE_UID]
    assert ds["datasources"][0]["type"] == "prometheus"
    prov = yaml.safe_load((GRAFANA / "provisioning" / "dashboards" / "souq.yml").read_text())
    path = prov["providers"][0]["options"]["path"]
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    mounts = compose["services"]["grafana"]["volumes"]
    assert f"./deploy/grafana/dashboards:{path}:ro" in mounts


def test_all_queries_shape(dashboards_module: ModuleType) -> None:
    queries = all_queries(dashboards_module)
    per_dashboard = Counter(q.dashboard for q in queries)
    assert len(per_dashboard) == 4 and min(per_dashboard.values()) >= 5, per_dashboard
    for q in queries:
        assert "$" not in q.expr and "[[" not in q.expr, q  # every variable substituted
    # variables can be pinned, e.g. to the platform a live test produced data for
    pinned = all_queries(dashboards_module, {"platform": "tiktok"})
    assert any('platform=~"tiktok"' in q.expr for q in pinned)
    # queries that need history or rare events say so
    assert any(q.requires and "1d of history" in q.requires for q in queries)
    assert all(q.requires is None for q in queries if q.panel == "Workers up")


@pytest.mark.prometheus
def test_every_query_is_valid_promql(dashboards_module: ModuleType, prometheus_server: PrometheusServer) -> None:
    """Prometheus (with our recording rules loaded) accepts every dashboard query."""
    errors = []
    for q in all_queries(dashboards_module):
        try:
            prometheus_server.check_query(q.expr)
        except Exception as exc:  # collect them all
            errors.append(f"{q.dashboard} / {q.panel} / {q.ref_id}: {exc}")
    assert errors == []


def test_dashboard_metrics_exist_in_contract(dashboards_module: ModuleType) -> None:
    """Queries only use metric names from the worker contract or our recording rules."""
    contract = {
        "souq_window_value", "souq_window_change", "souq_metric_total", "souq_reported_value",
        "souq_reported_info", "souq_events_processed_total", "souq_events_published_total",
        "souq_dead_letters_total", "souq_late_events_total", "souq_duplicates_total",
        "souq_processing_latency_seconds_bucket", "souq_end_to_end_latency_seconds_bucket",
        "souq_consumer_lag", "souq_rebalances_total", "souq_table_keys", "souq_broker_connected",
        "souq_worker_info",
    }
    rules_dir = ROOT / "deploy" / "prometheus" / "rules"
    recorded = {
        r["record"] for g in yaml.safe_load((rules_dir / "recording.yml").read_text())["groups"]
        for r in g["rules"]
    }
    for q in all_queries(dashboards_module):
        names = set(re.findall(r"\bsouq[_:][\w:]+", q.expr))
        unknown = names - contract - recorded
        assert not unknown, (q.panel, unknown)


def test_json_files_parse() -> None:
    for path in (GRAFANA / "dashboards").glob("*.json"):
        dash = json.loads(path.read_text())
        assert dash["title"].startswith("Souq signals / ")
