// Splits a passage's Markdown into the units an answer can be made of: sentences, list items (read with the line
// that introduces them), runs of short list items, and table rows (read with their header and section heading).
// The displayed text stays the passage's own words, so the output rails find every fact in the evidence.

/** How a candidate was cut from its passage. */
export type CandidateKind = "sentence" | "item" | "list" | "row";

/** One unit of a passage that could answer a question. */
export interface PassageCandidate {
  /** What the reply would say. */
  text: string;
  /** What it is matched on besides its text: the table header or the list's lead-in line. */
  context: string;
  kind: CandidateKind;
  /** Position in the passage, from 0. */
  order: number;
}

// A run of short list items ("online: £15", "in branch: £25") also reads as one line, with its lead-in.
const MAX_JOINED_ITEMS = 6;
const MAX_JOINED_ITEM_CHARS = 90;
const MAX_JOINED_CHARS = 260;
const HAN = /[\u3400-\u9fff]/;
// A real section has a few dozen sentences; past this many a passage is noise, and reading more only costs time.
const MAX_CANDIDATES = 80;

/** Splits passage Markdown into candidates, in passage order. */
export function passageCandidates(markdown: string): PassageCandidate[] {
  const out: PassageCandidate[] = [];
  const add = (text: string, context: string, kind: CandidateKind, chinese = HAN.test(text)): void => {
    const clean = cleanInline(text);
    if (out.length >= MAX_CANDIDATES || (clean.length < 12 && !/[\u3400-\u9fff]{4}/.test(clean))) return;
    out.push({ text: endSentence(clean, chinese), context, kind, order: out.length });
  };
  const lines = markdown.split("\n").map((l) => l.trim());
  let lead = "";
  let header: string[] = [];
  let items: string[] = [];
  const flushItems = (): void => {
    if (items.length > 1 && items.length <= MAX_JOINED_ITEMS && items.every((i) => i.length <= MAX_JOINED_ITEM_CHARS)) {
      const zh = items.some((i) => HAN.test(i));
      const joined = items.map((i) => stripEnd(cleanInline(i))).join(zh ? "；" : "; ");
      const line = lead ? `${lead}${zh ? "" : " "}${joined}` : joined;
      // A long run reads as a wall of text; its items stand on their own.
      if (line.length <= (zh ? MAX_JOINED_CHARS / 2 : MAX_JOINED_CHARS)) add(line, "", "list");
    }
    items = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const item = listItem(line);
    if (item === undefined) flushItems();
    // "**Related:** card limits, …" lists other guides; it answers nothing.
    if (!line || /^#{1,6}\s/.test(line) || /^related\b|^相关[:：]/i.test(cleanInline(line))) {
      if (line) lead = "";
      continue;
    }
    if (line.startsWith("|")) {
      const cells = tableCells(line);
      const next = lines[i + 1] ?? "";
      if (/^\|?\s{0,4}:?-{3}/.test(next)) header = cells;
      else if (!/^\|?\s{0,4}:?-{3}/.test(line) && cells.length >= 2) {
        // A Chinese table's row reads with Chinese punctuation, even when its cells hold only figures.
        const chinese = HAN.test(line) || HAN.test(header.join(""));
        const row = chinese
          ? `${cells[0] as string}：${cells.slice(1).join("，")}`
          : `${cells[0] as string}: ${cells.slice(1).join(", ")}`;
        add(row, header.join(" "), "row", chinese);
      }
      continue;
    }
    header = [];
    if (item !== undefined) {
      items.push(item);
      const short = item.length <= 40 && lead.length > 0;
      add(short ? `${lead}${HAN.test(item) ? "" : " "}${item}` : item, lead, "item");
      continue;
    }
    const sentences = splitLine(cleanInline(line));
    sentences.forEach((s) => add(s, "", "sentence"));
    // A line that ends with a colon introduces the list under it ("Fees for SWIFT payments:").
    lead = /[:：]$/.test(line) ? cleanInline(sentences.at(-1) ?? line) : "";
  }
  flushItems();
  // A lead-in ("Fees for SWIFT payments:") says nothing on its own.
  return out.filter((c) => !/[:：]$/.test(c.text)).map((c, order) => ({ ...c, order }));
}

/** The text of a "- item" or "1. item" line, or undefined when the line is not a list item. */
function listItem(line: string): string | undefined {
  const m = /^(?:[-*+]|\d{1,3}[.)])\s+/.exec(line);
  return m ? line.slice(m[0].length) : undefined;
}

function tableCells(line: string): string[] {
  return line
    .split("|")
    .map((c) => cleanInline(c.trim()))
    .filter(Boolean);
}

// Markdown emphasis, code ticks and links become plain text.
function cleanInline(text: string): string {
  return text
    .replace(/\*\*|__|`/g, "")
    .replace(/\[([^\]]{1,200})\]\([^)]{0,500}\)/g, "$1")
    .trim();
}

function stripEnd(text: string): string {
  return text.replace(/[;；,，.。]$/, "");
}

function endSentence(text: string, chinese: boolean): string {
  if (/[.!?。！？:：]$/.test(text)) return text;
  if (/[;；,，]$/.test(text)) return `${text.slice(0, -1)}${chinese ? "。" : "."}`;
  return `${text}${chinese ? "。" : "."}`;
}

// Latin sentence ends need a following space and a capital or digit ("6.9% APR" and "harbor.example" are not ends);
// a Chinese one followed by a bracket is not an end either (“忘记登录信息？”（Forgot your details?）).
function splitLine(line: string): string[] {
  return line
    .split(/(?<=[.!?])\s+(?=[A-Z0-9£"“\u3400-\u9fff])|(?<=[。！？])(?![（(）)”"’])/)
    .map((s) => s.trim())
    .filter(Boolean);
}
