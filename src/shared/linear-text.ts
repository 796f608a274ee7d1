// Length limits and small linear-time helpers for reading customer text. Extractors cap their input themselves,
// so their cost stays bounded even if a caller forgets the HTTP message limit (MAX_MESSAGE_CHARS, at most 20,000).
// The helpers replace regex shapes that backtrack over a whole text: `[…]+$` and `first.*second`.

/**
 * The most characters of one text that slot extraction, routing and other per-message readings look at: twice the
 * default message limit (2,000), so a real message is never cut, while a huge one costs at most this much.
 */
export const MAX_SCANNED_CHARS = 4000;

/** The first `max` characters of a text, never splitting a surrogate pair. */
export function capText(text: string, max: number = MAX_SCANNED_CHARS): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** The text without any trailing characters from `chars` (a loop, not a `[…]+$` regex that rescans every position). */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

// The line ends a regex `.` does not cross.
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * What `/first.*second/` (without the s flag) matches, found with two linear searches per line instead of a `.*` that
 * is retried from every occurrence of `first`: from the first `first` of the first line where a `second` follows it,
 * to the end of the last such `second`. Neither pattern may have the g or y flag.
 */
export function matchInOrderOnLine(text: string, first: RegExp, second: RegExp): string | undefined {
  const all = new RegExp(second.source, `${second.flags}g`);
  for (const line of text.split(LINE_BREAK)) {
    const head = first.exec(line);
    if (!head) continue;
    const from = head.index + head[0].length;
    let end = -1;
    for (const m of line.slice(from).matchAll(all)) end = from + m.index + m[0].length;
    if (end >= 0) return line.slice(head.index, end);
  }
  return undefined;
}
