// `npm run dialogues:export -- --session <id> --out <file>`: writes a stored conversation as a regression dialogue.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createConversationStore } from "../conversations/conversation-store.js";
import { loadConfig } from "../config/load-config.js";
import { exportConversationYaml } from "../dialogues/export-dialogue.js";
import { parseDialogue } from "../dialogues/load-dialogues.js";
import { fail, parseCli, printJsonLine } from "./cli-kit.js";

const args = parseCli({
  name: "dialogues:export",
  summary: "Export a stored conversation (its turn traces) as a regression dialogue, PII replaced by stable fakes",
  usage: "npm run dialogues:export -- --session <id> --out <file> [--data-dir var] [--title <text>] [--tag <tag>]",
  options: {
    session: { type: "string", description: "Session id to export" },
    out: { type: "string", description: "Dialogue file to write (.yaml); '-' for stdout" },
    "data-dir": {
      type: "string",
      description: "Data directory holding chat.sqlite (default: DATA_DIR from the environment)",
    },
    title: { type: "string", description: "Dialogue title" },
    tag: { type: "string", multiple: true, description: "Tag to add (repeatable)" },
  },
});

const session = args.values["session"];
const out = args.values["out"];
if (typeof session !== "string" || !session) fail("--session <id> is required");
if (typeof out !== "string" || !out) fail("--out <file> is required");
const dataDir =
  typeof args.values["data-dir"] === "string"
    ? path.resolve(args.values["data-dir"])
    : loadConfig(process.env).paths.dataDir;
const store = createConversationStore(path.join(dataDir, "chat.sqlite"));
try {
  const title = args.values["title"];
  const tags = (args.values["tag"] as string[] | undefined) ?? [];
  const yaml = exportConversationYaml(store, session, { ...(typeof title === "string" ? { title } : {}), tags });
  if (!yaml.ok)
    fail(
      yaml.error === "not_found"
        ? `no session "${session}" in ${path.join(dataDir, "chat.sqlite")}`
        : `session "${session}" has no recorded turns`,
    );
  const check = parseDialogue(yaml.value, out);
  if (!check.ok)
    fail(`exported dialogue does not validate: ${check.error.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  if (out === "-") process.stdout.write(yaml.value);
  else {
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await writeFile(out, yaml.value, "utf8");
    console.log(
      `wrote ${out}: ${check.value.dialogue.turns.length} turns, recorded with ${check.value.dialogue.meta.recordedWith.provider}/${check.value.dialogue.meta.recordedWith.model}`,
    );
  }
  printJsonLine({ session, out, turns: check.value.dialogue.turns.length });
} finally {
  store.close();
}
