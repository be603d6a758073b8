"""Run a throw-away Prometheus server (Debian's ``prometheus`` package) for tests.

    from tests.support.prometheus import PrometheusServer, prometheus_binary

    with PrometheusServer(targets=["127.0.0.1:6066"]) as prom:      # job "souq"
        prom.wait_for_targets(job="souq")
        rows = prom.wait_for('souq_worker_info')                      # instant vector
        prom.query('sum(up{job="souq"})')

The server listens on a free loopback port, keeps its TSDB in a temporary directory,
scrapes every ``scrape_interval`` (1s by default) and loads our rule files
(deploy/prometheus/rules/*.yml) unless ``rule_files`` says otherwise.  ``stop()``
(or leaving the ``with`` block) terminates it and removes the directory.

Only the standard library is used; Prometheus is talked to over its HTTP API.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol, Self

ROOT = Path(__file__).resolve().parents[2]
RULES_DIR = ROOT / "deploy" / "prometheus" / "rules"
DEFAULT_RULE_FILES: tuple[Path, ...] = (RULES_DIR / "recording.yml", RULES_DIR / "alerts.yml")


class PrometheusError(RuntimeError):
    """The server failed to start, or an API call returned an error."""


class PrometheusQueryError(PrometheusError):
    """The API rejected a query (``error_type`` is e.g. ``bad_data`` for a parse error)."""

    def __init__(self, expr: str, error_type: str, error: str) -> None:
        super().__init__(f"{error_type}: {error}\n  query: {expr}")
        self.expr = expr
        self.error_type = error_type
        self.error = error


def prometheus_binary() -> str | None:
    """Path of the prometheus server binary, or None (env PROMETHEUS_BIN overrides)."""
    return os.environ.get("PROMETHEUS_BIN") or shutil.which("prometheus")


def promtool_binary() -> str | None:
    """Path of promtool, or None (env PROMTOOL_BIN overrides)."""
    return os.environ.get("PROMTOOL_BIN") or shutil.which("promtool")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _yaml_list(items: Iterable[str]) -> str:
    # JSON strings are valid YAML scalars; avoids a PyYAML dependency.
    return "[" + ", ".join(json.dumps(str(i)) for i in items) + "]"


class PanelQuery(Protocol):
    """A dashboard panel's query as ``tests.support.grafana.all_queries`` lists it."""

    @property
    def dashboard(self) -> str: ...
    @property
    def panel(self) -> str: ...
    @property
    def ref_id(self) -> str: ...
    @property
    def expr(self) -> str: ...


