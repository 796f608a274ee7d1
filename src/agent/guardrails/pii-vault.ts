// Replaces personal data with placeholders before text reaches the LLM, logs or transcripts, and keeps the real
// values in a per-session vault so tools that need them can resolve a placeholder without the model seeing it.
import { detectPii, type DetectOptions, type PiiKind, type PiiSpan } from "./pii-detect.js";

const LABEL: Record<PiiKind, string> = {
  card: "CARD",
  iban: "IBAN",
  cn_id: "CN_ID",
  email: "EMAIL",
  phone: "PHONE",
  account: "ACCOUNT",
  sort_code: "SORT_CODE",
};

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

/** Creates an empty vault; the same value always gets the same placeholder within a session. */
export function createPiiVault(options: DetectOptions = {}): PiiVault {
  const byPlaceholder = new Map<string, { kind: PiiKind; value: string }>();
  const byValue = new Map<string, string>();
  const counters = new Map<PiiKind, number>();
  return {
    redact(text) {
      const spans = detectPii(text, options);
      let out = "";
      let cursor = 0;
      for (const s of spans) {
        const key = `${s.kind}:${s.value.replace(/[\s-]/g, "").toUpperCase()}`;
        let placeholder = byValue.get(key);
        if (!placeholder) {
          const n = (counters.get(s.kind) ?? 0) + 1;
          counters.set(s.kind, n);
          placeholder = `[${LABEL[s.kind]}_${n}]`;
          byValue.set(key, placeholder);
          byPlaceholder.set(placeholder, { kind: s.kind, value: s.value });
        }
        out += text.slice(cursor, s.start) + placeholder;
        cursor = s.end;
      }
      out += text.slice(cursor);
      return { text: out, spans, kinds: [...new Set(spans.map((s) => s.kind))] };
    },
    resolve: (placeholder) => byPlaceholder.get(placeholder.trim()),
    size: () => byPlaceholder.size,
  };
}

/** Redacts a text without keeping the values (logs, traces, exports). */
export function redactPii(text: string, options: DetectOptions = {}): string {
  return createPiiVault(options).redact(text).text;
}
