// Claims without figures: "free", "no limit", "instant", "same day", "forever". A model invents these as readily as
// fees, and no number check sees them, so a claim passes only when a source sentence on the same topic makes the
// same kind of claim. Patterns have bounded repetition; topic overlap is a set intersection.

/** A kind of claim that needs a source. */
export type ClaimKind = "free" | "unlimited" | "instant" | "permanent";

const CLAIMS: Record<ClaimKind, RegExp> = {
  free: /\bfree(?: of charge)?\b|\bno (?:fees?|charges?|costs?)\b|\bat no (?:extra )?cost\b|\bwithout (?:any )?(?:fees?|charges?)\b|\bcosts? nothing\b|\bzero fees?\b|\bwaived?\b|免费|不收(?:取)?(?:任何)?(?:费|手续费)|零手续费|无手续费|不花钱|免除|减免|豁免|免收|免去/i,
  unlimited:
    /\bunlimited\b|\bno (?:upper )?limits?\b|\bwithout (?:any )?limits?\b|\bwhatever the amount\b|\bany amount\b|\bno matter how much\b|不限|无限|没有(?:任何)?限[额制]|不论金额|无论金额|不管金额/i,
  instant:
    /\binstant(?:ly)?\b|\bimmediately\b|\bright away\b|\bsame[- ]day\b|\bwithin (?:a few )?(?:seconds|minutes)\b|\breal[- ]time\b|\bstraight away\b|立即|立刻|马上|实时|即时|当天|当日|秒到/i,
  permanent: /\bforever\b|\bpermanent(?:ly)?\b|\bfor life\b|\bno expiry\b|\bnever expires?\b|永久|终身|一律|永不过期/i,
};

const CLAIM_WORDS = Object.values(CLAIMS).map((pattern) => new RegExp(pattern.source, "gi"));

const NEGATED = /\b(?:not|isn'?t|aren'?t|never|no longer|won'?t)\b|不是|并非|不能|不会|并不/i;

const STOP = new Set(
  "the and for are you your our with this that from can will have has was were been into they them their its about more than when what which there these those also only just then here".split(
    " ",
  ),
);

// What a sentence is about: its content words (English) and character pairs (Chinese), claim words left out.
function topicTokens(sentence: string): Set<string> {
  let text = sentence;
  for (const pattern of CLAIM_WORDS) text = text.replace(pattern, " ");
  const tokens = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z]{4,20}/g) ?? []) if (!STOP.has(w)) tokens.add(w.replace(/s$/, ""));
  const han = text.match(/[\u3400-\u9fff]/g) ?? [];
  for (let i = 0; i + 1 < han.length; i++) tokens.add(`${han[i]}${han[i + 1]}`);
  return tokens;
}

/** The claim kinds a text makes (negated ones excluded). */
export function claimsIn(text: string): ClaimKind[] {
  if (NEGATED.test(text)) return [];
  return (Object.keys(CLAIMS) as ClaimKind[]).filter((k) => CLAIMS[k].test(text));
}

/** Source sentences indexed by the claims they make, for a turn's evidence. */
export interface ClaimIndex {
  byKind: ReadonlyMap<ClaimKind, readonly Set<string>[]>;
}

/** Indexes the claims of the evidence's sentences (split on sentence ends and newlines). */
export function indexClaims(sources: readonly string[]): ClaimIndex {
  const byKind = new Map<ClaimKind, Set<string>[]>();
  for (const source of sources) {
    for (const sentence of source.split(/[.!?。！？；;\n]/)) {
      for (const kind of claimsIn(sentence)) {
        const list = byKind.get(kind) ?? [];
        list.push(topicTokens(sentence));
        byKind.set(kind, list);
      }
    }
  }
  return { byKind };
}

/** The claims of a sentence that no source sentence on the same topic makes. */
export function unsupportedClaims(sentence: string, index: ClaimIndex): ClaimKind[] {
  const kinds = claimsIn(sentence);
  if (kinds.length === 0) return [];
  const topic = [...topicTokens(sentence)];
  // One shared word ("card") is not the same topic; two usually are ("freezing" + "card", "coin" + "deposit").
  const needed = Math.min(2, topic.length);
  const sameTopic = (source: Set<string>) => needed > 0 && topic.filter((t) => source.has(t)).length >= needed;
  return kinds.filter((kind) => !(index.byKind.get(kind) ?? []).some(sameTopic));
}