class PrometheusServer:
    """A Prometheus process scraping ``targets`` (as job ``job``) with our rules loaded."""

    def __init__(
        self,
        targets: Sequence[str] = (),
        *,
        job: str = "souq",
        rule_files: Sequence[str | os.PathLike[str]] = DEFAULT_RULE_FILES,
        scrape_interval: str = "1s",
        evaluation_interval: str = "1s",
        scrape_self: bool = False,
        extra_scrape_configs: str = "",
        binary: str | None = None,
        host: str = "127.0.0.1",
        startup_timeout: float = 30.0,
    ) -> None:
        self.scrape_targets = list(targets)
        self.job = job
        self.rule_files = [Path(p).resolve() for p in rule_files]
        self.scrape_interval = scrape_interval
        self.evaluation_interval = evaluation_interval
        self.scrape_self = scrape_self
        self.extra_scrape_configs = extra_scrape_configs
        self.binary = binary or prometheus_binary()
        self.host = host
        self.startup_timeout = startup_timeout
        self.port: int | None = None
        self.workdir: Path | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: Any = None

    # ------------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        if self.port is None:
            raise PrometheusError("server not started")
        return f"http://{self.host}:{self.port}"

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def config_path(self) -> Path:
        assert self.workdir is not None
        return self.workdir / "prometheus.yml"

    @property
    def log_path(self) -> Path:
        assert self.workdir is not None
        return self.workdir / "prometheus.log"

    def render_config(self) -> str:
        for path in self.rule_files:
            if not path.is_file():
                raise FileNotFoundError(path)
        lines = [
            "global:",
            f"  scrape_interval: {self.scrape_interval}",
            f"  scrape_timeout: {self.scrape_interval}",
            f"  evaluation_interval: {self.evaluation_interval}",
            f"rule_files: {_yaml_list(self.rule_files)}",
            "scrape_configs:",
        ]
        if self.scrape_targets:
            lines += [
                f"  - job_name: {json.dumps(self.job)}",
                "    static_configs:",
                f"      - targets: {_yaml_list(self.scrape_targets)}",
            ]
        if self.scrape_self:
            lines += [
                "  - job_name: prometheus",
                "    static_configs:",
                f"      - targets: {_yaml_list([self.address])}",
            ]
        text = "\n".join(lines) + "\n"
        if self.extra_scrape_configs:
            text += self.extra_scrape_configs.rstrip() + "\n"
        if not self.scrape_targets and not self.scrape_self and not self.extra_scrape_configs:
            text = text.replace("scrape_configs:\n", "scrape_configs: []\n")
        return text

    def start(self) -> Self:
        if self._proc is not None:
            raise PrometheusError("already started")
        if not self.binary:
            raise PrometheusError("prometheus binary not found (apt-get install prometheus)")
        self.workdir = Path(tempfile.mkdtemp(prefix="souq-prometheus-"))
        last_error: Exception | None = None
        for _attempt in range(3):  # the free port can be taken before prometheus binds it
            self.port = free_port(self.host)
            self.config_path.write_text(self.render_config(), encoding="utf-8")
            self._log = self.log_path.open("ab")
            self._proc = subprocess.Popen(
                [
                    self.binary,
                    f"--config.file={self.config_path}",
                    f"--storage.tsdb.path={self.workdir / 'data'}",
                    f"--web.listen-address={self.address}",
                    "--storage.tsdb.retention.time=1d",
                    "--log.level=info",
                ],
                stdout=self._log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
            try:
                self._wait_ready()
                return self
            except PrometheusError as exc:
                last_error = exc
                self._terminate()
                if "address already in use" not in self.log_tail():
                    break
        self.stop()
        raise PrometheusError(f"prometheus did not become ready: {last_error}")

    def _wait_ready(self) -> None:
        assert self._proc is not None
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise PrometheusError(f"exited with {self._proc.returncode}:\n{self.log_tail()}")
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{self.url}/-/ready", timeout=2) as resp:
                if resp.status == 200:
                    return
            time.sleep(0.1)
        raise PrometheusError(f"not ready after {self.startup_timeout}s:\n{self.log_tail()}")

    def _terminate(self, timeout: float = 10.0) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=timeout)
        if self._log is not None:
            self._log.close()
            self._log = None

    def stop(self) -> None:
        """Terminate the server (SIGTERM, then SIGKILL after 10s) and delete its directory."""
        self._terminate()
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    @property
    def returncode(self) -> int | None:
        return None if self._proc is None else self._proc.poll()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except (OSError, AssertionError):
            return ""

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------------ API

    def api(self, path: str, params: dict[str, Any] | None = None, *, method: str = "GET") -> Any:
        """Call ``/api/v1/<path>`` and return its ``data``; raise on ``status: error``."""
        url = f"{self.url}/api/v1/{path.lstrip('/')}"
        data = None
        if params and method == "GET":
            url += "?" + urllib.parse.urlencode(params)
        elif params:
            data = urllib.parse.urlencode(params).encode()
        request = urllib.request.Request(url, data=data, method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as resp:
                body = json.load(resp)
        except urllib.error.HTTPError as exc:  # 400 / 422 / 503 carry a JSON error body
            try:
                body = json.load(exc)
            except ValueError:
                raise PrometheusError(f"{url}: HTTP {exc.code}") from exc
        if body.get("status") != "success":
            raise PrometheusQueryError(
                str((params or {}).get("query", path)), body.get("errorType", "?"), body.get("error", "?")
            )
        return body["data"]

    def query_data(self, expr: str, at: float | None = None) -> dict[str, Any]:
        """Instant query; returns ``{"resultType": ..., "result": ...}``."""
        params: dict[str, Any] = {"query": expr}
        if at is not None:
            params["time"] = at
        return self.api("query", params, method="POST")

    def query(self, expr: str, at: float | None = None) -> list[dict[str, Any]]:
        """Instant query; the result list (vector: [{"metric": {...}, "value": [ts, "v"]}, ...]).

        Scalars and strings come back as a one-element list ``[{"metric": {}, "value": [ts, v]}]``.
        """
        data = self.query_data(expr, at)
        if data["resultType"] in ("scalar", "string"):
            return [{"metric": {}, "value": data["result"]}]
        return data["result"]

    def query_range(self, expr: str, start: float, end: float, step: float = 1.0) -> list[dict[str, Any]]:
        return self.api("query_range", {"query": expr, "start": start, "end": end, "step": step},
                        method="POST")["result"]

    def check_query(self, expr: str) -> None:
        """Raise PrometheusQueryError if ``expr`` does not parse/evaluate (e.g. bad_data)."""
        self.query_data(expr)

    def value(self, expr: str) -> float | None:
        """Value of a query that returns at most one sample, None when empty."""
        rows = self.query(expr)
        if not rows:
            return None
        if len(rows) > 1:
            raise PrometheusError(f"{expr!r} returned {len(rows)} series")
        return float(rows[0]["value"][1])

    def rules(self, type_: str | None = None) -> list[dict[str, Any]]:
        """Rule groups from /api/v1/rules (``type_`` "record" or "alert" to filter)."""
        return self.api("rules", {"type": type_} if type_ else None)["groups"]

    def alerts(self) -> list[dict[str, Any]]:
        return self.api("alerts")["alerts"]

    def targets(self) -> list[dict[str, Any]]:
        return self.api("targets", {"state": "active"})["activeTargets"]

    def wait_for(
        self,
        expr: str,
        *,
        timeout: float = 30.0,
        interval: float = 0.5,
        predicate: Callable[[list[dict[str, Any]]], bool] = bool,
    ) -> list[dict[str, Any]]:
        """Poll ``expr`` until ``predicate(result)`` (default: non-empty); return the result."""
        deadline = time.monotonic() + timeout
        result: list[dict[str, Any]] = []
        while True:
            result = self.query(expr)
            if predicate(result):
                return result
            if time.monotonic() >= deadline:
                raise TimeoutError(f"{expr!r} not satisfied after {timeout}s; last result: {result}")
            if self.returncode is not None:
                raise PrometheusError(f"prometheus exited:\n{self.log_tail()}")
            time.sleep(interval)

    def wait_for_targets(self, job: str | None = None, *, timeout: float = 30.0) -> list[dict[str, Any]]:
        """Wait until every active target (of ``job``) has been scraped with health "up"."""
        job = job or self.job
        deadline = time.monotonic() + timeout
        while True:
            targets = [t for t in self.targets() if t["labels"].get("job") == job]
            if targets and all(t["health"] == "up" for t in targets):
                return targets
            if time.monotonic() >= deadline:
                raise TimeoutError(f"targets of job {job!r} not up after {timeout}s: "
                                   f"{[(t['scrapeUrl'], t['health'], t['lastError']) for t in targets]}")
            time.sleep(0.25)

    def wait_for_rule_evaluation(self, *, timeout: float = 30.0) -> list[dict[str, Any]]:
        """Wait until every loaded rule has been evaluated once; return the rule groups."""
        deadline = time.monotonic() + timeout
        while True:
            groups = self.rules()
            rules = [r for g in groups for r in g["rules"]]
            # never evaluated: lastEvaluation is Go's zero time, 0001-01-01T00:00:00Z
            if rules and all(not r.get("lastEvaluation", "0001").startswith("0001") for r in rules):
                return groups
            if time.monotonic() >= deadline:
                raise TimeoutError(f"rules not evaluated after {timeout}s")
            time.sleep(0.25)


def panel_query_problems(prom: PrometheusServer, queries: Iterable[PanelQuery], *, timeout: float) -> list[str]:
    """What is wrong with the panels' queries: each that returned no series within ``timeout``
    seconds (all of them together), and each sample that is NaN or infinite (an empty ratio)."""
    deadline = time.monotonic() + timeout
    problems: list[str] = []
    for q in queries:
        where = f"{q.dashboard} / {q.panel} / {q.ref_id}"
        try:
            rows = prom.wait_for(q.expr, timeout=max(0.1, deadline - time.monotonic()))
        except TimeoutError:
            problems.append(f"no series: {where}: {q.expr}")
            continue
        problems += [f"not finite: {where}: {row}" for row in rows if row["value"][1] in ("NaN", "+Inf", "-Inf")]
    return problems
