"""Kubernetes manifests in deploy/k8s: kubernetes-validate --strict (offline, bundled
schemas) plus consistency between the resources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
MANIFESTS = sorted(K8S.glob("*.yaml"))

pytest.importorskip("kubernetes_validate", reason="pip install kubernetes-validate")


def resources() -> dict[tuple[str, str], dict]:
    out = {}
    for path in MANIFESTS:
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                out[(doc["kind"], doc["metadata"]["name"])] = doc
    return out


@pytest.mark.parametrize("version", ["1.29.0", "1.37.0"])
def test_kubernetes_validate_strict(version: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kubernetes_validate", "--strict", "--quiet", "-k", version,
         *map(str, MANIFESTS)],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_validator_is_strict() -> None:
    """Guard: an unknown field is rejected, so the test above means something."""
    import kubernetes_validate

    sts = resources()[("StatefulSet", "souq-worker")]
    bad = {**sts, "spec": {**sts["spec"], "replicaz": 2}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(bad, "1.37.0", strict=True)


def test_expected_resources() -> None:
    kinds = {kind for kind, _ in resources()}
    assert {"StatefulSet", "Service", "ConfigMap", "Secret", "PodDisruptionBudget"} <= kinds
    assert "ServiceMonitor" not in kinds


def test_statefulset_wiring() -> None:
    res = resources()
    sts = res[("StatefulSet", "souq-worker")]
    spec = sts["spec"]
    pod = spec["template"]
    labels = pod["metadata"]["labels"]
    assert all(labels[k] == v for k, v in spec["selector"]["matchLabels"].items())

    headless = res[("Service", spec["serviceName"])]
    assert headless["spec"]["clusterIP"] == "None"
    for kind, name in res:
        if kind in ("Service", "PodDisruptionBudget"):
            sel = res[(kind, name)]["spec"]["selector"]
            sel = sel.get("matchLabels", sel)
            assert all(labels.get(k) == v for k, v in sel.items()), name

    ann = pod["metadata"]["annotations"]
    container = pod["spec"]["containers"][0]
    port = next(p for p in container["ports"] if p["name"] == "http")
    assert ann["prometheus.io/scrape"] == "true"
    assert ann["prometheus.io/port"] == str(port["containerPort"])
    assert ann["prometheus.io/path"] == "/metrics"
    assert container["command"] == ["souq", "worker"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"  # not ready while rebalancing
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"  # alive all the same
    assert all(container[probe]["httpGet"]["port"] == "http" for probe in ("readinessProbe", "livenessProbe"))

    config = res[("ConfigMap", container["envFrom"][0]["configMapRef"]["name"])]["data"]
    assert config["SOUQ_WEB_HOST"] == "0.0.0.0"
    assert config["SOUQ_WEB_PORT"] == str(port["containerPort"])
    assert spec["replicas"] <= int(config["SOUQ_PARTITIONS"])

    password = next(e for e in container["env"] if e["name"] == "SOUQ_KAFKA_PASSWORD")
    ref = password["valueFrom"]["secretKeyRef"]
    secret = res[("Secret", ref["name"])]
    assert ref["key"] in secret["stringData"]

    state_mount = next(m for m in container["volumeMounts"] if m["mountPath"] == config["SOUQ_STATE_DIR"])
    claims = [c["metadata"]["name"] for c in spec["volumeClaimTemplates"]]
    assert state_mount["name"] in claims


def test_secret_placeholders_are_marked() -> None:
    text = (K8S / "secret.yaml").read_text()
    assert "PLACEHOLDER" in text
    secret = resources()[("Secret", "souq-kafka")]
    assert all("CHANGE-ME" in v for v in secret["stringData"].values())


def test_readme_has_hpa_note() -> None:
    text = (K8S / "README.md").read_text().lower()
    assert "partition" in text and "hpa" in text
