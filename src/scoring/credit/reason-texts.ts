// Plain-language wording of reason codes and bins, in English and Simplified Chinese, with the applicant's value.
import type { BilingualText } from "../../shared/locale.js";
import type { FeatureValue, ValueFormat } from "./feature-table.js";
import type { ScoredBin, ScorecardFeature } from "./scorecard-artefact.js";

/** Which side of the best bin the applicant's value lies on. */
export type ReasonDirection = "high" | "low" | "missing" | "category";

/** Formats a value for a person in the given language. */
export function formatValue(
  value: FeatureValue | undefined,
  format: ValueFormat,
  locale: "en" | "zh-CN",
  categoryLabels?: Record<string, BilingualText>,
): string {
  if (value === null || value === undefined || value === "") return locale === "en" ? "not available" : "无";
  if (typeof value === "string") return categoryLabels?.[value]?.[locale] ?? value;
  switch (format) {
    case "percent":
      return `${Math.round(value * 100)}%`;
    case "gbp":
      return `£${Math.round(value).toLocaleString("en-GB")}`;
    case "months":
      return locale === "en" ? `${Math.round(value)} months` : `${Math.round(value)}个月`;
    case "count":
      return String(Math.round(value));
    default:
      return Number.isInteger(value) ? value.toLocaleString("en-GB") : String(Number(value.toPrecision(4)));
  }
}

/** Describes a bin's range or categories, e.g. "22%–32%", "≥ 74%", "in credit, no account". */
export function describeBin(
  bin: ScoredBin,
  feature: Pick<ScorecardFeature, "format" | "categoryLabels">,
  locale: "en" | "zh-CN",
): string {
  const fmt = (v: number): string => formatValue(v, feature.format, locale);
  switch (bin.type) {
    case "missing":
      return locale === "en" ? "missing / not applicable" : "缺失或不适用";
    case "special":
      return `= ${fmt(bin.value ?? 0)}`;
    case "categories":
      return (bin.categories ?? [])
        .map((c) => feature.categoryLabels?.[c]?.[locale] ?? c)
        .join(locale === "en" ? ", " : "、");
    default:
      if (bin.lower == null && bin.upper == null) return locale === "en" ? "any value" : "任意值";
      if (bin.lower == null) return `< ${fmt(bin.upper as number)}`;
      if (bin.upper == null) return `≥ ${fmt(bin.lower)}`;
      return `${fmt(bin.lower)} – < ${fmt(bin.upper)}`;
  }
}

type Template = Partial<Record<ReasonDirection, BilingualText>>;

/** Specific wording where the generic "{label} is high/low" reads badly; {value} is replaced. */
const TEMPLATES: Record<string, Template> = {
  revolvingUtilisation: {
    high: { en: "Revolving utilisation is high ({value})", "zh-CN": "循环信用使用率偏高（{value}）" },
    missing: { en: "No revolving credit history to assess", "zh-CN": "没有可评估的循环信用记录" },
  },
  delinquencies: {
    high: {
      en: "Recent late payments ({value} in the last 24 months)",
      "zh-CN": "近期有逾期还款（近24个月{value}次）",
    },
  },
  recentEnquiries: {
    high: {
      en: "Several recent credit searches ({value} in the last 6 months)",
      "zh-CN": "近期信用查询较多（近6个月{value}次）",
    },
  },
  creditHistoryMonths: { low: { en: "Credit history is short ({value})", "zh-CN": "信用记录较短（{value}）" } },
  employmentMonths: {
    low: { en: "Time in current employment is short ({value})", "zh-CN": "当前工作年限较短（{value}）" },
  },
  annualIncome: {
    low: {
      en: "Income is lower than for the strongest applicants ({value})",
      "zh-CN": "收入低于最优申请人水平（{value}）",
    },
  },
  savingsBalance: { low: { en: "Savings are low ({value})", "zh-CN": "储蓄较少（{value}）" } },
  debtToIncome: {
    high: {
      en: "Repayments including this loan would take a high share of income ({value})",
      "zh-CN": "含本笔贷款的还款占收入比例偏高（{value}）",
    },
    missing: { en: "Income is needed to assess affordability", "zh-CN": "需要收入信息才能评估还款能力" },
  },
  loanToIncome: {
    high: { en: "Loan amount is large relative to income ({value})", "zh-CN": "贷款金额相对收入偏大（{value}）" },
  },
  termMonths: {
    high: { en: "Loan term is long ({value})", "zh-CN": "贷款期限较长（{value}）" },
    low: { en: "Loan term is short ({value})", "zh-CN": "贷款期限较短（{value}）" },
  },
  openAccounts: {
    high: { en: "Many open credit accounts ({value})", "zh-CN": "未结清信用账户较多（{value}）" },
    low: { en: "Few open credit accounts ({value})", "zh-CN": "未结清信用账户较少（{value}）" },
  },
};

const GENERIC: Record<ReasonDirection, BilingualText> = {
  high: { en: "{label} is high ({value})", "zh-CN": "{label}偏高（{value}）" },
  low: { en: "{label} is low ({value})", "zh-CN": "{label}偏低（{value}）" },
  missing: { en: "{label} is not available", "zh-CN": "缺少{label}信息" },
  category: { en: "{label}: {value}", "zh-CN": "{label}：{value}" },
};

/** A stable reason code such as REVOLVING_UTILISATION_HIGH. */
export function reasonCode(feature: string, direction: ReasonDirection): string {
  const base = feature
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toUpperCase();
  return direction === "category" ? base : `${base}_${direction.toUpperCase()}`;
}

/** The reason text for a characteristic, direction and applicant value, in both languages. */
export function reasonText(
  feature: ScorecardFeature,
  direction: ReasonDirection,
  value: FeatureValue | undefined,
): BilingualText {
  const template = TEMPLATES[feature.name]?.[direction] ?? GENERIC[direction];
  const fill = (locale: "en" | "zh-CN"): string =>
    template[locale]
      .replace("{label}", locale === "en" ? feature.label.en : feature.label["zh-CN"])
      .replace("{value}", formatValue(value, feature.format, locale, feature.categoryLabels));
  return { en: fill("en"), "zh-CN": fill("zh-CN") };
}
