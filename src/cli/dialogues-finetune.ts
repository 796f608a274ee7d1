// `npm run dialogues:finetune -- --out train.jsonl [--tag approved]`: recorded dialogues (files, and optionally the
// conversations stored by the app) as OpenAI chat fine-tuning JSONL, with a report of what was exported and skipped.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createConversationStore } from "../conversations/conversation-store.js";
import type { Dialogue } from "../dialogues/dialogue-schema.js";
import { exportDialogue } from "../dialogues/export-dialogue.js";
import { toFinetuneExample, type SkipReason } from "../dialogues/finetune-export.js";
import { formatProblem, loadDialogues } from "../dialogues/load-dialogues.js";
import { fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const args = parseCli({
  name: "dialogues:finetune",
  summary: "Write recorded dialogues as OpenAI chat fine-tuning JSONL (tool calls included, PII replaced by fakes)",
  usage:
    "npm run dialogues:finetune -- --out train.jsonl [--tag approved] [--data-dir var] [dialogue files or folders]",
  allowPositionals: true,
  options: {
    out: { type: "string", description: "JSONL file to write" },
    tag: { type: "string", description: "Only dialogues carrying this tag" },
    "data-dir": {
      type: "string",
      description: "Also export the conversations stored in <dir>/chat.sqlite (they carry no tags)",
    },
    "system-prompt": { type: "string", description: "System message of every example" },
  },
});

const out = args.values["out"];
if (typeof out !== "string" || !out) fail("--out <file> is required");
const tag = typeof args.values["tag"] === "string" ? args.values["tag"] : undefined;
const systemPrompt = typeof args.values["system-prompt"] === "string" ? args.values["system-prompt"] : undefined;
const inputs = args.positionals.length ? args.positionals : ["test/dialogues"];

const sources: { name: string; dialogue: Dialogue }[] = [];
const loaded = await loadDialogues(inputs);
if (!loaded.ok) fail(`malformed dialogue files:\n${loaded.error.map(formatProblem).join("\n")}`);
for (const l of loaded.value) sources.push({ name: l.file, dialogue: l.dialogue });
const dataDir = args.values["data-dir"];
if (typeof dataDir === "string") {
  const store = createConversationStore(path.join(path.resolve(dataDir), "chat.sqlite"));
  try {
    for (const s of store.listSessions({ limit: 100_000 })) {
      const d = exportDialogue({
        sessionId: s.id,
        identity: s.identity,
        locale: s.locale,
        traces: store.listTraces(s.id),
      });
      if (d.ok) sources.push({ name: `session:${s.id}`, dialogue: d.value });
    }
  } finally {
    store.close();
  }
}

const lines: string[] = [];
const skipped = new Map<SkipReason, string[]>();
let toolCalls = 0;
for (const s of sources) {
  const r = toFinetuneExample(s.dialogue, { ...(tag ? { tag } : {}), ...(systemPrompt ? { systemPrompt } : {}) });
  if (r.ok) {
    lines.push(JSON.stringify(r.example));
    toolCalls += r.example.messages.filter((m) => m.role === "tool").length;
  } else {
    skipped.set(r.reason, [...(skipped.get(r.reason) ?? []), s.name]);
  }
}
await mkdir(path.dirname(path.resolve(out)), { recursive: true });
await writeFile(out, lines.map((l) => `${l}\n`).join(""), "utf8");
const skippedTotal = [...skipped.values()].reduce((n, v) => n + v.length, 0);
console.log(
  renderTable(
    ["outcome", "count", "examples"],
    [
      ["exported", lines.length, ""],
      ...[...skipped.entries()].map(([reason, names]) => [
        `skipped: ${reason}`,
        names.length,
        names
          .slice(0, 3)
          .map((n) => path.basename(n))
          .join(", "),
      ]),
    ],
  ),
);
console.log(
  `\nwrote ${out}: ${lines.length} examples with ${toolCalls} tool results; skipped ${skippedTotal} of ${sources.length}`,
);
printJsonLine({ exported: lines.length, skipped: skippedTotal, toolCalls, out });
