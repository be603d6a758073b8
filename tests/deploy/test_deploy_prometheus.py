"""Prometheus configuration, recording and alerting rules, and their promtool unit tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PROM = ROOT / "deploy" / "prometheus"
RULE_FILES = sorted((PROM / "rules").glob("*.yml"))
TEST_FILES = sorted((PROM / "tests").glob("*.yml"))

pytestmark = pytest.mark.prometheus


def run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def rules(kind: str) -> list[str]:
    return [r[kind] for path in RULE_FILES for g in load(path)["groups"] for r in g["rules"] if kind in r]


def test_files_present() -> None:
    assert {p.name for p in RULE_FILES} == {"recording.yml", "alerts.yml"}
    assert TEST_FILES, "no promtool unit tests in deploy/prometheus/tests"


@pytest.mark.parametrize("config", ["prometheus.yml", "prometheus.compose.yml"])
def test_promtool_check_config(promtool: str, config: str) -> None:
    result = run([promtool, "check", "config", str(PROM / config)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 rule files found" in result.stdout + result.stderr


def test_promtool_check_config_kubernetes(promtool: str) -> None:
    result = run([promtool, "check", "config", str(PROM / "prometheus.k8s.yml")])
    out = result.stdout + result.stderr
    if result.returncode and "field kubernetes_sd_configs not found" in out:
        # Debian builds Prometheus without the Kubernetes service discovery.
        pytest.skip("this promtool is built without kubernetes_sd_configs (Debian); upstream binaries have it")
    assert result.returncode == 0, out


def test_promtool_check_config_kubernetes_relabelling(promtool: str, tmp_path: Path) -> None:
    """Everything of prometheus.k8s.yml but the discovery itself, which Debian's build lacks."""
    cfg = load(PROM / "prometheus.k8s.yml")
    for job in cfg["scrape_configs"]:
        if job.pop("kubernetes_sd_configs", None) is not None:
            job["static_configs"] = [{"targets": ["10.0.0.1:6066"]}]
    cfg["rule_files"] = [str(PROM / f) for f in cfg["rule_files"]]
    variant = tmp_path / "prometheus.k8s-static.yml"
    variant.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    result = run([promtool, "check", "config", str(variant)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_kubernetes_config_matches_pod_annotations() -> None:
    """The k8s scrape config keys on the labels/annotations the StatefulSet sets."""
    cfg = load(PROM / "prometheus.k8s.yml")
    relabel = cfg["scrape_configs"][0]["relabel_configs"]
    sources = {s for r in relabel for s in r.get("source_labels", [])}
    assert "__meta_kubernetes_pod_annotation_prometheus_io_scrape" in sources
    assert "__meta_kubernetes_pod_annotation_prometheus_io_port" in sources
    sts = load(ROOT / "deploy" / "k8s" / "statefulset.yaml")
    annotations = sts["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert sts["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/name"] == "souq-signals"


def test_scrape_job_is_souq() -> None:
    for name in ("prometheus.yml", "prometheus.compose.yml", "prometheus.k8s.yml"):
        jobs = [s["job_name"] for s in load(PROM / name)["scrape_configs"]]
        assert "souq" in jobs, name


def test_file_sd_targets_parse() -> None:
    for path in (PROM / "targets").glob("*.yml"):
        groups = load(path)
        assert all(g["targets"] and all(":" in t for t in g["targets"]) for g in groups), path


def test_promtool_check_rules(promtool: str) -> None:
    result = run([promtool, "check", "rules", *map(str, RULE_FILES)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_test_rules(promtool: str) -> None:
    result = run([promtool, "test", "rules", *map(str, TEST_FILES)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("SUCCESS") == len(TEST_FILES), result.stdout


def test_every_alert_has_firing_and_quiet_cases() -> None:
    firing: set[str] = set()
    quiet: set[str] = set()
    for path in TEST_FILES:
        for case in load(path).get("tests", []):
            for t in case.get("alert_rule_test", []):
                (firing if t.get("exp_alerts") else quiet).add(t["alertname"])
    alerts = set(rules("alert"))
    assert alerts, "no alerts defined"
    assert alerts - firing == set(), "alerts without a firing test case"
    assert alerts - quiet == set(), "alerts without a not-firing test case"
    assert (firing | quiet) - alerts == set(), "tests for alerts that do not exist"


def test_every_recording_rule_is_tested() -> None:
    tested: set[str] = set()
    for path in TEST_FILES:
        for case in load(path).get("tests", []):
            for t in case.get("promql_expr_test", []):
                tested.update(s["labels"].split("{")[0] for s in t.get("exp_samples", []))
    assert set(rules("record")) - tested == set()


def test_alerts_have_severity_and_summary() -> None:
    for path in RULE_FILES:
        for group in load(path)["groups"]:
            for rule in group["rules"]:
                if "alert" in rule:
                    assert rule["labels"]["severity"] in {"warning", "critical"}, rule["alert"]
                    assert rule["annotations"]["summary"], rule["alert"]
