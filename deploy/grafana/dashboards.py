"""Grafana dashboards for souq-signals, built as code with grafana-foundation-sdk.

    python deploy/grafana/dashboards.py           # (re)write deploy/grafana/dashboards/*.json
    python deploy/grafana/dashboards.py --check   # exit 1 if the checked-in JSON is stale

The JSON files are checked in and provisioned into Grafana by
deploy/grafana/provisioning/dashboards/souq.yml.  The datasource uid below matches
deploy/grafana/provisioning/datasources/prometheus.yml.

tests/support/grafana.py lists every panel's query with the template variables substituted,
and tests/deploy runs each against a live Prometheus.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

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

# --------------------------------------------------------------------------- helpers


def q(expr: str, legend: str = "", *, as_table: bool = False) -> prom.Dataquery:
    """A Prometheus query: a range query for graphs, an instant one in table format for tables."""
    query = prom.Dataquery().expr(expr).datasource(DS)
    if legend:
        query = query.legend_format(legend)
    return query.instant().format(PromQueryFormat.TABLE) if as_table else query.range()


def _panel(panel: Any, title: str, queries: list[prom.Dataquery], *, unit: str, desc: str, w: int, h: int) -> Any:
    """What every panel has: title, datasource, unit, size, description, and its queries as refIds A, B, ..."""
    panel = panel.title(title).datasource(DS).unit(unit).span(w).height(h)
    if desc:
        panel = panel.description(desc)
    for i, query in enumerate(queries):
        panel = panel.with_target(query.ref_id(chr(ord("A") + i)))
    return panel


def ts(title: str, queries: list[prom.Dataquery], *, unit: str = "short", desc: str = "", w: int = 12,
       h: int = 8) -> timeseries.Panel:
    legend = (cb.VizLegendOptions().show_legend(True).display_mode(common.LegendDisplayMode.TABLE)
              .placement(common.LegendPlacement.BOTTOM).calcs(["lastNotNull", "max"]))
    tooltip = cb.VizTooltipOptions().mode(common.TooltipDisplayMode.MULTI).sort(common.SortOrder.DESCENDING)
    panel = timeseries.Panel().fill_opacity(10).line_width(1).legend(legend).tooltip(tooltip)
    return _panel(panel, title, queries, unit=unit, desc=desc, w=w, h=h)


UP = [(None, "red"), (1, "green")]
"""Stat thresholds: red until the value reaches 1."""


def st(title: str, queries: list[prom.Dataquery], *, unit: str = "short", desc: str = "", w: int = 6,
       h: int = 5, thresholds: list[tuple[float | None, str]] | None = None) -> stat.Panel:
    panel = (stat.Panel().graph_mode(common.BigValueGraphMode.AREA).color_mode(common.BigValueColorMode.VALUE)
             .text_mode(common.BigValueTextMode.VALUE_AND_NAME)
             .reduce_options(cb.ReduceDataOptions().calcs(["lastNotNull"]).values(False)))
    if thresholds:
        steps = [dm.Threshold(value=v, color=c) for v, c in thresholds]
        panel = panel.thresholds(db.ThresholdsConfig().mode(dm.ThresholdsMode.ABSOLUTE).steps(steps))
    return _panel(panel, title, queries, unit=unit, desc=desc, w=w, h=h)


LABELS_ONLY = ("Time", "Value", "__name__")
"""Table columns to hide when the series' labels are the content (info metrics, ALERTS)."""


def tb(title: str, queries: list[prom.Dataquery], *, unit: str = "short", desc: str = "", w: int = 24,
       h: int = 8, hide: tuple[str, ...] = ("Time",)) -> table.Panel:
    panel = table.Panel()
    if hide:
        excluded = {"excludeByName": dict.fromkeys(hide, True)}
        panel = panel.with_transformation(dm.DataTransformerConfig(id_val="organize", options=excluded))
    if len(queries) > 1:
        panel = panel.with_transformation(dm.DataTransformerConfig(id_val="merge", options={}))
    return _panel(panel, title, queries, unit=unit, desc=desc, w=w, h=h)


def per_second(title: str, counter: str, selector: str, by: str, *, w: int = 12, desc: str = "") -> timeseries.Panel:
    """A counter's rate summed by the labels `by` (comma-separated), each series named by them."""
    legend = " ".join(f"{{{{{label}}}}}" for label in by.split(", "))
    return ts(title, [q(f"sum by ({by}) (rate({counter}{{{selector}}}[$__rate_interval]))", legend)],
              unit="reqps", w=w, desc=desc)


