// Shared plumbing for command-line entry points: argument parsing with --help, progress bars, the final JSON line.
import { parseArgs, type ParseArgsConfig } from "node:util";
import cliProgress from "cli-progress";
export { renderTable } from "../shared/render-table.js";

/** One option of a command, described for --help. */
export interface CliOption {
  type: "string" | "boolean";
  short?: string;
  default?: string | boolean;
  multiple?: boolean;
  description: string;
}

/** What a command declares about itself. */
export interface CliSpec {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, CliOption>;
  allowPositionals?: boolean;
}

/** Parsed command-line values. */
export interface CliArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** Renders the --help text of a command. */
export function renderHelp(spec: CliSpec): string {
  const lines = [`${spec.name} — ${spec.summary}`, "", `Usage: ${spec.usage}`, "", "Options:"];
  const all: Record<string, CliOption> = {
    ...spec.options,
    help: { type: "boolean", short: "h", description: "Show this help" },
  };
  for (const [name, opt] of Object.entries(all)) {
    const flag = `${opt.short ? `-${opt.short}, ` : "    "}--${name}${opt.type === "string" ? " <value>" : ""}`;
    const def = opt.default !== undefined ? ` (default: ${String(opt.default)})` : "";
    lines.push(`  ${flag.padEnd(30)} ${opt.description}${def}`);
  }
  return lines.join("\n");
}

/** Parses argv against the spec; prints help and exits 0 on --help, prints the problem and exits 2 on a bad flag. */
export function parseCli(spec: CliSpec, argv: string[] = process.argv.slice(2)): CliArgs {
  const options: NonNullable<ParseArgsConfig["options"]> = { help: { type: "boolean", short: "h" } };
  for (const [name, opt] of Object.entries(spec.options)) {
    options[name] = {
      type: opt.type,
      ...(opt.short ? { short: opt.short } : {}),
      ...(opt.multiple ? { multiple: true } : {}),
      ...(opt.default !== undefined ? { default: opt.default } : {}),
    } as NonNullable<ParseArgsConfig["options"]>[string];
  }
  let parsed: CliArgs;
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: spec.allowPositionals ?? false, strict: true });
    parsed = { values: r.values as CliArgs["values"], positionals: r.positionals };
  } catch (e) {
    fail(`${(e as Error).message}\n\n${renderHelp(spec)}`, 2);
  }
  if (parsed.values.help) {
    console.log(renderHelp(spec));
    process.exit(0);
  }
  return parsed;
}

/** Prints an error for the user and exits non-zero. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(code);
}

/** Prints the machine-readable result as the last line of output. */
export function printJsonLine(result: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(result) + "\n");
}

/** A progress bar on stderr (so stdout stays parseable); silent when stderr is not a terminal unless forced. */
export function createProgress(
  label: string,
  total: number,
): { tick(n?: number): void; update(v: number): void; stop(): void } {
  const show = process.stderr.isTTY || process.env["FORCE_PROGRESS"] === "1";
  if (!show) {
    let done = 0;
    let lastPct = -1;
    return {
      tick: (n = 1) => {
        done += n;
        const pct = total > 0 ? Math.floor((done / total) * 10) * 10 : 100;
        if (pct !== lastPct) {
          lastPct = pct;
          process.stderr.write(`${label}: ${pct}%\n`);
        }
      },
      update: (v) => {
        done = v;
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | eta {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: (n = 1) => bar.increment(n), update: (v) => bar.update(v), stop: () => bar.stop() };
}
