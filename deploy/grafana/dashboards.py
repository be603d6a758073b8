"""Grafana dashboards for souq-signals, built as code with grafana-foundation-sdk.

    python deploy/grafana/dashboards.py           # (re)write deploy/grafana/dashboards/*.json
    python deploy/grafana/dashboards.py --check   # exit 1 if the checked-in JSON is stale

The JSON files are checked in and provisioned into Grafana by
deploy/grafana/provisioning/dashboards/souq.yml.  The datasource uid below matches
deploy/grafana/provisioning/datasources/prometheus.yml.

For tests, ``all_queries()`` returns every PromQL expression of every panel (and the
metric selector behind every ``label_values`` template variable) with the template
variables substituted, so they can be run against a live Prometheus.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from grafana_foundation_sdk.builders import common as cb
from grafana_foundation_sdk.builders import dashboard as db
from grafana_foundation_sdk.builders import prometheus as prom
from grafana_foundation_sdk.builders import stat, table, timeseries
from grafana_foundation_sdk.cog.encoder import JSONEncoder
from grafana_foundation_sdk.models import common
from grafana_foundation_sdk.models import dashboard as dm
from grafana_foundation_sdk.models.prometheus import PromQueryFormat

HERE = Path(__file__).resolve().parent
OUT_DIR = HERE / "dashboards"

DATASOURCE_UID = "souq-prometheus"
DS = dm.DataSourceRef(type_val="prometheus", uid=DATASOURCE_UID)
TAGS = ["souq-signals"]

WINDOWS = ["1m", "1h", "1d", "1h/5m", "1d/1h"]

# souq_window_value / souq_window_change carry `kind`: "counter" (a window sum of metric
# updates), "gauge" (a point observation: a metric-update gauge or a figure read in an
# article) or "derived" (conversion_rate and average_order_value computed from the
# window's counter sums).  The same metric name can exist in several kinds, e.g. a GMV
# counter sum next to a GMV figure observed in articles, so panels select one.
KINDS = ["counter", "gauge", "derived"]

# Values used for template variables when queries are run outside Grafana.
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

# Series that only exist after particular events; a live test should not expect
# them to return data from a freshly started worker.
_SPARSE: dict[str, str] = {
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


class Query(NamedTuple):
    dashboard: str  # dashboard title
    panel: str  # panel title (or "$name (variable)")
    ref_id: str
    expr: str  # PromQL, template variables substituted
    requires: str | None  # precondition for the query to return series, None = a running worker


# --------------------------------------------------------------------------- helpers


def q(expr: str, legend: str = "", *, instant: bool = False, as_table: bool = False) -> prom.Dataquery:
    query = prom.Dataquery().expr(expr).datasource(DS)
    if legend:
        query = query.legend_format(legend)
    query = query.instant() if instant or as_table else query.range()
    if as_table:
        query = query.format(PromQueryFormat.TABLE)
    return query


def _with_refs(panel: Any, queries: list[prom.Dataquery]) -> Any:
    for i, query in enumerate(queries):
        panel = panel.with_target(query.ref_id(chr(ord("A") + i)))
    return panel


def ts(title: str, queries: list[prom.Dataquery], *, unit: str = "short", desc: str = "", w: int = 12,
       h: int = 8) -> timeseries.Panel:
    panel = (
        timeseries.Panel()
        .title(title)
        .datasource(DS)
        .unit(unit)
        .span(w)
        .height(h)
        .fill_opacity(10)
        .line_width(1)
        .legend(
            cb.VizLegendOptions()
            .show_legend(True)
            .display_mode(common.LegendDisplayMode.TABLE)
            .placement(common.LegendPlacement.BOTTOM)
            .calcs(["lastNotNull", "max"])
        )
        .tooltip(cb.VizTooltipOptions().mode(common.TooltipDisplayMode.MULTI).sort(common.SortOrder.DESCENDING))
    )
    if desc:
        panel = panel.description(desc)
    return _with_refs(panel, queries)


def st(title: str, queries: list[prom.Dataquery], *, unit: str = "short", desc: str = "", w: int = 6,
       h: int = 5, thresholds: list[tuple[float | None, str]] | None = None) -> stat.Panel:
    panel = (
        stat.Panel()
        .title(title)
        .datasource(DS)
        .unit(unit)
        .span(w)
        .height(h)
        .graph_mode(common.BigValueGraphMode.AREA)
        .color_mode(common.BigValueColorMode.VALUE)
        .text_mode(common.BigValueTextMode.VALUE_AND_NAME)
        .reduce_options(cb.ReduceDataOptions().calcs(["lastNotNull"]).values(False))
    )
    if thresholds:
        panel = panel.thresholds(
            db.ThresholdsConfig()
            .mode(dm.ThresholdsMode.ABSOLUTE)
            .steps([dm.Threshold(value=v, color=c) for v, c in thresholds])
        )
    if desc:
        panel = panel.description(desc)
    return _with_refs(panel, queries)


def tb(title: str, queries: list[prom.Dataquery], *, unit: str = "short", desc: str = "", w: int = 24,
       h: int = 8, hide: tuple[str, ...] = ("Time",)) -> table.Panel:
    panel = table.Panel().title(title).datasource(DS).unit(unit).span(w).height(h)
    if hide:
        panel = panel.with_transformation(
            dm.DataTransformerConfig(
                id_val="organize",
                options={"excludeByName": dict.fromkeys(hide, True)},
            )
        )
    if len(queries) > 1:
        panel = panel.with_transformation(dm.DataTransformerConfig(id_val="merge", options={}))
    if desc:
        panel = panel.description(desc)
    return _with_refs(panel, queries)


def query_var(name: str, label: str, metric_selector: str, label_name: str, *, multi: bool = True,
              include_all: bool = True) -> db.QueryVariable:
    var = (
        db.QueryVariable(name)
        .label(label)
        .datasource(DS)
        .query(f"label_values({metric_selector}, {label_name})")
        .refresh(dm.VariableRefresh.ON_TIME_RANGE_CHANGED)
        .sort(dm.VariableSort.ALPHABETICAL_ASC)
        .multi(multi)
        .include_all(include_all)
    )
    if include_all:
        var = var.all_value(".+")
    return var


def base(uid: str, title: str, description: str) -> db.Dashboard:
    return (
        db.Dashboard(title)
        .uid(uid)
        .description(description)
        .tags(TAGS)
        .editable()
        .refresh("30s")
        .time("now-6h", "now")
        .timezone("browser")
        .tooltip(dm.DashboardCursorSync.CROSSHAIR)
        .link(
            db.DashboardLink("Souq dashboards")
            .type(dm.DashboardLinkType.DASHBOARDS)
            .tags(TAGS)
            .as_dropdown(True)
            .include_vars(True)
            .keep_time(True)
        )
    )


# Joins each reported figure with the source of the latest report for its
# (platform, metric).  topk keeps the join one-to-one if a stale source lingers.
def reported_with_source(selector: str) -> str:
    return (
        f"max by (platform, metric, unit, region, period, kind) (souq_reported_value{{{selector}}})\n"
        "* on (platform, metric) group_left (source)\n"
        "topk by (platform, metric) (1, max by (platform, metric, source) (souq_reported_info))"
    )


# ------------------------------------------------------------------------ dashboards


def overview() -> db.Dashboard:
    active_users = (
        'sum by (platform) (max by (platform, region) '
        '(souq_window_value{metric="active_users", kind="gauge", window="1h", stat="value"}))'
    )
    return (
        base("souq-overview", "Souq signals / Platforms overview",
             "Conversion rate, GMV, active users and growth of every platform.")
        .with_row(db.Row("Now"))
        .with_panel(st("Conversion rate, last hour", [q("souq:conversion_rate:1h", "{{platform}}")],
                       unit="percent", desc="100 * orders / sessions over the last hour (recording rule)."))
        .with_panel(st("GMV, last hour", [q("souq:gmv:increase1h", "{{platform}} ({{unit}})")],
                       desc="Increase of the GMV counter over the last hour, per currency."))
        .with_panel(st("Active users", [q(active_users, "{{platform}}")],
                       desc="Latest active_users gauge in the current 1h window, summed over regions."))
        .with_panel(st("Average order value, last 24h",
                       [q("souq:gmv:increase24h / on (platform) group_left () (souq:orders:increase24h > 0)",
                          "{{platform}} ({{unit}})")],
                       desc="GMV / orders over the last 24 hours, per currency."))
        .with_row(db.Row("Trends"))
        .with_panel(ts("Conversion rate by platform",
                       [q("souq:conversion_rate:1h", "{{platform}} 1h"),
                        q("souq:conversion_rate:24h", "{{platform}} 24h")], unit="percent"))
        .with_panel(ts("Conversion rate vs same hour yesterday",
                       [q("souq:conversion_rate:1h - (souq:conversion_rate:1h offset 1d)", "{{platform}}")],
                       unit="percent",
                       desc="Percentage points; SouqConversionRateDrop fires at 30 % (relative) below."))
        .with_panel(ts("GMV per hour", [q("souq:gmv:increase1h", "{{platform}} ({{unit}})")]))
        .with_panel(ts("Orders and sessions per hour",
                       [q("souq:orders:increase1h", "{{platform}} orders"),
                        q("souq:sessions:increase1h", "{{platform}} sessions")]))
        .with_panel(ts("Active users over time", [q(active_users, "{{platform}}")]))
        .with_panel(ts("GMV rate", [q("souq:gmv:rate5m", "{{platform}} ({{unit}})")],
                       desc="GMV per second over 5 minutes."))
        .with_row(db.Row("Growth"))
        .with_panel(tb("Change vs previous day (%)",
                       [q('max by (platform, metric, region, unit, kind) (souq_window_change{window="1d", '
                          'change="pct", metric=~"gmv|orders|sessions|revenue|active_users|conversion_rate"})',
                          as_table=True)],
                       unit="percent", w=12,
                       desc="Headline value of the current 1d window against the previous one "
                            "(kind: counter sum, gauge, or derived ratio)."))
        .with_panel(ts("GMV change vs previous hour (%)",
                       [q('max by (platform, region, unit) (souq_window_change{metric="gmv", kind="counter", '
                          'window="1h", change="pct"})', "{{platform}} {{region}} ({{unit}})")],
                       unit="percent", desc="Sum of GMV updates in the current 1h window vs the previous one."))
    )


def platform() -> db.Dashboard:
    sel = 'platform=~"$platform", region=~"$region"'
    return (
        base("souq-platform", "Souq signals / Platform drill-down",
             "One platform: conversion, GMV and every windowed metric by region.")
        .with_variable(query_var("platform", "Platform", "souq_window_value", "platform",
                                 multi=False, include_all=False))
        .with_variable(query_var("region", "Region", 'souq_window_value{platform=~"$platform"}', "region"))
        .with_variable(query_var("metric", "Metric", 'souq_window_value{platform=~"$platform"}', "metric"))
        .with_variable(query_var("kind", "Kind", 'souq_window_value{platform=~"$platform", metric=~"$metric"}',
                                 "kind"))
        .with_variable(
            db.CustomVariable("window")
            .label("Window")
            .values(",".join(WINDOWS))
            .current(dm.VariableOption(selected=True, text="1h", value="1h"))
            .options([dm.VariableOption(selected=w == "1h", text=w, value=w) for w in WINDOWS])
        )
        .with_row(db.Row("$platform now"))
        .with_panel(st("Conversion rate, 1h", [q('souq:conversion_rate:1h{platform=~"$platform"}')],
                       unit="percent"))
        .with_panel(st("Conversion rate, 24h", [q('souq:conversion_rate:24h{platform=~"$platform"}')],
                       unit="percent"))
        .with_panel(st("GMV, last 24h", [q('souq:gmv:increase24h{platform=~"$platform"}', "{{unit}}")]))
        .with_panel(st("Revenue, last 24h",
                       [q('souq:revenue:increase24h{platform=~"$platform"}', "{{unit}}")]))
        .with_row(db.Row("Windows ($window)"))
        .with_panel(ts("Headline value by metric and region",
                       [q(f'max by (metric, region, unit, kind) (souq_window_value{{{sel}, metric=~"$metric", '
                          'kind=~"$kind", window="$window", stat="value"})',
                          "{{metric}} {{region}} ({{unit}}, {{kind}})")],
                       desc="stat=value: sum for counters, last for gauges, ratio for derived metrics."))
        .with_panel(ts("Conversion rate by region",
                       [q(f'max by (region) (souq_window_value{{{sel}, metric="conversion_rate", '
                          'kind="derived", window="$window", stat="value"})', "{{region}}")], unit="percent",
                       desc="100 * orders / sessions of the window's counter sums (kind=derived)."))
        .with_panel(ts("Average order value by region",
                       [q(f'max by (region, unit) (souq_window_value{{{sel}, metric="average_order_value", '
                          'kind="derived", window="$window", stat="value"})', "{{region}} ({{unit}})")],
                       desc="GMV / orders of the window's counter sums, per currency (kind=derived)."))
        .with_panel(ts("GMV by region",
                       [q(f'max by (region, unit) (souq_window_value{{{sel}, metric="gmv", kind="counter", '
                          'window="$window", stat="value"})', "{{region}} ({{unit}})")],
                       desc="Sum of GMV updates in the window (kind=counter; GMV read in articles is "
                            "kind=gauge and not shown here)."))
        .with_panel(ts("Orders and sessions by region",
                       [q(f'max by (metric, region) (souq_window_value{{{sel}, metric=~"orders|sessions", '
                          'kind="counter", window="$window", stat="value"})', "{{metric}} {{region}}")]))
        .with_panel(ts("Active users by region",
                       [q(f'max by (region) (souq_window_value{{{sel}, metric="active_users", kind="gauge", '
                          'window="$window", stat="value"})', "{{region}}")],
                       desc="Latest active_users gauge in the window."))
        .with_panel(ts("Change vs previous window (%)",
                       [q(f'max by (metric, region, kind) (souq_window_change{{{sel}, metric=~"$metric", '
                          'kind=~"$kind", window="$window", change="pct"})', "{{metric}} {{region}} ({{kind}})")],
                       unit="percent"))
        .with_panel(tb("Window statistics",
                       [q(f'max by (metric, region, unit, kind, stat) (souq_window_value{{{sel}, '
                          'metric=~"$metric", kind=~"$kind", window="$window"})', as_table=True)]))
        .with_row(db.Row("Counters"))
        .with_panel(ts("Orders and sessions per second",
                       [q(f'sum by (metric, region) (rate(souq_metric_total{{{sel}, '
                          'metric=~"orders|sessions"}[$__rate_interval]))', "{{metric}} {{region}}")],
                       unit="reqps"))
        .with_panel(ts("Late events per second",
                       [q('sum by (topic) (rate(souq_late_events_total{platform=~"$platform"}'
                          '[$__rate_interval]))', "{{topic}}")], unit="reqps",
                       desc="Events that arrived after their window had closed."))
        .with_row(db.Row("Reported in articles"))
        .with_panel(tb("Reported figures for $platform",
                       [q(reported_with_source('platform=~"$platform"'), as_table=True)]))
    )


def reported() -> db.Dashboard:
    return (
        base("souq-reported", "Souq signals / Reported figures",
             "Latest figures reported in articles, with the source of each.")
        .with_variable(query_var("platform", "Platform", "souq_reported_value", "platform"))
        .with_panel(st("Reported figures",
                       [q('count(max by (platform, metric, unit, region, period, kind) '
                          '(souq_reported_value{platform=~"$platform"}))')],
                       desc="Number of distinct (platform, metric, unit, region, period, kind) figures."))
        .with_panel(st("Sources",
                       [q('count(count by (source) (souq_reported_info{platform=~"$platform"}))')]))
        .with_panel(tb("Latest reported figures with source",
                       [q(reported_with_source('platform=~"$platform"'), as_table=True)], h=10,
                       desc="kind: actual, target, estimate ... as extracted from the article."))
        .with_panel(ts("Reported GMV",
                       [q('max by (platform, unit, region, period, kind) '
                          '(souq_reported_value{platform=~"$platform", metric="gmv"})',
                          "{{platform}} {{period}} {{kind}} ({{unit}})")]))
        .with_panel(ts("Observed GMV, last 24h",
                       [q('souq:gmv:increase24h{platform=~"$platform"}', "{{platform}} ({{unit}})")],
                       desc="From the metric-updates stream, for comparison with reported figures."))
        .with_panel(tb("Source of the latest figure per metric",
                       [q('max by (platform, metric, source) (souq_reported_info{platform=~"$platform"})',
                          as_table=True)], hide=("Time", "Value")))
    )


def pipeline() -> db.Dashboard:
    inst = 'instance=~"$instance"'

    def quantiles(metric: str, by: str) -> list[prom.Dataquery]:
        # `and ... > 0`: no NaN series for a topic without observations in the interval
        # (e.g. articles when no article arrived); Grafana shows a gap instead.
        observed = f"sum by ({by}) (rate({metric}_bucket{{{inst}, le=\"+Inf\"}}[$__rate_interval])) > 0"
        by_le = f"{by}, le" if by else "le"
        return [
            q(f"histogram_quantile({p}, sum by ({by_le}) (rate({metric}_bucket{{{inst}}}[$__rate_interval])))\n"
              f"and on ({by}) ({observed})",
              f"p{int(p * 100)}" + (" {{topic}}" if by else ""))
            for p in (0.5, 0.95, 0.99)
        ]

    return (
        base("souq-pipeline", "Souq signals / Pipeline health",
             "Workers, throughput, dead letters, latency and consumer lag.")
        .with_variable(query_var("instance", "Worker", 'up{job="souq"}', "instance"))
        .with_row(db.Row("Workers"))
        .with_panel(st("Workers up", [q('sum(up{job="souq"})')], w=4,
                       thresholds=[(None, "red"), (1, "green")]))
        .with_panel(st("Broker connected", [q(f"min(souq_broker_connected{{{inst}}})")], w=4,
                       thresholds=[(None, "red"), (1, "green")], desc="1 when every worker is connected."))
        .with_panel(st("Rebalances, last hour",
                       [q(f"sum(increase(souq_rebalances_total{{{inst}}}[1h]))")], w=4))
        .with_panel(tb("Worker versions", [q(f'souq_worker_info{{job="souq", {inst}}}', as_table=True)],
                       w=12, h=5, hide=("Time", "Value", "__name__")))
        .with_panel(ts("Scrape status", [q(f'up{{job="souq", {inst}}}', "{{instance}}")], w=12))
        .with_panel(tb("Firing alerts",
                       [q('ALERTS{alertname=~"Souq.*", alertstate="firing"}', as_table=True)],
                       w=12, hide=("Time", "Value", "__name__")))
        .with_row(db.Row("Throughput"))
        .with_panel(ts("Events processed per second",
                       [q(f"sum by (topic) (rate(souq_events_processed_total{{{inst}}}[$__rate_interval]))",
                          "{{topic}}")], unit="reqps", w=8))
        .with_panel(ts("Events published per second",
                       [q(f"sum by (topic) (rate(souq_events_published_total{{{inst}}}[$__rate_interval]))",
                          "{{topic}}")], unit="reqps", w=8))
        .with_panel(ts("Dead letters per second",
                       [q(f"sum by (topic, reason) (rate(souq_dead_letters_total{{{inst}}}"
                          "[$__rate_interval]))", "{{topic}} {{reason}}")], unit="reqps", w=8))
        .with_panel(ts("Late events per second",
                       [q(f"sum by (topic, platform) (rate(souq_late_events_total{{{inst}}}"
                          "[$__rate_interval]))", "{{topic}} {{platform}}")], unit="reqps", w=12))
        .with_panel(ts("Duplicates per second",
                       [q(f"sum by (topic) (rate(souq_duplicates_total{{{inst}}}[$__rate_interval]))",
                          "{{topic}}")], unit="reqps", w=12))
        .with_row(db.Row("Latency"))
        .with_panel(ts("Processing latency by topic", quantiles("souq_processing_latency_seconds", "topic"),
                       unit="s"))
        .with_panel(ts("End-to-end latency (observed_at to publish)",
                       quantiles("souq_end_to_end_latency_seconds", ""), unit="s"))
        .with_row(db.Row("Backlog and state"))
        .with_panel(ts("Consumer lag by topic",
                       [q(f"sum by (topic) (max by (topic, partition) (souq_consumer_lag{{{inst}}}))",
                          "{{topic}}")],
                       desc="SouqConsumerLagHigh fires above 10000 for 10 minutes.", w=8))
        .with_panel(ts("Consumer lag by partition",
                       [q(f"max by (topic, partition) (souq_consumer_lag{{{inst}}})",
                          "{{topic}}/{{partition}}")],
                       w=8))
        .with_panel(ts("Table keys",
                       [q(f"souq_table_keys{{{inst}}}", "{{table}} {{instance}}")], w=8))
    )


DASHBOARDS: dict[str, Callable[[], db.Dashboard]] = {
    "souq-overview.json": overview,
    "souq-platform.json": platform,
    "souq-reported.json": reported,
    "souq-pipeline.json": pipeline,
}


# ------------------------------------------------------------------------ rendering


def build_all() -> dict[str, dict[str, Any]]:
    """File name -> dashboard as plain JSON-able dict."""
    out = {}
    for name, make in DASHBOARDS.items():
        dash = json.loads(json.dumps(make().build(), cls=JSONEncoder))
        for i, panel in enumerate(_panels(dash), start=1):
            panel["id"] = i  # unique per dashboard; the SDK leaves panels without ids
        out[name] = dash
    return out


def render_all() -> dict[str, str]:
    """File name -> exact text of the checked-in JSON file."""
    return {name: json.dumps(d, indent=2, sort_keys=True) + "\n" for name, d in build_all().items()}


_VAR = re.compile(r"\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]|\$(\w+)")


def substitute(expr: str, variables: Mapping[str, str] | None = None) -> str:
    """Replace Grafana template variables in ``expr``; unknown variables raise KeyError."""
    values = {**DEFAULT_VARIABLES, **(variables or {})}
    return _VAR.sub(lambda m: values[m.group(1) or m.group(2) or m.group(3)], expr)


def requirement(expr: str) -> str | None:
    """What a live Prometheus needs beyond a running worker for ``expr`` to return series."""
    needs = [
        why for metric, why in _SPARSE.items()
        if re.search(rf"(?<![\w:]){re.escape(metric)}(?![\w:])", expr)
    ]
    offsets = re.findall(r"\boffset\s+(\w+)", expr)
    needs += [f"{o} of history" for o in offsets]
    return ", ".join(dict.fromkeys(needs)) or None


def _panels(dash: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for panel in dash.get("panels", []):
        out.append(panel)
        out.extend(panel.get("panels", []))  # collapsed rows
    return out


def all_queries(variables: Mapping[str, str] | None = None) -> list[Query]:
    """Every panel query and every label_values() variable selector of every dashboard.

    ``variables`` overrides DEFAULT_VARIABLES (e.g. ``{"platform": "tiktok"}``).
    """
    result: list[Query] = []
    for dash in build_all().values():
        title = dash["title"]
        for var in dash.get("templating", {}).get("list", []):
            m = re.fullmatch(r"label_values\((.+),\s*(\w+)\)", str(var.get("query", "")), re.S)
            if var.get("type") == "query" and m:
                expr = m.group(1)
                result.append(Query(title, f"${var['name']} (variable)", "", substitute(expr, variables),
                                    requirement(expr)))
        for panel in _panels(dash):
            for target in panel.get("targets", []):
                expr = target["expr"]
                result.append(Query(title, panel["title"], target.get("refId", ""),
                                    substitute(expr, variables), requirement(expr)))
    return result


def write_all(out_dir: Path = OUT_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_all().items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale(out_dir: Path = OUT_DIR) -> list[str]:
    """Names of dashboard files that are missing or differ from what the code renders."""
    return [
        name for name, text in render_all().items()
        if not (out_dir / name).is_file() or (out_dir / name).read_text(encoding="utf-8") != text
    ]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        bad = stale()
        for name in bad:
            print(f"stale: {OUT_DIR / name} (run python {Path(__file__).name})", file=sys.stderr)
        return 1 if bad else 0
    for path in write_all():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
