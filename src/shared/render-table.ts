// Plain-text tables for terminal reports (CLI output and replay summaries).

/** Formats rows as an aligned plain-text table. */
export function renderTable(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const fmt = (r: string[]): string => r.map((v, c) => v.padEnd(widths[c] ?? 0)).join("  ");
  return [fmt(cells[0] as string[]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(fmt)].join(
    "\n",
  );
}
