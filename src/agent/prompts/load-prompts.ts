// System prompts are Markdown files, one per route and locale plus shared rules; this loads them once at start-up,
// checks every file exists and uses only known placeholders, and renders one with the turn's values.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { LocaleSchema, type Locale } from "../../shared/locale.js";
import { RouteSchema } from "../../router/intent-catalogue.js";

/** Every route that has its own prompt: the router's routes plus the staff assistant. */
export const PromptRouteSchema = RouteSchema;
/** A route with a prompt. */
export type PromptRoute = z.infer<typeof PromptRouteSchema>;

/** The placeholders a template may use, written `{{name}}`. */
export const PROMPT_PLACEHOLDERS = ["bank_name", "intent", "slots", "signed_in", "today"] as const;
/** A placeholder name. */
export type PromptPlaceholder = (typeof PROMPT_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{([A-Za-z0-9_]+)\}\}/g;
const BRACES = /\{\{|\}\}/;
const MAX_VALUE_CHARS = 200;
const MAX_SLOTS_CHARS = 800;

const TemplateTextSchema = z
  .string()
  .trim()
  .min(1, "is empty")
  .superRefine((text, ctx) => {
    for (const problem of templateProblems(text)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });

const LocalisedTemplateSchema = z.object({ en: TemplateTextSchema, "zh-CN": TemplateTextSchema });

const routeShape = Object.fromEntries(PromptRouteSchema.options.map((r) => [r, LocalisedTemplateSchema])) as Record<PromptRoute, typeof LocalisedTemplateSchema>;

/** The loaded templates: shared rules and one template per route, each in both locales. */
export const PromptTemplatesSchema = z.object({ sharedRules: LocalisedTemplateSchema, routes: z.object(routeShape) });
/** The loaded templates. */
export type PromptTemplates = z.infer<typeof PromptTemplatesSchema>;

const SlotValueSchema = z.unknown();

/** Values for one rendering; `slots` may be pre-formatted text or a record (non-text values shown as JSON), `signed_in` a flag shown in the prompt's language. */
export const PromptVarsSchema = z.object({
  bank_name: z.string().min(1),
  intent: z.string().min(1),
  slots: z.union([z.string(), z.record(SlotValueSchema)]),
  signed_in: z.union([z.boolean(), z.string()]),
  today: z.string().min(1),
});
/** Values for one rendering. */
export type PromptVars = z.infer<typeof PromptVarsSchema>;

/** Reads `shared-rules.<locale>.md` and `<route>.<locale>.md` for every route and locale; throws one error listing every problem. */
export function loadPromptTemplates(dir: string): PromptTemplates {
  const problems: string[] = [];
  const read = (name: string): string => {
    const path = join(dir, name);
    if (!existsSync(path)) {
      problems.push(`missing prompt file ${path}`);
      return "";
    }
    return readFileSync(path, "utf8");
  };
  const localised = (stem: string): Record<Locale, string> => ({ en: read(`${stem}.en.md`), "zh-CN": read(`${stem}.zh-CN.md`) });

  if (!existsSync(dir)) throw new Error(`prompt directory ${dir} does not exist`);
  const raw = {
    sharedRules: localised("shared-rules"),
    routes: Object.fromEntries(PromptRouteSchema.options.map((r) => [r, localised(r)])),
  };
  const known = new Set(["shared-rules", ...PromptRouteSchema.options].flatMap((stem) => LocaleSchema.options.map((l) => `${stem}.${l}.md`)));
  for (const file of readdirSync(dir)) {
    if (/\.(en|zh-CN)\.md$/.test(file) && !known.has(file)) problems.push(`unexpected prompt file ${join(dir, file)} (no such route)`);
  }
  const parsed = PromptTemplatesSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [group, route, locale] = issue.path.map(String);
      const file = group === "sharedRules" ? `shared-rules.${route}.md` : `${route}.${locale}.md`;
      // A missing file already has its own message; don't repeat it as "is empty".
      if (!problems.some((p) => p.endsWith(`${join(dir, file)}`))) problems.push(`${join(dir, file)}: ${issue.message}`);
    }
  }
  if (problems.length > 0) throw new Error(`invalid prompts in ${dir}:\n  - ${problems.join("\n  - ")}`);
  return (parsed as { data: PromptTemplates }).data;
}

