/* souq-signals live page: polls /api/overview every 2 s and draws it with uPlot (vendored). No build step. */
"use strict";

(function () {
  const REFRESH_MS = 2000;
  const PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d",
                   "#ea580c", "#4f46e5", "#0d9488", "#9333ea"];
  const KNOWN = ["tiktok", "facebook", "instagram", "snapchat", "shopee", "noon", "amazon", "temu", "lazada",
                 "youtube", "meta", "x"];
  const params = new URLSearchParams(location.search);
  const state = {
    window: params.get("window") || "",
    last: Number(params.get("last")) || 30,
    paused: false,
    charts: {},
    timer: null,
    inflight: false,
  };

  const $ = (selector, root) => (root || document).querySelector(selector);
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (key === "class") node.className = value;
      else if (key === "style") node.style.cssText = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child instanceof Node ? child : String(child ?? ""));
    return node;
  };

  function colorOf(platform) {
    const known = KNOWN.indexOf(platform);
    if (known >= 0) return PALETTE[known % PALETTE.length];
    let hash = 0;
    for (const ch of platform) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return PALETTE[hash % PALETTE.length];
  }

  const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
  const two = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const fmtCount = (v) => (v === null || v === undefined ? "–" : whole.format(v));
  const fmtCompact = (v) => (v === null || v === undefined ? "–" : compact.format(v));
  const fmtPct = (v) => (v === null || v === undefined ? "–" : `${two.format(v)}%`);
  const fmtMoney = (v, unit) => (v === null || v === undefined ? "–" : `${unit} ${two.format(v)}`);
  const fmtTime = (iso) => {
    const d = new Date(iso);
    return isNaN(d) ? "–" : d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  };
  const fmtDateTime = (iso) => {
    const d = new Date(iso);
    return isNaN(d) ? "–" : d.toLocaleString([], { year: "numeric", month: "short", day: "numeric",
                                                   hour: "2-digit", minute: "2-digit" });
  };
  const fmtReported = (value, unit) => {
    if (unit === "percent") return `${two.format(value)}%`;
    if (Math.abs(value) >= 100000) return compact.format(value);
    return Number.isInteger(value) ? whole.format(value) : two.format(value);
  };

  /* ---------------------------------------------------------------- charts */

  const CHARTS = {
    conversion_rate: {
      id: "chart-conversion",
      series: (p) => [{ key: p.platform, label: p.platform, color: colorOf(p.platform),
                        value: (pt) => pt.conversion_rate }],
      axis: (v) => `${v.toFixed(v < 10 ? 2 : 1)}%`,
    },
    gmv: {
      id: "chart-gmv",
      series: (p) => {
        const units = new Set();
        for (const pt of p.series) for (const unit of Object.keys(pt.gmv || {})) units.add(unit);
        return [...units].sort().map((unit, i) => ({
          key: `${p.platform}|${unit}`, label: `${p.platform} · ${unit}`, color: colorOf(p.platform),
          dash: i ? [6, 4] : null, value: (pt) => (pt.gmv && unit in pt.gmv ? pt.gmv[unit] : null),
        }));
      },
      axis: (v) => compact.format(v),
    },
    active_users: {
      id: "chart-users",
      series: (p) => [{ key: p.platform, label: p.platform, color: colorOf(p.platform),
                        value: (pt) => pt.active_users }],
      axis: (v) => compact.format(v),
    },
    orders: {
      id: "chart-orders",
      series: (p) => [{ key: p.platform, label: p.platform, color: colorOf(p.platform), value: (pt) => pt.orders }],
      axis: (v) => compact.format(v),
    },
  };

  /* Each line is split in two: closed windows (solid) and windows still open (dashed, hollow points,
     joined to the last closed one), so a partial sum in the current minute does not read as a drop. */
  function chartData(kind, platforms) {
    const spec = CHARTS[kind];
    const xs = new Set();
    const lines = [];
    for (const p of platforms) {
      const points = [...p.series].sort((a, b) => a.ts - b.ts);
      for (const line of spec.series(p)) {
        const closed = new Map();
        const open = new Map();
        let lastClosed = null;
        for (const pt of points) {
          const v = line.value(pt);
          if (v === null || v === undefined) continue;
          xs.add(pt.ts);
          if (pt.final) {
            closed.set(pt.ts, v);
            lastClosed = [pt.ts, v];
          } else {
            if (!open.size && lastClosed) open.set(lastClosed[0], lastClosed[1]);
            open.set(pt.ts, v);
          }
        }
        if (closed.size) lines.push({ ...line, values: closed });
        if (open.size) {
          lines.push({ ...line, key: `${line.key}|open`, label: `${line.label} (open)`, values: open, open: true,
                       dash: [5, 4] });
        }
      }
    }
    const x = [...xs].sort((a, b) => a - b);
    const data = [x, ...lines.map((line) => x.map((ts) => (line.values.has(ts) ? line.values.get(ts) : null)))];
    return { lines, data };
  }

  function plotRect(u, figure) {
    const r = u.over.getBoundingClientRect();
    figure.dataset.plotRect = [r.left + scrollX, r.top + scrollY, r.width, r.height].map(Math.round).join(",");
  }

  function drawChart(kind, platforms) {
    const spec = CHARTS[kind];
    const figure = document.getElementById(spec.id);
    const box = $(".plot", figure);
    const { lines, data } = chartData(kind, platforms);
    figure.dataset.hasData = lines.length ? "true" : "false";
    figure.dataset.series = lines.map((l) => `${l.label}=${l.color}`).join(";");
    figure.dataset.points = String(data[0].length);
    const shape = `${state.window}|${lines.map((l) => l.key).join(",")}`;
    let chart = state.charts[kind];
    if (chart && chart.shape !== shape) {
      chart.u.destroy();
      chart = null;
    }
    if (!lines.length) {
      if (chart) chart.u.destroy();
      delete state.charts[kind];
      return;
    }
    const dense = data[0].length > 60;
    if (!chart) {
      const opts = {
        width: Math.max(200, box.clientWidth),
        height: Math.max(120, box.clientHeight),
        legend: { show: false },
        cursor: { points: { size: 7 }, drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [
          { stroke: "#67727e", grid: { stroke: "#eef1f4", width: 1 }, ticks: { stroke: "#e3e7ec", width: 1 } },
          { stroke: "#67727e", grid: { stroke: "#eef1f4", width: 1 }, ticks: { stroke: "#e3e7ec", width: 1 },
            size: 64, values: (u, vals) => vals.map(spec.axis) },
        ],
        series: [{}, ...lines.map((line) => ({
          label: line.label, stroke: line.color, width: 2, dash: line.dash || undefined, spanGaps: true,
          points: { show: !dense || line.open, size: line.open ? 7 : 6, width: 2, stroke: line.color,
                    fill: line.open ? "#ffffff" : line.color },
        }))],
        hooks: { draw: [(u) => plotRect(u, figure)] },
      };
      chart = state.charts[kind] = { u: new uPlot(opts, data, box), shape };
      new ResizeObserver(() => {
        const live = state.charts[kind];
        if (live && live.u === chart.u) live.u.setSize({ width: box.clientWidth, height: box.clientHeight });
      }).observe(box);
    } else {
      chart.u.setData(data);
    }
  }

  /* ---------------------------------------------------------------- panels */

  function renderHealth(health, assigned) {
    const set = (key, text, level) => {
      const card = $(`[data-health="${key}"]`);
      if (!card) return;
      $(".value", card).textContent = text;
      card.dataset.value = String(health[key]);
      if (level) card.dataset.level = level; else delete card.dataset.level;
    };
    set("processed", fmtCount(health.processed));
    set("published", fmtCount(health.published));
    set("dead_letters", fmtCount(health.dead_letters), health.dead_letters > 0 ? "warn" : null);
    set("late", fmtCount(health.late), health.late > 0 ? "warn" : null);
    set("duplicates", fmtCount(health.duplicates));
    set("consumer_lag", fmtCount(health.consumer_lag), health.consumer_lag > 10000 ? "warn" : null);
    const e2e = health.mean_end_to_end_s;
    set("mean_end_to_end_s", e2e === null ? "–" : e2e < 1 ? `${Math.round(e2e * 1000)} ms` : `${e2e.toFixed(1)} s`);
    set("broker_connected", health.broker_connected ? "up" : "down", health.broker_connected ? "ok" : "bad");
    $("#partitions").textContent = `${assigned} partitions`;

    const topics = $("#topics");
    const parts = [];
    const list = (title, values) => {
      const entries = Object.entries(values || {}).filter(([, v]) => v > 0);
      if (entries.length) parts.push(`${title}: ${entries.map(([k, v]) => `${k} ${whole.format(v)}`).join(" · ")}`);
    };
    list("Processed by topic", health.processed_by_topic);
    list("Published by topic", health.published_by_topic);
    list("Dead letters by reason", health.dead_letters_by_reason);
    list("Late by platform", health.late_by_platform);
    topics.textContent = parts.join("   |   ");
    topics.hidden = !parts.length;
  }

  function renderLegend(platforms) {
    const legend = $("#legend");
    legend.replaceChildren(...platforms.map((p) => el("span", { class: "item", "data-platform": p.platform,
                                                                  "data-color": colorOf(p.platform) },
      el("span", { class: "swatch", style: `background:${colorOf(p.platform)}` }), p.platform)));
  }

  /* ---------------------------------------------------------------- tables */

  /* Each table's heading, columns and the row it shows while it has none: app.js builds both
     tables from these, so the markup and the placeholder text live in one place. */
  const num = (label) => ({ label, class: "num" });
  const TABLES = {
    latest: {
      title: "Latest window per platform", empty: "No windows yet.",
      columns: ["Platform", "Region", "Window", num("Sessions"), num("Orders"), num("Conversion"), num("GMV"),
                num("Active users"), "State"],
    },
    reported: {
      title: "Figures reported in articles", empty: "No figures from articles yet.",
      columns: ["Platform", "Metric", num("Value"), "Unit", "Period", "Kind", "Source", "Article", "Published"],
    },
  };

  const placeholder = (id) => el("tr", { class: "placeholder" },
    el("td", { colspan: TABLES[id].columns.length }, TABLES[id].empty));

  function buildTables() {
    for (const [id, spec] of Object.entries(TABLES)) {
      const head = spec.columns.map((c) => (typeof c === "string" ? el("th", {}, c)
        : el("th", { class: c.class }, c.label)));
      $(`[data-table="${id}"]`).replaceChildren(el("h2", {}, spec.title), el("div", { class: "scroll" },
        el("table", { id }, el("thead", {}, el("tr", {}, ...head)), el("tbody", {}, placeholder(id)))));
    }
  }

  function renderLatest(platforms) {
    const body = $("#latest tbody");
    const rows = platforms.filter((p) => p.latest).map((p) => {
      const pt = p.latest;
      const gmv = Object.entries(pt.gmv || {}).map(([unit, v]) => fmtMoney(v, unit)).join(", ") || "–";
      return el("tr", {
        "data-platform": p.platform, "data-window-start": pt.window_start,
        "data-conversion-rate": pt.conversion_rate ?? "", "data-sessions": pt.sessions ?? "",
        "data-orders": pt.orders ?? "", "data-active-users": pt.active_users ?? "",
        "data-gmv": JSON.stringify(pt.gmv || {}),
      },
      el("td", {}, el("span", { class: "swatch", style: `background:${colorOf(p.platform)}` }), p.platform),
      el("td", {}, p.regions.join(", ") || "–"),
      el("td", { title: `${pt.window_start} – ${pt.window_end}` }, `${fmtTime(pt.window_start)} – ${fmtTime(pt.window_end)}`),
      el("td", { class: "num" }, fmtCount(pt.sessions)),
      el("td", { class: "num" }, fmtCount(pt.orders)),
      el("td", { class: "num conversion" }, fmtPct(pt.conversion_rate)),
      el("td", { class: "num" }, gmv),
      el("td", { class: "num" }, fmtCompact(pt.active_users)),
      el("td", {}, el("span", { class: pt.final ? "tag" : "tag open" }, pt.final ? "closed" : "open")));
    });
    body.replaceChildren(...(rows.length ? rows : [placeholder("latest")]));
  }

  function renderReported(platforms) {
    const body = $("#reported tbody");
    const rows = [];
    for (const p of platforms) {
      for (const r of p.reported) {
        rows.push(el("tr", {
          "data-platform": r.platform, "data-metric": r.metric, "data-value": r.value, "data-unit": r.unit,
          "data-kind": r.kind, "data-period": r.period ?? "", "data-source": r.source ?? "",
        },
        el("td", {}, el("span", { class: "swatch", style: `background:${colorOf(r.platform)}` }), r.platform),
        el("td", {}, r.metric.replaceAll("_", " ")),
        el("td", { class: "num", title: `${r.qualifier} ${r.value}` },
           `${r.qualifier === "exact" ? "" : qualifierSign(r.qualifier)}${fmtReported(r.value, r.unit)}`),
        el("td", {}, r.unit),
        el("td", {}, r.period ?? "–"),
        el("td", {}, r.kind),
        el("td", { class: "source" }, r.source ?? "unknown"),
        el("td", {}, r.article_id ?? "–"),
        el("td", {}, fmtDateTime(r.observed_at))));
      }
    }
    body.replaceChildren(...(rows.length ? rows : [placeholder("reported")]));
  }

  function qualifierSign(qualifier) {
    return { approx: "≈ ", up_to: "≤ ", more_than: "> ", less_than: "< ", at_least: "≥ " }[qualifier] || "";
  }

  function renderWindows(data) {
    const select = $("#window-select");
    const names = data.windows || [];
    if (select.options.length !== names.length) {
      select.replaceChildren(...names.map((w) => el("option", { value: w }, w)));
    }
    select.value = data.window;
  }

  function setStatus(kind, text) {
    const status = $("#status");
    status.dataset.state = kind;
    status.textContent = text;
  }

  function render(data) {
    state.window = data.window;
    renderWindows(data);
    const platforms = data.platforms || [];
    renderHealth(data.health || {}, data.assigned_partitions ?? 0);
    renderLegend(platforms.filter((p) => p.series.length));
    for (const kind of Object.keys(CHARTS)) drawChart(kind, platforms);
    renderLatest(platforms);
    renderReported(platforms);
    document.body.dataset.platforms = platforms.map((p) => p.platform).join(",");
    document.body.dataset.updated = data.generated_at;
    document.body.dataset.loaded = "true";
    setStatus("ok", `updated ${fmtTime(data.generated_at)}`);
  }

  async function refresh() {
    if (state.inflight) return;
    state.inflight = true;
    try {
      const query = new URLSearchParams({ last: String(state.last) });
      if (state.window) query.set("window", state.window);
      const response = await fetch(`/api/overview?${query}`, { cache: "no-store" });
      const data = await response.json();
      if (!response.ok) throw new Error(data.error || response.statusText);
      render(data);
    } catch (error) {
      setStatus("error", `worker unreachable: ${error.message || error}`);
    } finally {
      state.inflight = false;
    }
  }

  function schedule() {
    clearInterval(state.timer);
    state.timer = state.paused ? null : setInterval(refresh, REFRESH_MS);
  }

  function remember() {
    const query = new URLSearchParams({ window: state.window, last: String(state.last) });
    history.replaceState(null, "", `?${query}`);
  }

  $("#window-select").addEventListener("change", (event) => {
    state.window = event.target.value;
    remember();
    refresh();
  });
  const lastSelect = $("#last-select");
  if (![...lastSelect.options].some((o) => o.value === String(state.last))) {
    lastSelect.append(el("option", { value: String(state.last) }, String(state.last)));
  }
  lastSelect.value = String(state.last);
  $("#last-select").addEventListener("change", (event) => {
    state.last = Number(event.target.value);
    remember();
    refresh();
  });
  $("#pause").addEventListener("click", (event) => {
    state.paused = !state.paused;
    event.target.setAttribute("aria-pressed", String(state.paused));
    event.target.textContent = state.paused ? "Resume" : "Pause";
    if (state.paused) setStatus("paused", "paused"); else refresh();
    schedule();
  });

  buildTables();
  refresh();
  schedule();
})();
