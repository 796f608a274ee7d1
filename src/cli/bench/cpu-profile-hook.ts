// Profiles every server process (primary and workers) without node flags: Node 20 refuses --cpu-prof in NODE_OPTIONS
// but accepts --import, so a small preload starts V8's sampler through the inspector and writes the profile at exit.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

// Plain JavaScript, because the server may run compiled code under plain node (as npm start does). The file name
// follows --cpu-prof's pattern (CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile) so the same reader finds it.
const hookSource = (dir: string): string => `
import { Session } from "node:inspector";
import { writeFileSync } from "node:fs";
const session = new Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.setSamplingInterval", { interval: 1000 });
session.post("Profiler.start");
process.on("exit", () => {
  session.post("Profiler.stop", (error, result) => {
    if (error || !result) return;
    const file = ${JSON.stringify(dir)} + "/CPU.0.0." + process.pid + ".0.001.cpuprofile";
    writeFileSync(file, JSON.stringify(result.profile));
  });
});
`;

/** Writes the preload into `dir` and returns the NODE_OPTIONS that make each server process profile itself there. */
export function profilingNodeOptions(dir: string): string {
  const file = join(dir, "cpu-profile-hook.mjs");
  writeFileSync(file, hookSource(dir));
  return `--import ${file}`;
}
