// Reads dialogue files (YAML), upgrades old schema versions and validates them, reporting every problem with the
// file path, the line and the field path, so a malformed dialogue is fixed from the message alone.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { LineCounter, isNode, parseDocument, type Document } from "yaml";
import type { ZodIssue } from "zod";
import { err, ok, type Result } from "../shared/result.js";
import { CURRENT_SCHEMA_VERSION, DialogueSchema, type Dialogue } from "./dialogue-schema.js";
import { DialogueV1Schema, upgradeV1 } from "./dialogue-schema-v1.js";

/** One problem in a dialogue file. */
export interface DialogueProblem {
  file: string;
  line?: number;
  column?: number;
  path: string;
  message: string;
}

/** A dialogue as loaded, with where it came from. */
export interface LoadedDialogue {
  file: string;
  id: string;
  sourceVersion: number;
  dialogue: Dialogue;
}

/** Formats a problem as `file:line:col: field.path: message`. */
export function formatProblem(p: DialogueProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}: ${p.path ? `${p.path}: ` : ""}${p.message}`;
}

function formatPath(segments: (string | number)[]): string {
  return segments.reduce<string>((acc, s) => (typeof s === "number" ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), "");
}

function locate(doc: Document, lc: LineCounter, segments: (string | number)[]): { line?: number; column?: number } {
  for (let n = segments.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = lc.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}

function issuesToProblems(file: string, doc: Document, lc: LineCounter, issues: ZodIssue[]): DialogueProblem[] {
  return issues.map((i) => {
    let message = i.message;
    if (i.code === "unrecognized_keys") message = `unknown field(s) ${i.keys.map((k) => `"${k}"`).join(", ")}`;
    if (i.code === "invalid_type" && i.received === "undefined") message = "is required";
    const at = i.code === "unrecognized_keys" && i.keys[0] !== undefined ? [...i.path, i.keys[0]] : i.path;
    return { file, path: formatPath(i.path), message, ...locate(doc, lc, at) };
  });
}

/** Parses and validates one dialogue's YAML text; `file` is only used in messages and as its id. */
export function parseDialogue(text: string, file: string): Result<LoadedDialogue, DialogueProblem[]> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return err(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return {
          file,
          path: "",
          message: `YAML syntax: ${e.message.split("\n")[0]}`,
          ...(pos ? { line: pos.line, column: pos.col } : {}),
        };
      }),
    );
  }
  const raw: unknown = doc.toJS();
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return err([{ file, path: "", message: "a dialogue file must be a YAML mapping" }]);
  }
  const version = (raw as Record<string, unknown>)["schemaVersion"];
  let candidate: unknown = raw;
  if (version === 1) {
    const v1 = DialogueV1Schema.safeParse(raw);
    if (!v1.success) return err(issuesToProblems(file, doc, lc, v1.error.issues));
    candidate = upgradeV1(v1.data);
  } else if (version !== CURRENT_SCHEMA_VERSION) {
    return err([
      {
        file,
        path: "schemaVersion",
        message: `unsupported schema version ${JSON.stringify(version)} (supported: 1, ${CURRENT_SCHEMA_VERSION})`,
        ...locate(doc, lc, ["schemaVersion"]),
      },
    ]);
  }
  const parsed = DialogueSchema.safeParse(candidate);
  if (!parsed.success) return err(issuesToProblems(file, doc, lc, parsed.error.issues));
  const id = path.basename(file).replace(/\.ya?ml$/i, "");
  return ok({ file, id, sourceVersion: version, dialogue: parsed.data });
}

/** Expands files and folders (recursively) into the sorted list of `.yaml`/`.yml` files they name. */
export async function listDialogueFiles(inputs: string[]): Promise<string[]> {
  const out = new Set<string>();
  const walk = async (p: string): Promise<void> => {
    const s = await stat(p);
    if (s.isDirectory()) {
      const entries = await readdir(p, { withFileTypes: true });
      for (const e of entries) {
        if (e.isDirectory()) await walk(path.join(p, e.name));
        else if (/\.ya?ml$/i.test(e.name)) out.add(path.join(p, e.name));
      }
    } else {
      out.add(p);
    }
  };
  for (const i of inputs) await walk(i);
  return [...out].sort();
}

/** Loads every dialogue under the inputs; the problems of all malformed files are returned together. */
export async function loadDialogues(inputs: string[]): Promise<Result<LoadedDialogue[], DialogueProblem[]>> {
  let files: string[];
  try {
    files = await listDialogueFiles(inputs);
  } catch (e) {
    return err([
      { file: String((e as NodeJS.ErrnoException).path ?? inputs.join(", ")), path: "", message: (e as Error).message },
    ]);
  }
  const loaded: LoadedDialogue[] = [];
  const problems: DialogueProblem[] = [];
  for (const file of files) {
    const r = parseDialogue(await readFile(file, "utf8"), file);
    if (r.ok) loaded.push(r.value);
    else problems.push(...r.error);
  }
  return problems.length > 0 ? err(problems) : ok(loaded);
}

/** The fixture knowledge documents the dialogues ask for, as absolute paths (each listed once). */
export function knowledgeFixturesOf(dialogues: LoadedDialogue[]): string[] {
  const docs = new Set<string>();
  for (const d of dialogues) {
    for (const rel of d.dialogue.meta.fixtures?.knowledge ?? []) docs.add(path.resolve(path.dirname(d.file), rel));
  }
  return [...docs].sort();
}
