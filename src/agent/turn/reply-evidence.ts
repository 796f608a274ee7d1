// What a reply may draw on in this turn, gathered for the output rails: the passages given to the model, every tool
// result (numbers also written the way replies format them), the customer's own words and the bank's contacts.
import type { Locale } from "../../shared/locale.js";
import type { Passage } from "../passages.js";
import type { RailEvidence } from "../rails/rail-types.js";
import { recordedResultOf, type RecordedToolCall } from "../turn-recorder.js";

const PASSAGE_TOOLS = new Set(["search_knowledge", "draft_customer_reply"]);

/** Inputs of the evidence of a turn. */
export interface EvidenceInput {
  locale: Locale;
  passages: readonly Passage[];
  calls: readonly RecordedToolCall[];
  userText: string;
  publishedContacts: readonly string[];
  protectedTexts: readonly string[];
  /** Texts our own code writes (reply templates): they state only vetted facts. */
  trustedTexts?: readonly string[];
  maskPlaceholder?: (placeholder: string) => string | undefined;
}

// A balance of 1234.5 in a tool result is shown as "£1,234.50", and a probability of 0.93 as "93%": each spelling
// counts as the tool's fact.
const GROUPED = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function numberSpellings(value: number): string {
  if (!Number.isFinite(value)) return "";
  const fixed = value.toFixed(2);
  const grouped = GROUPED.format(value);
  const money = `${value} ${fixed} £${fixed} £${grouped} ${Math.abs(value)} £${Math.abs(value).toFixed(2)}`;
  if (value < 0 || value > 1) return money;
  return `${money} ${Math.round(value * 100)}% ${(value * 100).toFixed(1)}%`;
}

// A timestamp in a result ("2026-11-30T13:49:05Z") is shown as a time of day ("13:49"): that spelling counts too.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})/;

function timestampSpellings(value: string): string {
  const m = ISO_TIME.exec(value);
  return m ? ` ${m[1]}:${m[2]}` : "";
}

/** Flattens a tool result into text lines a grounding check can search. */
export function toolResultText(result: unknown, depth = 0): string {
  if (depth > 8 || result === null || result === undefined) return "";
  if (typeof result === "string") return `${result}${timestampSpellings(result)}`;
  if (typeof result === "number") return numberSpellings(result);
  if (typeof result === "boolean") return String(result);
  if (Array.isArray(result)) return result.map((r) => toolResultText(r, depth + 1)).join("\n");
  if (typeof result === "object")
    return Object.entries(result)
      .map(([key, v]) => `${toolResultText(v, depth + 1)}${typeof v === "number" ? unitSpellings(key, v) : ""}`)
      .join("\n");
  return "";
}

// A field's name carries its unit ("termMonths": 36): the reply says "36 months" or "36个月", in either language.
const UNIT_OF_FIELD: readonly [RegExp, string, string][] = [
  [/months?$/i, "months", "个月"],
  [/days?$/i, "days", "天"],
  [/years?$/i, "years", "年"],
  [/hours?$/i, "hours", "小时"],
];

function unitSpellings(key: string, value: number): string {
  const unit = UNIT_OF_FIELD.find(([re]) => re.test(key));
  return unit ? ` ${value} ${unit[1]} ${value}${unit[2]}` : "";
}

/** Every passage of the turn: those retrieved before the model and those its own searches returned, by [n]. */
export function passagesOfTurn(planned: readonly Passage[], calls: readonly RecordedToolCall[]): Passage[] {
  const searched = calls.flatMap((c) => {
    const r = recordedResultOf(c, "search_knowledge") ?? recordedResultOf(c, "draft_customer_reply");
    return r?.status === "ok" ? r.passages : [];
  });
  const byN = new Map<number, Passage>();
  for (const p of [...planned, ...searched]) if (!byN.has(p.n)) byN.set(p.n, p);
  return [...byN.values()];
}

/** The evidence the rails check a reply against. */
export function buildEvidence(input: EvidenceInput): RailEvidence {
  const passages = passagesOfTurn(input.passages, input.calls);
  return {
    locale: input.locale,
    sources: [
      ...passages.map((p) => p.text),
      // Passages are already among the sources; flattening the searches that returned them would only repeat them.
      ...input.calls
        .filter((c) => c.result !== undefined && !PASSAGE_TOOLS.has(c.name))
        .map((c) => toolResultText(c.result)),
      input.userText,
      ...(input.trustedTexts ?? []),
    ],
    passageIds: passages.map((p) => p.n),
    publishedContacts: input.publishedContacts,
    protectedTexts: input.protectedTexts,
    ...(input.maskPlaceholder ? { maskPlaceholder: input.maskPlaceholder } : {}),
  };
}
