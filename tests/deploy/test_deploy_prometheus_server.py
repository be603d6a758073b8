"""The Prometheus test harness (tests/support/prometheus.py) with our real rule files.

Prometheus scrapes only itself here; the lead's live test points it at a worker.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.support.prometheus import PrometheusQueryError, PrometheusServer, prometheus_binary

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "deploy" / "prometheus" / "rules"

pytestmark = pytest.mark.prometheus


def expected_groups() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in ("recording.yml", "alerts.yml"):
        for group in yaml.safe_load((RULES / name).read_text())["groups"]:
            out[group["name"]] = [r.get("record") or r["alert"] for r in group["rules"]]
    return out


def test_scrapes_itself(prometheus_server: PrometheusServer) -> None:
    targets = prometheus_server.wait_for_targets(job="prometheus", timeout=20)
    assert [t["scrapeUrl"] for t in targets] == [f"{prometheus_server.url}/metrics"]
    rows = prometheus_server.wait_for('up{job="prometheus"} == 1', timeout=20)
    assert rows[0]["metric"]["instance"] == prometheus_server.address
    # a range function over scraped data works too
    prometheus_server.wait_for('rate(prometheus_http_requests_total{job="prometheus"}[5s])', timeout=20)


def test_rules_loaded_and_evaluated(prometheus_server: PrometheusServer) -> None:
    groups = prometheus_server.wait_for_rule_evaluation(timeout=20)
    loaded = {g["name"]: [r["name"] for r in g["rules"]] for g in groups}
    assert loaded == expected_groups()
    files = {Path(g["file"]).name for g in groups}
    assert files == {"recording.yml", "alerts.yml"}
    for group in groups:
        for rule in group["rules"]:
            assert rule["health"] == "ok", (rule["name"], rule.get("lastError"))


def test_alerts_evaluate(prometheus_server: PrometheusServer) -> None:
    """No souq target is configured, so SouqNoWorkers must go pending (for: 5m)."""
    rows = prometheus_server.wait_for('ALERTS{alertname="SouqNoWorkers"}', timeout=20)
    assert rows[0]["metric"]["alertstate"] == "pending"
    assert any(a["labels"]["alertname"] == "SouqNoWorkers" for a in prometheus_server.alerts())


def test_query_helpers(prometheus_server: PrometheusServer) -> None:
    assert prometheus_server.value("1 + 1") == 2.0
    assert prometheus_server.query('absent_metric_xyz{job="souq"}') == []
    with pytest.raises(PrometheusQueryError) as err:
        prometheus_server.query("sum(rate(x[5m])")
    assert err.value.error_type == "bad_data"


def test_config_rendering_for_workers(tmp_path: Path) -> None:
    server = PrometheusServer(targets=["127.0.0.1:6066", "127.0.0.1:6067"])
    server.port = 9999
    text = server.render_config()
    cfg = yaml.safe_load(text)
    assert cfg["global"]["scrape_interval"] == "1s"
    assert cfg["scrape_configs"] == [
        {"job_name": "souq", "static_configs": [{"targets": ["127.0.0.1:6066", "127.0.0.1:6067"]}]}
    ]
    assert [Path(p).name for p in cfg["rule_files"]] == ["recording.yml", "alerts.yml"]


def test_stop_is_clean() -> None:
    if not prometheus_binary():
        pytest.skip("prometheus not installed (Debian: apt-get install prometheus); CI installs it")
    server = PrometheusServer().start()
    workdir = server.workdir
    assert workdir is not None and workdir.exists()
    proc = server._proc
    server.stop()
    assert proc is not None and proc.returncode == 0, server.log_tail()
    assert not workdir.exists()
    server.stop()  # idempotent
