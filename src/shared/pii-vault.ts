// Replaces personal data with placeholders before text reaches the LLM, logs or transcripts, and keeps the real
// values in a per-session vault so tools that need them can resolve a placeholder without the model seeing it.
import { detectPii, type DetectOptions } from "./pii-detect.js";
import { PII_LABELS, type PiiKind, type PiiSpan } from "./pii-kinds.js";

/** The result of redacting one text. */
export interface Redaction {
  text: string;
  spans: PiiSpan[];
  kinds: PiiKind[];
}

/** Per-session store of real values behind placeholders like `[CARD_1]`. */
export interface PiiVault {
  redact(text: string): Redaction;
  resolve(placeholder: string): { kind: PiiKind; value: string } | undefined;
  size(): number;
}

/** Where a vault keeps its entries: in memory, or sealed in a database shared by every worker process. */
export interface VaultBacking {
  /** The placeholder already given to this value, if any. */
  find(kind: PiiKind, value: string): string | undefined;
  /** Records a new value and returns its placeholder (the existing one if another process added it first). */
  add(kind: PiiKind, value: string, label: string): string;
  resolve(placeholder: string): { kind: PiiKind; value: string } | undefined;
  size(): number;
}

/** An in-memory backing (tests, tools that need no persistence). */
export function createMemoryVaultBacking(): VaultBacking {
  const byPlaceholder = new Map<string, { kind: PiiKind; value: string }>();
  const byValue = new Map<string, string>();
  const counters = new Map<PiiKind, number>();
  return {
    find: (kind, value) => byValue.get(`${kind}:${value}`),
    add(kind, value, label) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const placeholder = `[${label}_${n}]`;
      byValue.set(`${kind}:${value}`, placeholder);
      byPlaceholder.set(placeholder, { kind, value });
      return placeholder;
    },
    resolve: (placeholder) => byPlaceholder.get(placeholder),
    size: () => byPlaceholder.size,
  };
}

/** Creates a vault; the same value always gets the same placeholder within a session. */
export function createPiiVault(options: DetectOptions & { backing?: VaultBacking } = {}): PiiVault {
  const backing = options.backing ?? createMemoryVaultBacking();
  return {
    redact(text) {
      const spans = detectPii(text, options);
      let out = "";
      let cursor = 0;
      for (const s of spans) {
        // Folded and without separators, so "4111 1111…", "4111-1111…" and full-width digits share one placeholder.
        const key = s.kind === "email" ? s.canonical.toUpperCase() : s.canonical;
        const placeholder = backing.find(s.kind, key) ?? backing.add(s.kind, key, PII_LABELS[s.kind]);
        out += text.slice(cursor, s.start) + placeholder;
        cursor = s.end;
      }
      out += text.slice(cursor);
      return { text: out, spans, kinds: [...new Set(spans.map((s) => s.kind))] };
    },
    resolve: (placeholder) => backing.resolve(placeholder.trim()),
    size: () => backing.size(),
  };
}

/** Redacts a text without keeping the values (logs, traces, exports). */
export function redactPii(text: string, options: DetectOptions = {}): string {
  return createPiiVault(options).redact(text).text;
}
