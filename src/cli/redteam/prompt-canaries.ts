// The system prompt's own words, read from the prompts folder: its rule headings and task lines are distinctive
// enough that any of them in a reply, a record or a log means the prompt leaked.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "../../shared/locale.js";

/** Distinctive lines of the system prompts, per language. */
export type PromptCanaries = Record<Locale, string[]>;

const BOLD = /\*\*([^*\n]{4,160})\*\*/g;
const TASK = /^# (?:Task|任务)[:：][^\n]{4,160}$/gm;

/** Reads the rule headings of the shared rules and the task line of every route prompt. */
export function loadPromptCanaries(promptsDir: string): PromptCanaries {
  const canaries: PromptCanaries = { en: [], "zh-CN": [] };
  for (const file of readdirSync(promptsDir).sort()) {
    const locale: Locale | undefined = file.endsWith(".zh-CN.md")
      ? "zh-CN"
      : file.endsWith(".en.md")
        ? "en"
        : undefined;
    if (!locale) continue;
    const text = readFileSync(path.join(promptsDir, file), "utf8");
    const lines = [...text.matchAll(BOLD)].map((m) => trimPunctuation(m[1] ?? ""));
    if (file.startsWith("shared-rules."))
      canaries[locale].push(...lines.filter((l) => l.length >= (locale === "en" ? 16 : 6)));
    canaries[locale].push(...[...text.matchAll(TASK)].map((m) => m[0].slice(2)));
  }
  return canaries;
}

function trimPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && ".。:：".includes(text[end - 1] ?? "")) end--;
  return text.slice(0, end);
}
