"""The dashboards' queries as a Prometheus outside Grafana runs them (tests/deploy).

``all_queries(dashboards)`` lists every panel query of deploy/grafana/dashboards.py, and the
metric selector behind every ``label_values`` template variable, with the template variables
substituted (``DEFAULT_VARIABLES``, overridable) and what each needs beyond a running worker
to return series, so a test can run them against a live Prometheus and know what to expect.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import ModuleType
from typing import NamedTuple

DEFAULT_VARIABLES: dict[str, str] = {
    "platform": ".+",
    "region": ".+",
    "metric": ".+",
    "kind": ".+",
    "instance": ".+",
    "window": "1h",
    "__rate_interval": "5m",
    "__interval": "1m",
    "__range": "1h",
}
"""Values used for template variables when queries are run outside Grafana."""

SPARSE: dict[str, str] = {
    "souq_dead_letters_total": "dead letters",
    "souq:dead_letters:rate5m": "dead letters",
    "souq_late_events_total": "late events",
    "souq:late_events:rate5m": "late events",
    "souq_duplicates_total": "duplicate events",
    "souq_reported_value": "articles with reported figures",
    "souq_reported_info": "articles with reported figures",
    "souq_window_change": "a closed previous window",
    "ALERTS": "a firing alert",
}
"""Series that only exist after particular events; a live test should not expect them to
return data from a freshly started worker."""


class Query(NamedTuple):
    dashboard: str  # dashboard title
    panel: str  # panel title (or "$name (variable)")
    ref_id: str
    expr: str  # PromQL, template variables substituted
    requires: str | None  # precondition for the query to return series, None = a running worker


_VAR = re.compile(r"\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]|\$(\w+)")


def substitute(expr: str, variables: Mapping[str, str] | None = None) -> str:
    """Replace Grafana template variables in ``expr``; unknown variables raise KeyError."""
    values = {**DEFAULT_VARIABLES, **(variables or {})}
    return _VAR.sub(lambda m: values[m.group(1) or m.group(2) or m.group(3)], expr)


def requirement(expr: str) -> str | None:
    """What a live Prometheus needs beyond a running worker for ``expr`` to return series."""
    needs = [
        why for metric, why in SPARSE.items()
        if re.search(rf"(?<![\w:]){re.escape(metric)}(?![\w:])", expr)
    ]
    offsets = re.findall(r"\boffset\s+(\w+)", expr)
    needs += [f"{o} of history" for o in offsets]
    return ", ".join(dict.fromkeys(needs)) or None


def all_queries(dashboards: ModuleType, variables: Mapping[str, str] | None = None) -> list[Query]:
    """Every panel query and every label_values() variable selector of every dashboard.

    ``dashboards`` is deploy/grafana/dashboards.py as tests/deploy/conftest.py loads it;
    ``variables`` overrides DEFAULT_VARIABLES (e.g. ``{"platform": "tiktok"}``).
    """
    result: list[Query] = []
    for dash in dashboards.build_all().values():
        title = dash["title"]
        for var in dash.get("templating", {}).get("list", []):
            m = re.fullmatch(r"label_values\((.+),\s*(\w+)\)", str(var.get("query", "")), re.S)
            if var.get("type") == "query" and m:
                expr = m.group(1)
                result.append(Query(title, f"${var['name']} (variable)", "", substitute(expr, variables),
                                    requirement(expr)))
        for panel in dashboards.panels(dash):
            for target in panel.get("targets", []):
                expr = target["expr"]
                result.append(Query(title, panel["title"], target.get("refId", ""),
                                    substitute(expr, variables), requirement(expr)))
    return result
