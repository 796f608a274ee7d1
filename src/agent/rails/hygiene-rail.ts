// Output hygiene: what no reply may do, whatever its facts. It never asks for security credentials, never speaks as
// if an injected instruction took hold, and carries no markup a client could act on (script links, HTML, text
// that mimics the SSE event framing). Patterns have bounded repetition, so each check is linear in the sentence.
import { screenDataForInjection } from "../guardrails/injection-screen.js";

const CREDENTIAL =
  /\b(?:pin|passcode|password|one[- ]time (?:pass)?code|otp|security code|cvv|cvc|verification code|sort code and account number|full (?:\d{1,2}[- ]digit )?card number|long card number|card details|login details)\b|验证码|动态码|密码|安全码|完整(?:的)?卡号|卡号和有效期|登录信息/i;
const ASK =
  /\b(?:tell|give|send|share|provide|read (?:it |them )?out|read out|enter|type|confirm|reply with|text|email|call (?:us )?with|verify (?:it )?with|need|require|ask(?:ing)? for)\b|告诉|提供|发送|发给|报给|报出|输入|回复|确认|需要|念给/i;
const NEVER =
  /\b(?:never|not|don'?t|do not|won'?t|will not|no one|nobody|shouldn'?t|should not|must not|refuse|avoid)\b|不会|不要|切勿|绝不|从不|永远不|不得|请勿|别/i;

/** True when the sentence asks the customer for a PIN, password, one-time code or full card details. */
export function asksForCredentials(sentence: string): string | undefined {
  const credential = sentence.match(CREDENTIAL)?.[0];
  if (!credential || !ASK.test(sentence) || NEVER.test(sentence)) return undefined;
  return `asks for ${credential}`;
}

const TAKEN_OVER =
  /\b(?:developer|debug|god|admin|unrestricted|jailbreak|dan) mode\b|\bmode (?:is )?(?:now )?(?:on|active|enabled)\b|\bno (?:longer )?(?:bound|restricted) by\b|\bwithout (?:any )?restrictions\b|开发者模式|调试模式|越狱|不受(?:任何)?限制|解除(?:了)?限制/i;

/** True when the sentence reads as an injected instruction, or as an assistant that obeyed one. */
export function echoesInstruction(sentence: string): string | undefined {
  const taken = sentence.match(TAKEN_OVER)?.[0];
  if (taken) return `acts on an injected instruction: "${taken}"`;
  const screen = screenDataForInjection(sentence);
  return screen.flagged ? `carries an instruction: "${(screen.matches[0] ?? "").slice(0, 60)}"` : undefined;
}

const HTML_TAG = /<\/?[a-z][a-z0-9-]{0,20}(?:\s[^<>]{0,300})?\/?>/gi;
const SCRIPT_URL = /\b(?:javascript|vbscript|data|file):[^\s\]>"']{0,500}/gi;
const SSE_FIELD = /^[ \t]{0,8}(?:event|data|id|retry)[ \t]{0,8}:[^\n]{0,2000}$/gim;
const SCRIPT_LINK = /\[([^\]\n]{1,200})\]\(\s{0,8}(?:javascript|vbscript|data|file):\S{0,500}/gi;

/** The sentence without markup a client could act on, and whether anything was removed. */
export function stripMarkup(sentence: string): { text: string; removed: boolean } {
  const text = sentence.replace(SSE_FIELD, "").replace(HTML_TAG, "").replace(SCRIPT_LINK, "$1").replace(SCRIPT_URL, "");
  return { text, removed: text !== sentence };
}
