// The summary prompt of agent assist is a file per language under prompts/assist/, read once at start-up; a
// missing file or a leftover `{{placeholder}}` stops start-up with the file's name.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locale } from "../../shared/locale.js";

/** The summary system prompt in each language. */
export type AssistPrompts = Record<Locale, string>;

/** Reads prompts/assist/summary.<locale>.md for both languages; throws one error naming every problem. */
export function loadAssistPrompts(promptsDir: string): AssistPrompts {
  const problems: string[] = [];
  const read = (locale: Locale): string => {
    const file = join(promptsDir, "assist", `summary.${locale}.md`);
    if (!existsSync(file)) {
      problems.push(`missing prompt file ${file}`);
      return "";
    }
    const text = readFileSync(file, "utf8").trim();
    if (!text) problems.push(`${file}: is empty`);
    if (/\{\{|\}\}/.test(text)) problems.push(`${file}: has a placeholder, but the summary prompt takes no values`);
    return text;
  };
  const prompts = { en: read("en"), "zh-CN": read("zh-CN") };
  if (problems.length) throw new Error(`agent assist prompts: ${problems.join("; ")}`);
  return prompts;
}
