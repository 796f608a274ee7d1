// The service as `npm start` runs it, for load scripts: spawn the compiled entry on a temporary data folder, wait for
// its "listening on" line, stop it gracefully, and read the resident memory of its whole process tree from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";

/** A started service: its primary process and base URL. */
export interface ServiceProcess {
  child: ChildProcess;
  url: URL;
}

/** Options for starting the service. */
export interface StartServiceOptions {
  /** Compiled JavaScript runs with plain node (as npm start does); TypeScript with --import tsx. */
  entry: string;
  env: Record<string, string>;
  startupTimeoutS: number;
  /** Where server log lines go (default: stderr, prefixed). */
  onLog?: (line: string) => void;
}

/** Starts the service and resolves once it listens; rejects with the last log lines if it exits first. */
export async function startService(options: StartServiceOptions): Promise<ServiceProcess> {
  if (!existsSync(options.entry))
    throw new Error(`${options.entry} does not exist; run npm run build first (or pass --entry src/main.ts)`);
  // node --import tsx (not npx tsx) so the child pid is the server itself and its RSS is what is sampled.
  const child = spawn(
    process.execPath,
    [...(options.entry.endsWith(".ts") ? ["--import", "tsx"] : []), options.entry],
    {
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const tail: string[] = [];
  const keep = (line: string): void => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
  };
  const log = options.onLog ?? ((line: string) => process.stderr.write(`[server] ${line}\n`));
  createInterface({ input: child.stderr! }).on("line", (line) => {
    keep(line);
    log(line);
  });
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not print "listening on" within ${options.startupTimeoutS} s`)),
      options.startupTimeoutS * 1000,
    );
    createInterface({ input: child.stdout! }).on("line", (line) => {
      keep(line);
      const m = /listening on (https?:\/\/\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(new URL(m[1] as string));
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${signal ?? code}) before listening:\n${tail.join("\n")}`));
    });
  }).catch((e: Error) => {
    child.kill("SIGKILL");
    throw e;
  });
  return { child, url };
}

/** Stops the service with SIGTERM, then SIGKILL after five seconds. */
export async function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The process and its descendants, from the parent ids in /proc/<pid>/stat. */
export function processTree(rootPid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** Resident memory of some processes: the current total and the largest per-process peak (VmHWM), in MB. */
export function sampleRss(pids: number[]): { rssMb: number; hwmMb: number; processes: number } | undefined {
  let rss = 0;
  let hwm = 0;
  let seen = 0;
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
      rss += kb("VmRSS");
      hwm = Math.max(hwm, kb("VmHWM"));
      seen++;
    } catch {
      // gone
    }
  }
  return seen > 0 ? { rssMb: rss / 1024, hwmMb: hwm / 1024, processes: seen } : undefined;
}
