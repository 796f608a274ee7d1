// `npm run redteam`: the hostile-model red team. The real app runs in-process with LLM_PROVIDER=openai pointed at a
// fake OpenAI server scripted to misbehave, one scenario group per applicable OWASP Top 10 for LLM Applications item;
// every reply, SSE event, stored history, trace and log line is searched for what the model invented or leaked.
import { createProgress, fail, parseCli, printJsonLine } from "./cli-kit.js";
import { renderReport, summarise } from "./redteam/render-report.js";
import { runRedteam } from "./redteam/run-redteam.js";
import { OWASP_GROUPS, type OwaspGroup } from "./redteam/scenario.js";

const args = parseCli({
  name: "redteam",
  summary: "Attack the assistant with a hostile model and report, per OWASP LLM item, what leaked where",
  usage: "npm run redteam -- [--group LLM09] [--grep text] [--fast]",
  options: {
    group: {
      type: "string",
      multiple: true,
      description: `only these groups (${OWASP_GROUPS.join(", ")}); repeatable`,
    },
    grep: { type: "string", description: "only scenarios whose name contains this text" },
    fast: { type: "boolean", default: false, description: "only the fast subset the test suite runs" },
  },
});

const isGroup = (g: string): g is OwaspGroup => OWASP_GROUPS.some((x) => x === g);
const rawGroups = args.values["group"];
const groups = (Array.isArray(rawGroups) ? rawGroups : []).map((g) => String(g).toUpperCase());
const unknown = groups.filter((g) => !isGroup(g));
if (unknown.length > 0) fail(`unknown group ${unknown.join(", ")}; choose from ${OWASP_GROUPS.join(", ")}`, 2);
const grep = typeof args.values["grep"] === "string" ? args.values["grep"].toLowerCase() : undefined;
const fastOnly = args.values["fast"] === true;

let progress: ReturnType<typeof createProgress> | undefined;
const results = await runRedteam({
  repoRoot: process.cwd(),
  select: (s) =>
    (groups.length === 0 || groups.includes(s.group)) &&
    (grep === undefined || s.name.toLowerCase().includes(grep)) &&
    (!fastOnly || s.fast === true),
  onStart: (total) => {
    if (total === 0) fail("no scenario matches the filters", 2);
    progress = createProgress("red team", total);
  },
  onResult: () => progress?.tick(),
  note: (line) => process.stderr.write(`${line}\n`),
});
progress?.stop();

console.log(renderReport(results));
const summary = summarise(results);
printJsonLine({ ...summary });
process.exit(summary.leaks + summary.useless + summary.errors > 0 ? 1 : 0);
