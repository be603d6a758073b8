"""Fixtures for the deployment-artefact tests (deploy/, Dockerfile, docker-compose.yml)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # make `tests.support` importable however pytest is started
    sys.path.insert(0, str(ROOT))

from tests.support.prometheus import PrometheusServer, prometheus_binary, promtool_binary  # noqa: E402

DEPLOY = ROOT / "deploy"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def promtool() -> str:
    path = promtool_binary()
    if not path:
        pytest.skip("promtool not installed (Debian: apt-get install prometheus); CI installs it")
    return path


@pytest.fixture(scope="session")
def prometheus_server() -> Iterator[PrometheusServer]:
    """Prometheus with our rule files, scraping only itself (no souq worker)."""
    if not prometheus_binary():
        pytest.skip("prometheus not installed (Debian: apt-get install prometheus); CI installs it")
    with PrometheusServer(scrape_self=True) as server:
        yield server


@pytest.fixture(scope="session")
def dashboards_module() -> ModuleType:
    """deploy/grafana/dashboards.py, loaded from its path (deploy/ is not a package)."""
    path = DEPLOY / "grafana" / "dashboards.py"
    spec = importlib.util.spec_from_file_location("souq_grafana_dashboards", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