def query_var(name: str, label: str, metric_selector: str, label_name: str, *, multi: bool = True,
              include_all: bool = True) -> db.QueryVariable:
    var = (db.QueryVariable(name).label(label).datasource(DS).query(f"label_values({metric_selector}, {label_name})")
           .refresh(dm.VariableRefresh.ON_TIME_RANGE_CHANGED).sort(dm.VariableSort.ALPHABETICAL_ASC)
           .multi(multi).include_all(include_all))
    return var.all_value(".+") if include_all else var


def base(uid: str, title: str, description: str) -> db.Dashboard:
    """A dashboard as all four are: tagged, refreshed every 30 s, linked to the others (time and variables kept)."""
    links = (db.DashboardLink("Souq dashboards").type(dm.DashboardLinkType.DASHBOARDS).tags(TAGS).as_dropdown(True)
             .include_vars(True).keep_time(True))
    return (db.Dashboard(title).uid(uid).description(description).tags(TAGS).editable().refresh("30s")
            .time("now-6h", "now").timezone("browser").tooltip(dm.DashboardCursorSync.CROSSHAIR).link(links))


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
    chosen = 'metric=~"$metric", kind=~"$kind"'

    def windowed(by: str, matchers: str, last: str = ', stat="value"', series: str = "souq_window_value") -> str:
        """The selected platform's and regions' `series` in the chosen window, max by `by`."""
        return f'max by ({by}) ({series}{{{sel}, {matchers}, window="$window"{last}}})'

    return (
        base("souq-platform", "Souq signals / Platform drill-down",
             "One platform: conversion, GMV and every windowed metric by region.")
        .with_variable(query_var("platform", "Platform", "souq_window_value", "platform",
                                 multi=False, include_all=False))
        .with_variable(query_var("region", "Region", 'souq_window_value{platform=~"$platform"}', "region"))
        .with_variable(query_var("metric", "Metric", 'souq_window_value{platform=~"$platform"}', "metric"))
        .with_variable(query_var("kind", "Kind", 'souq_window_value{platform=~"$platform", metric=~"$metric"}',
                                 "kind"))
        .with_variable(db.CustomVariable("window").label("Window").values(",".join(WINDOWS))
                       .current(dm.VariableOption(selected=True, text="1h", value="1h"))
                       .options([dm.VariableOption(selected=w == "1h", text=w, value=w) for w in WINDOWS]))
        .with_row(db.Row("$platform now"))
        .with_panel(st("Conversion rate, 1h", [q('souq:conversion_rate:1h{platform=~"$platform"}')], unit="percent"))
        .with_panel(st("Conversion rate, 24h", [q('souq:conversion_rate:24h{platform=~"$platform"}')], unit="percent"))
        .with_panel(st("GMV, last 24h", [q('souq:gmv:increase24h{platform=~"$platform"}', "{{unit}}")]))
        .with_panel(st("Revenue, last 24h", [q('souq:revenue:increase24h{platform=~"$platform"}', "{{unit}}")]))
        .with_row(db.Row("Windows ($window)"))
        .with_panel(ts("Headline value by metric and region",
                       [q(windowed("metric, region, unit, kind", chosen),
                          "{{metric}} {{region}} ({{unit}}, {{kind}})")],
                       desc="stat=value: sum for counters, last for gauges, ratio for derived metrics."))
        .with_panel(ts("Conversion rate by region",
                       [q(windowed("region", 'metric="conversion_rate", kind="derived"'), "{{region}}")],
                       unit="percent", desc="100 * orders / sessions of the window's counter sums (kind=derived)."))
        .with_panel(ts("Average order value by region",
                       [q(windowed("region, unit", 'metric="average_order_value", kind="derived"'),
                          "{{region}} ({{unit}})")],
                       desc="GMV / orders of the window's counter sums, per currency (kind=derived)."))
        .with_panel(ts("GMV by region",
                       [q(windowed("region, unit", 'metric="gmv", kind="counter"'), "{{region}} ({{unit}})")],
                       desc="Sum of GMV updates in the window (kind=counter; GMV read in articles is "
                            "kind=gauge and not shown here)."))
        .with_panel(ts("Orders and sessions by region",
                       [q(windowed("metric, region", 'metric=~"orders|sessions", kind="counter"'),
                          "{{metric}} {{region}}")]))
        .with_panel(ts("Active users by region",
                       [q(windowed("region", 'metric="active_users", kind="gauge"'), "{{region}}")],
                       desc="Latest active_users gauge in the window."))
        .with_panel(ts("Change vs previous window (%)",
                       [q(windowed("metric, region, kind", chosen, ', change="pct"', "souq_window_change"),
                          "{{metric}} {{region}} ({{kind}})")], unit="percent"))
        .with_panel(tb("Window statistics", [q(windowed("metric, region, unit, kind, stat", chosen, ""),
                                                 as_table=True)]))
        .with_row(db.Row("Counters"))
        .with_panel(per_second("Orders and sessions per second", "souq_metric_total",
                               f'{sel}, metric=~"orders|sessions"', "metric, region"))
        .with_panel(per_second("Late events per second", "souq_late_events_total", 'platform=~"$platform"', "topic",
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
        .with_panel(st("Sources", [q('count(count by (source) (souq_reported_info{platform=~"$platform"}))')]))
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
        .with_panel(st("Workers up", [q('sum(up{job="souq"})')], w=4, thresholds=UP))
        .with_panel(st("Broker connected", [q(f"min(souq_broker_connected{{{inst}}})")], w=4, thresholds=UP,
                       desc="1 when every worker is connected."))
        .with_panel(st("Rebalances, last hour", [q(f"sum(increase(souq_rebalances_total{{{inst}}}[1h]))")], w=4))
        .with_panel(tb("Worker versions", [q(f'souq_worker_info{{job="souq", {inst}}}', as_table=True)],
                       w=12, h=5, hide=LABELS_ONLY))
        .with_panel(ts("Scrape status", [q(f'up{{job="souq", {inst}}}', "{{instance}}")], w=12))
        .with_panel(tb("Firing alerts", [q('ALERTS{alertname=~"Souq.*", alertstate="firing"}', as_table=True)],
                       w=12, hide=LABELS_ONLY))
        .with_row(db.Row("Throughput"))
        .with_panel(per_second("Events processed per second", "souq_events_processed_total", inst, "topic", w=8))
        .with_panel(per_second("Events published per second", "souq_events_published_total", inst, "topic", w=8))
        .with_panel(per_second("Dead letters per second", "souq_dead_letters_total", inst, "topic, reason", w=8))
        .with_panel(per_second("Late events per second", "souq_late_events_total", inst, "topic, platform"))
        .with_panel(per_second("Duplicates per second", "souq_duplicates_total", inst, "topic"))
        .with_row(db.Row("Latency"))
        .with_panel(ts("Processing latency by topic", quantiles("souq_processing_latency_seconds", "topic"), unit="s"))
        .with_panel(ts("End-to-end latency (observed_at to publish)",
                       quantiles("souq_end_to_end_latency_seconds", ""), unit="s"))
        .with_row(db.Row("Backlog and state"))
        .with_panel(ts("Consumer lag by topic",
                       [q(f"sum by (topic) (max by (topic, partition) (souq_consumer_lag{{{inst}}}))", "{{topic}}")],
                       desc="SouqConsumerLagHigh fires above 10000 for 10 minutes.", w=8))
        .with_panel(ts("Consumer lag by partition",
                       [q(f"max by (topic, partition) (souq_consumer_lag{{{inst}}})", "{{topic}}/{{partition}}")], w=8))
        .with_panel(ts("Table keys", [q(f"souq_table_keys{{{inst}}}", "{{table}} {{instance}}")], w=8))
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
        for i, panel in enumerate(panels(dash), start=1):
            panel["id"] = i  # unique per dashboard; the SDK leaves panels without ids
        out[name] = dash
    return out


def render_all() -> dict[str, str]:
    """File name -> exact text of the checked-in JSON file."""
    return {name: json.dumps(d, indent=2, sort_keys=True) + "\n" for name, d in build_all().items()}


def panels(dash: dict[str, Any]) -> list[dict[str, Any]]:
    """A built dashboard's panels, those inside collapsed rows included."""
    out: list[dict[str, Any]] = []
    for panel in dash.get("panels", []):
        out.append(panel)
        out.extend(panel.get("panels", []))
    return out


def write_all(out_dir: Path = OUT_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in render_all().items():
        (out_dir / name).write_text(text, encoding="utf-8")
    return [out_dir / name for name in DASHBOARDS]


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
