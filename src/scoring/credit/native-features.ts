// Turns an applicant into scorecard characteristics: the schema's fields plus affordability ratios.
import type { Applicant } from "./applicant-schema.js";
import { defineFeatures, type FeatureRow, type FeatureSpec } from "./feature-table.js";

/** Nominal APR used to estimate the new loan's instalment for affordability (not a price quote). */
export const AFFORDABILITY_APR = 0.099;

/** Monthly instalment of an amortising loan at the affordability APR. */
export function monthlyInstalment(amount: number, termMonths: number): number {
  const r = AFFORDABILITY_APR / 12;
  return (amount * r) / (1 - (1 + r) ** -Math.max(1, termMonths));
}

const cat = (en: string, zh: string): { en: string; "zh-CN": string } => ({ en, "zh-CN": zh });

/** Characteristics of the bank's own applicant data (no protected characteristic among them). */
export const NATIVE_FEATURES: FeatureSpec[] = defineFeatures([
  {
    name: "currentAccountStatus",
    kind: "categorical",
    trend: "none",
    format: "category",
    label: cat("Current account status", "活期账户状态"),
    categoryLabels: {
      in_credit: cat("in credit", "有结余"),
      arranged_overdraft: cat("using an arranged overdraft", "使用约定透支"),
      unarranged_overdraft: cat("in an unarranged overdraft", "处于未约定透支"),
      no_account: cat("no current account with us", "未在本行开立活期账户"),
    },
  },
  {
    name: "revolvingUtilisation",
    kind: "numeric",
    trend: "ascending",
    format: "percent",
    label: cat("Revolving utilisation", "循环信用使用率"),
  },
  {
    name: "delinquencies",
    kind: "numeric",
    trend: "ascending",
    format: "count",
    label: cat("Late payments in the last 24 months", "近24个月逾期还款次数"),
  },
  {
    name: "recentEnquiries",
    kind: "numeric",
    trend: "ascending",
    format: "count",
    label: cat("Credit searches in the last 6 months", "近6个月信用查询次数"),
  },
  {
    name: "creditHistoryMonths",
    kind: "numeric",
    trend: "descending",
    format: "months",
    label: cat("Length of credit history", "信用记录时长"),
  },
  {
    name: "openAccounts",
    kind: "numeric",
    trend: "auto",
    format: "count",
    label: cat("Open credit accounts", "未结清信用账户数"),
  },
  {
    name: "employmentType",
    kind: "categorical",
    trend: "none",
    format: "category",
    label: cat("Employment type", "就业类型"),
    categoryLabels: {
      permanent: cat("permanent", "长期雇佣"),
      contract: cat("contract", "合同工"),
      self_employed: cat("self-employed", "自雇"),
      part_time: cat("part-time", "兼职"),
      retired: cat("retired", "退休"),
      student: cat("student", "学生"),
      unemployed: cat("not employed", "无业"),
    },
  },
  {
    name: "employmentMonths",
    kind: "numeric",
    trend: "descending",
    format: "months",
    label: cat("Time in current employment", "当前工作年限"),
  },
  { name: "annualIncome", kind: "numeric", trend: "descending", format: "gbp", label: cat("Annual income", "年收入") },
  {
    name: "housing",
    kind: "categorical",
    trend: "none",
    format: "category",
    label: cat("Housing", "住房情况"),
    categoryLabels: {
      owner_outright: cat("own home outright", "自有住房（无按揭）"),
      mortgage: cat("mortgage", "按揭住房"),
      rent: cat("renting", "租房"),
      living_with_family: cat("living with family", "与家人同住"),
      other: cat("other", "其他"),
    },
  },
  { name: "savingsBalance", kind: "numeric", trend: "descending", format: "gbp", label: cat("Savings", "储蓄余额") },
  {
    name: "debtToIncome",
    kind: "numeric",
    trend: "ascending",
    format: "percent",
    label: cat("Monthly repayments including this loan, as a share of income", "含本笔贷款的月还款占收入比例"),
  },
  {
    name: "loanToIncome",
    kind: "numeric",
    trend: "ascending",
    format: "percent",
    label: cat("Loan amount as a share of annual income", "贷款金额占年收入比例"),
  },
  { name: "termMonths", kind: "numeric", trend: "auto", format: "months", label: cat("Loan term", "贷款期限") },
  {
    name: "purpose",
    kind: "categorical",
    trend: "none",
    format: "category",
    label: cat("Loan purpose", "贷款用途"),
    categoryLabels: {
      car: cat("car", "购车"),
      home_improvement: cat("home improvement", "房屋装修"),
      debt_consolidation: cat("debt consolidation", "债务整合"),
      holiday: cat("holiday", "度假"),
      wedding: cat("wedding", "婚礼"),
      education: cat("education", "教育"),
      business: cat("business", "经营"),
      other: cat("other", "其他"),
    },
  },
]);

/** The characteristic values of one applicant. */
export function toFeatureRow(a: Applicant): FeatureRow {
  const monthlyIncome = a.annualIncome / 12;
  const repayments = a.monthlyObligations + monthlyInstalment(a.amount, a.termMonths);
  return {
    currentAccountStatus: a.currentAccountStatus,
    revolvingUtilisation: a.revolvingUtilisation,
    delinquencies: a.delinquencies,
    recentEnquiries: a.recentEnquiries,
    creditHistoryMonths: a.creditHistoryMonths,
    openAccounts: a.openAccounts,
    employmentType: a.employmentType,
    employmentMonths: a.employmentMonths,
    annualIncome: a.annualIncome,
    housing: a.housing,
    savingsBalance: a.savingsBalance,
    // No income makes the ratios undefined: they fall in the missing bin rather than dividing by zero.
    debtToIncome: monthlyIncome > 0 ? repayments / monthlyIncome : null,
    loanToIncome: a.annualIncome > 0 ? a.amount / a.annualIncome : null,
    termMonths: a.termMonths,
    purpose: a.purpose,
  };
}