/** Renders the system prompt of a route: the shared rules, then the route's own instructions, with every placeholder filled. */
export function renderPrompt(templates: PromptTemplates, request: { route: PromptRoute; locale: Locale; vars: PromptVars }): string {
  const { route, locale } = request;
  const vars = PromptVarsSchema.parse(request.vars);
  const routeTemplates = templates.routes[route];
  if (!routeTemplates) throw new Error(`no prompt for route "${route}"`);
  const values = formatVars(vars, locale);
  const parts = [fill(templates.sharedRules[locale], values, `shared-rules.${locale}`), fill(routeTemplates[locale], values, `${route}.${locale}`)];
  return parts.join("\n\n");
}

function fill(template: string, values: Record<PromptPlaceholder, string>, name: string): string {
  const out: string[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const key = m[1] as string;
    if (!isPlaceholder(key)) throw new Error(`prompt ${name}: unknown placeholder {{${key}}}`);
    const literal = template.slice(last, m.index);
    assertNoLeftover(literal, name);
    out.push(literal, values[key]);
    last = (m.index ?? 0) + m[0].length;
  }
  const tail = template.slice(last);
  assertNoLeftover(tail, name);
  out.push(tail);
  // Only the template's own text is checked for leftovers: values are inserted verbatim and never re-expanded.
  return out.join("").trim();
}

function assertNoLeftover(literal: string, name: string): void {
  const m = BRACES.exec(literal);
  if (m) throw new Error(`prompt ${name}: leftover placeholder near "${literal.slice(Math.max(0, m.index - 10), m.index + 20)}"`);
}

function formatVars(vars: PromptVars, locale: Locale): Record<PromptPlaceholder, string> {
  const zh = locale === "zh-CN";
  const signedIn = typeof vars.signed_in === "boolean" ? (vars.signed_in ? (zh ? "是" : "yes") : zh ? "否" : "no") : vars.signed_in;
  return {
    bank_name: oneLine(vars.bank_name),
    intent: oneLine(vars.intent),
    slots: formatSlots(vars.slots, zh),
    signed_in: oneLine(signedIn),
    today: oneLine(vars.today),
  };
}

function formatSlots(slots: PromptVars["slots"], zh: boolean): string {
  if (typeof slots === "string") return oneLine(slots, MAX_SLOTS_CHARS) || (zh ? "无" : "none");
  const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
  const entries = Object.entries(slots).filter(([, v]) => !isEmpty(v));
  if (entries.length === 0) return zh ? "无" : "none";
  const text = entries.map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(", ");
  return oneLine(text, MAX_SLOTS_CHARS);
}

// Values can carry customer text (slots); keep each on one bounded line so it cannot pose as a new prompt section.
function oneLine(value: string, max = MAX_VALUE_CHARS): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function isPlaceholder(key: string): key is PromptPlaceholder {
  return (PROMPT_PLACEHOLDERS as readonly string[]).includes(key);
}

function templateProblems(text: string): string[] {
  const problems: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (!isPlaceholder(m[1] as string)) problems.push(`unknown placeholder {{${m[1]}}}`);
    if (BRACES.test(text.slice(last, m.index))) problems.push("malformed placeholder (stray {{ or }})");
    last = (m.index ?? 0) + m[0].length;
  }
  if (BRACES.test(text.slice(last))) problems.push("malformed placeholder (stray {{ or }})");
  return [...new Set(problems)];
}

/** Every template text, in both locales: what the prompt-leak rail must never let a reply repeat. */
export function promptTexts(templates: PromptTemplates): string[] {
  const all = [templates.sharedRules, ...Object.values(templates.routes)];
  return all.flatMap((t) => [t.en, t["zh-CN"]]);
}
