// Line and grouped-bar charts drawn as inline SVG (no chart library): axes, gridlines, a legend, an aria-label
// summary for screen readers and the same numbers as a table, so no figure is only a picture.
import { h } from "../widget/create-element.js";
import { table } from "./trace-view.js";

/** One line or bar series. */
export interface ChartSeries {
  label: string;
  colour: string;
  dashed?: boolean;
  values: (number | null)[];
}

/** What a chart draws. */
export interface ChartSpec {
  id: string;
  title: string;
  kind: "line" | "bar";
  buckets: string[];
  /** The bucket column's heading in the data table ("Day", "Hour (UTC)"). */
  bucketLabel: string;
  series: ChartSeries[];
  format: (v: number) => string;
  /** A fixed top of the y axis (1 for rates); otherwise a round number above the largest value. */
  yMax?: number;
}

const W = 560;
const H = 230;
const M = { left: 52, right: 14, top: 14, bottom: 34 };
const SVG = "http://www.w3.org/2000/svg";

function s(tag: string, attrs: Record<string, string | number>, ...children: (SVGElement | string)[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

// The top of the axis: four equal steps of a round size (1, 2 or 5 × 10^k, at least 1), so ticks read as whole numbers.
function niceMax(v: number): number {
  const raw = Math.max(v, 1) / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const step = Math.max(1, (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p);
  return step * 4;
}

const shortBucket = (b: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(b) ? b.slice(5) : b);

function summary(spec: ChartSpec): string {
  const parts = spec.series.map((se) => {
    const present = se.values.flatMap((v, i) => (v === null ? [] : [{ v, b: spec.buckets[i] ?? "" }]));
    if (present.length === 0) return `${se.label}: no data`;
    const peak = present.reduce((a, b) => (b.v > a.v ? b : a));
    return `${se.label}: highest ${spec.format(peak.v)} at ${peak.b}`;
  });
  return `${spec.title}. ${parts.join("; ")}.`;
}

function axes(spec: ChartSpec, yMax: number, x: (i: number) => number, y: (v: number) => number): SVGElement {
  const g = s("g", { class: "axes" });
  // A 1–5 scale reads best in whole steps; everything else in quarters of a round top.
  const steps = yMax === 5 ? 5 : 4;
  for (let k = 0; k <= steps; k++) {
    const v = (yMax * k) / steps;
    g.append(
      s("line", { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: k === 0 ? "axis" : "grid" }),
      s("text", { x: M.left - 6, y: y(v) + 4, "text-anchor": "end" }, spec.format(v)),
    );
  }
  const n = spec.buckets.length;
  const every = Math.max(1, Math.ceil(n / 10));
  spec.buckets.forEach((b, i) => {
    if (i % every !== 0) return;
    g.append(s("text", { x: x(i), y: H - M.bottom + 16, "text-anchor": "middle" }, shortBucket(b)));
  });
  g.append(s("line", { x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom, class: "axis" }));
  return g;
}

/** Draws a chart as a figure: caption, SVG, legend and a collapsible data table. */
export function renderChart(spec: ChartSpec): HTMLElement {
  const all = spec.series.flatMap((se) => se.values.filter((v): v is number => v !== null));
  const yMax = spec.yMax ?? niceMax(Math.max(0, ...all));
  const n = Math.max(1, spec.buckets.length);
  const plotW = W - M.left - M.right;
  const band = plotW / n;
  const x = (i: number): number => M.left + band * (i + 0.5);
  const y = (v: number): number => H - M.bottom - ((H - M.top - M.bottom) * Math.min(v, yMax)) / yMax;
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    role: "img",
    "aria-label": summary(spec),
    class: "chart-svg",
    preserveAspectRatio: "xMidYMid meet",
  });
  svg.append(axes(spec, yMax, x, y));
  spec.series.forEach((se, k) => {
    if (spec.kind === "bar") {
      const bw = (band * 0.8) / spec.series.length;
      se.values.forEach((v, i) => {
        if (v === null || v === 0) return;
        const left = M.left + band * i + band * 0.1 + bw * k;
        svg.append(
          s("rect", { x: left, y: y(v), width: Math.max(1, bw - 1), height: H - M.bottom - y(v), fill: se.colour }),
        );
      });
      return;
    }
    let d = "";
    se.values.forEach((v, i) => {
      if (v === null) return;
      d += `${d && se.values[i - 1] !== null && i > 0 ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    });
    if (d)
      svg.append(
        s("path", {
          d,
          fill: "none",
          stroke: se.colour,
          "stroke-width": 2,
          ...(se.dashed ? { "stroke-dasharray": "5 4" } : {}),
        }),
      );
    if (n <= 40)
      se.values.forEach((v, i) => {
        if (v !== null) svg.append(s("circle", { cx: x(i), cy: y(v), r: 2.5, fill: se.colour }));
      });
  });
  const legend = h(
    "ul",
    { className: "legend" },
    ...spec.series.map((se) =>
      h(
        "li",
        {},
        s(
          "svg",
          { viewBox: "0 0 22 10", width: 22, height: 10, "aria-hidden": "true", class: "swatch" },
          s("line", {
            x1: 1,
            x2: 21,
            y1: 5,
            y2: 5,
            stroke: se.colour,
            "stroke-width": spec.kind === "bar" ? 8 : 3,
            ...(se.dashed ? { "stroke-dasharray": "5 3" } : {}),
          }),
        ),
        se.label,
      ),
    ),
  );
  const rows = spec.buckets.map((b, i) => [
    b,
    ...spec.series.map((se) => {
      const v = se.values[i];
      return v === null || v === undefined ? "—" : spec.format(v);
    }),
  ]);
  return h(
    "figure",
    { className: "chart", id: spec.id },
    h("figcaption", { text: spec.title }),
    svg,
    legend,
    h(
      "details",
      {},
      h("summary", { text: "Show the numbers" }),
      table([spec.bucketLabel, ...spec.series.map((x) => x.label)], rows),
    ),
  );
}
