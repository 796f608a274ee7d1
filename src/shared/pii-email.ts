// E-mail addresses written to dodge a filter: "alex at example dot com", "alex(at)example(dot)com", "alex [at] example
// [dot] com", and a quoted local part ('"alex morgan"@example.com'). A spelled-out "at" is taken only when the address
// ends in a known top-level domain, so "meet at home dot" or "look at the site" stay as they are.

/** An e-mail address found in folded text. */
export interface EmailSpan {
  start: number;
  end: number;
}

// Bracketed "(at)": the dots may be bracketed, spelled out or plain. Spelled "at": the dots are spelled out or plain.
// Either way the address ends in a known top-level domain (com, net, org, co, uk, cn, …).
const BRACKETED =
  /(?<![\w.%+-])([\w.%+-]{1,64})\s{0,2}(?:\(at\)|\[at\]|\{at\}|<at>)\s{0,2}(?:[A-Za-z0-9-]{1,63}(?:\s{0,2}(?:\(dot\)|\[dot\]|\{dot\}|<dot>)\s{0,2}| {1,2}dot {1,2}|\.)){1,8}(?:com|net|org|edu|gov|mil|int|co|uk|cn|hk|tw|mo|sg|jp|kr|in|au|nz|ca|us|ie|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|eu|io|ai|me|info|biz|app|dev|xyz|online|email|mail)(?![A-Za-z0-9-])/gi;
const SPELLED =
  /(?<![\w.%+'’-])([\w.%+-]{1,64}) {1,2}at {1,2}(?:[A-Za-z0-9-]{1,63}(?: {1,2}dot {1,2}|\.)){1,8}(?:com|net|org|edu|gov|mil|int|co|uk|cn|hk|tw|mo|sg|jp|kr|in|au|nz|ca|us|ie|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|eu|io|ai|me|info|biz|app|dev|xyz|online|email|mail)(?![A-Za-z0-9-])/gi;

// '"alex morgan"@example.com': a quoted local part may hold spaces.
const QUOTED = /"[^"\r\n]{1,64}"[ \t]{0,2}@[ \t]{0,2}(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

// Words that so often come before "at" in a sentence that they are never read as the name of a mailbox.
const NOT_A_MAILBOX = new Set(
  (
    "look looking looked looks me us him her them it this that be is am are was were been being i you we they he she " +
    "arrive arrived arriving stay stayed staying meet meeting see seen online available here there home work office " +
    "log logged login sign signed in on up out shop shopped shopping bank banked banking paid pay spent bought " +
    "left start started starting open opens opened close closes closed back later once again apply applied live lives " +
    "lived based located registered listed found find everyone anyone someone nobody people staff branch site details " +
    "info information more offers rates help support visit visiting go went apply website web page it's"
  ).split(" "),
);

/** Finds obfuscated and quoted e-mail addresses; plain ones are left to the ordinary pattern. */
export function detectObfuscatedEmails(text: string): EmailSpan[] {
  const found: EmailSpan[] = [];
  for (const m of text.matchAll(QUOTED)) found.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  for (const m of text.matchAll(BRACKETED)) found.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  for (const m of text.matchAll(SPELLED)) {
    const local = (m[1] ?? "").toLowerCase();
    // A spelled-out address needs a spelled-out dot too, or a mailbox name that is no common word.
    if (NOT_A_MAILBOX.has(local) || /^\d+$/.test(local)) continue;
    found.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return found;
}
