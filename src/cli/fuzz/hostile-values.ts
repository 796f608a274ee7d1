// The hostile inputs the fuzzer mixes into paths, queries, headers and bodies: unicode edge cases, traversal, injection
// look-alikes, numbers that break parsers, and forged, expired or malformed tokens made without knowing any secret.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { SignJWT } from "jose";

/** Strings that have broken parsers, regexes, databases and log pipelines before. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "x\uD83Dy",
  "\u202Eevil\u202C",
  "\u200B\u200C\u200D\uFEFF",
  "👍🏽👨‍👩‍👧‍👦🏴󠁧󠁢󠁳󠁣󠁴󠁿",
  "中文问题：我的卡丢了，请帮我冻结",
  "مرحبا بالعالم",
  "Ｆｕｌｌ－ｗｉｄｔｈ ４１１１ １１１１ １１１１ １１１１",
  "一".repeat(2000),
  "万".repeat(2000),
  "一万".repeat(1000),
  "9".repeat(400),
  "1 ".repeat(1000),
  "£".repeat(1500),
  "4111 1111 1111 1111 12/27 cvv 123",
  "sort code 12 34 56 account 1234 5678",
  "account number 12345678.",
  "../../../../etc/passwd",
  "..\\..\\..\\windows\\win.ini",
  "%2e%2e%2f%2e%2e%2f",
  "<script>alert(1)</script>",
  "<!DOCTYPE html><html><body>x</body></html>",
  "' OR 1=1 --",
  '"; DROP TABLE sessions; --',
  "${7*7}{{7*7}}#{7*7}",
  "__proto__",
  "constructor",
  "prototype",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "-0",
  "0x7fffffff",
  "9999999999999999999999",
  "true",
  "[]",
  "{}",
  "\r\nX-Injected: 1",
  "\t\v\f",
  "A".repeat(5000),
];

/** Percent-encoded fragments that no string encodes to: invalid UTF-8, encoded surrogates, overlong dots, NUL. */
export const HOSTILE_URL_FRAGMENTS: readonly string[] = [
  "%",
  "%zz",
  "%ff%fe",
  "%ed%a0%80",
  "%c0%ae%c0%ae%2f",
  "%00",
  "..%2f..%2f..%2fpackage.json",
  "%252e%252e%252f",
  "a%2Fb",
  "%E2%80%AE",
  "..",
  ".",
  "%2e",
  "~",
  "%20",
  "a;b=c",
];

/** Realistic chat messages so some turns reach the agent and not just validation. */
export const CHAT_MESSAGES: readonly string[] = [
  "hello",
  "What does it cost to use my debit card abroad?",
  "I lost my card, please freeze it",
  "我的卡丢了，请帮我冻结",
  "帮我查一下最近的交易记录",
  "Can you show me my recent transactions?",
  "What is my balance?",
  "Am I eligible for a personal loan of £5,000?",
  "There's a payment on my card I don't recognise",
  "I want to talk to a person",
  "你好",
];

/** Any string: hostile, realistic, or generated (any code point, graphemes, or a run of one hostile character). */
export function stringArbitrary(realistic: readonly string[] = CHAT_MESSAGES): fc.Arbitrary<string> {
  const loneSurrogates = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom(...realistic) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 64 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 64 }) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.oneof(loneSurrogates, fc.constantFrom("\u0000", "\u202E", "\u200B", "😀", "中", "٣", "１")), {
          maxLength: 40,
        })
        .map((a) => a.join("")),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom("一", "万", "1", " ", "£", ".", "-", "a", "中", "0", ","),
          fc.integer({ min: 100, max: 3000 }),
        )
        .map(([c, n]) => c.repeat(n)),
    },
  );
}

/** One Authorization header variant and what a server must make of it. */
export interface AuthVariant {
  label: string;
  header: string;
  /** The identity a correct server derives: only "staff" may read staff routes. */
  role: "customer" | "staff" | "invalid";
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** Valid, expired, forged, tampered and malformed bearer tokens (forgeries are signed with random keys). */
export async function buildAuthVariants(valid: {
  customers: string[];
  staff: string;
  expired?: string;
}): Promise<AuthVariant[]> {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: "demo1",
    role: "staff",
    aud: ["harbor-assistant:staff", "harbor-assistant:customer"],
    iss: "harbor-bank-staff-sso",
    iat: now,
    exp: now + 3600,
  };
  const randomKey = randomBytes(32);
  const forged = await new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(randomKey);
  const kidTrick = await new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: "../../../../dev/null", jku: "http://127.0.0.1:1/jwks.json" })
    .sign(randomKey);
  const [cust = "", , , other = cust] = valid.customers;
  const [head = "", , sig = ""] = cust.split(".");
  const variants: AuthVariant[] = [
    ...valid.customers.map((t, i) => ({ label: `customer${i + 1}`, header: `Bearer ${t}`, role: "customer" as const })),
    { label: "staff", header: `Bearer ${valid.staff}`, role: "staff" },
    { label: "alg-none", header: `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`, role: "invalid" },
    { label: "alg-None", header: `Bearer ${b64({ alg: "None" })}.${b64(claims)}.`, role: "invalid" },
    { label: "forged-hs256", header: `Bearer ${forged}`, role: "invalid" },
    { label: "kid-jku", header: `Bearer ${kidTrick}`, role: "invalid" },
    { label: "tampered-role", header: `Bearer ${head}.${b64(claims)}.${sig}`, role: "invalid" },
    {
      label: "rs256-header",
      header: `Bearer ${b64({ alg: "RS256", typ: "JWT" })}.${b64(claims)}.${sig}`,
      role: "invalid",
    },
    { label: "no-exp", header: `Bearer ${head}.${b64({ sub: "demo1", role: "customer" })}.${sig}`, role: "invalid" },
    { label: "truncated", header: `Bearer ${cust.slice(0, -5)}`, role: "invalid" },
    { label: "two-tokens", header: `Bearer ${cust} ${other}`, role: "invalid" },
    { label: "garbage", header: "Bearer not.a.jwt", role: "invalid" },
    { label: "dots", header: "Bearer ...", role: "invalid" },
    { label: "huge", header: `Bearer ${"a".repeat(6000)}.${"b".repeat(6000)}.c`, role: "invalid" },
    {
      label: "unicode",
      header: Buffer.from(`Bearer ${b64({ alg: "HS256" })}.中文.😀`, "utf8").toString("latin1"),
      role: "invalid",
    },
    { label: "empty-bearer", header: "Bearer ", role: "invalid" },
    { label: "basic", header: "Basic ZGVtbzE6cGFzc3dvcmQ=", role: "invalid" },
    { label: "lowercase", header: `bearer ${cust}`, role: "customer" },
  ];
  if (valid.expired) variants.push({ label: "expired", header: `Bearer ${valid.expired}`, role: "invalid" });
  return variants;
}

/** Makes a header value sendable: UTF-8 bytes as latin1, without the control characters HTTP forbids. */
export function toHeaderValue(value: string): string {
  const latin1 = Buffer.from(value, "utf8").toString("latin1");
  // eslint-disable-next-line no-control-regex
  return latin1.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, "");
}

/** Percent-encodes every byte of a string's UTF-8 form except unreserved characters (lone surrogates become U+FFFD). */
export function encodeText(value: string): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const c = String.fromCharCode(byte);
    out += /[\w.~-]/.test(c) ? c : `%${byte.toString(16).padStart(2, "0").toUpperCase()}`;
  }
  return out;
}
