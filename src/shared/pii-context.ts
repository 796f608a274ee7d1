// Words that say what a nearby number is ("sort code", "passport", "账号") or is not ("order", "ref", "订单"): the
// looser PII kinds are only claimed when a label says so, and look-alike identifiers are left alone when one says not.

/** The labels we look for before a number. */
export type ContextLabel = "account" | "sort_code" | "passport" | "ni_number" | "cn_id" | "card" | "not_pii";

const LABEL_PATTERNS: Record<ContextLabel, RegExp> = {
  account: /\b(?:accounts?|acct|acc\b|acc\.|a\/c\b)|账号|帐号|賬號|账户|帐户|賬戶|户口|戶口/gi,
  sort_code: /\bsort[ -]?codes?\b|\bs\/c\b|\bsc\b|分类码|分類碼|银行代码|銀行代碼/gi,
  passport: /\bpassports?\b|\btravel document|护照|護照|通行证|通行證/gi,
  ni_number:
    /\bnational insurance\b|\bni (?:number|no\b|no\.|num)|\bni ?[:#]|\bnino\b|\bn\.i\.|国民保险|國民保險|国家保险/gi,
  cn_id: /身份证|身份證|证件号|證件號|\bid (?:card|number|no\b|no\.)|\bidentity (?:card|number)|\bresident id/gi,
  // Every Chinese card word ends in 卡 (银行卡 信用卡 借记卡 储蓄卡 银联卡) or is 卡号, so one 卡 covers the class.
  card: /\b(?:card|debit|credit|unionpay)|卡[号號]?/gi,
  not_pii:
    /\b(?:order|orders|ref|refs|reference|transaction|transactions|txn|tx|invoice|inv|booking|ticket|tracking|case|claim|confirmation|receipt|parcel|shipment|item|sku|model|serial|version|member|membership|loyalty|postcode|zip|customer|client|user|employee|staff|merchant|terminal|imei|amount|total|balance|sum|date|dated)\b|订单|訂單|单号|單號|流水号|交易号|交易编号|参考号|编号|編號|工单|快递|运单|发票|序列号|型号|会员|金额|余额|总额|日期|客户号/gi,
};

/** Where each label occurs in a text, found once per text so every candidate's look-up is cheap. */
export interface ContextIndex {
  /** The nearest label of a kind ending at most `window` characters before `pos`, as its end offset. */
  nearestEnd(label: ContextLabel, pos: number, window: number): number | undefined;
  /** True when `label` occurs within `window` characters before `pos` and no "not PII" label is closer. */
  labelled(label: ContextLabel, pos: number, window?: number): boolean;
  /** True when a "not PII" label (order, ref, 订单…) directly names the number at `pos` (no other digits between), nearer than `unless`. */
  deniedBefore(pos: number, window: number, unless?: ContextLabel | readonly ContextLabel[]): boolean;
}

/** Finds every label in a (folded) text. */
export function indexContext(text: string): ContextIndex {
  const ends = new Map<ContextLabel, number[]>();
  for (const [label, re] of Object.entries(LABEL_PATTERNS) as [ContextLabel, RegExp][]) {
    re.lastIndex = 0;
    ends.set(
      label,
      [...text.matchAll(re)].map((m) => (m.index ?? 0) + m[0].length),
    );
  }
  const nearestEnd = (label: ContextLabel, pos: number, window: number): number | undefined => {
    let best: number | undefined;
    for (const end of ends.get(label) ?? []) {
      if (end > pos) break;
      if (pos - end <= window) best = end;
    }
    return best;
  };
  return {
    nearestEnd,
    labelled(label, pos, window = 40) {
      const at = nearestEnd(label, pos, window);
      if (at === undefined) return false;
      const denied = nearestEnd("not_pii", pos, window);
      return denied === undefined || denied < at;
    },
    deniedBefore(pos, window, unless) {
      const denied = nearestEnd("not_pii", pos, window);
      if (denied === undefined || /\d/.test(text.slice(denied, pos))) return false;
      const labels: readonly ContextLabel[] =
        unless === undefined ? [] : typeof unless === "string" ? [unless] : unless;
      return labels.every((label) => (nearestEnd(label, pos, window) ?? -1) < denied);
    },
  };
}
