import { readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findCommitment } from "./commitment-rail.js";

// Promises of credit, a rate, a refund, a fee waiver or an outcome, in many wordings: each must be caught.
const COMMITMENTS = [
  "You're all set for the loan.",
  "We'll definitely refund you.",
  "Consider the fee waived.",
  "Your loan is approved.",
  "You will get 3.9%.",
  "You are definitely approved for a £30,000 loan at 1.9% APR, guaranteed.",
  "I promise the refund will be in your account tomorrow.",
  "You're guaranteed to get the loan.",
  "Your application has been approved — the money is on its way.",
  "I've refunded the £30 to your account.",
  "We will reimburse the full amount.",
  "There's no way you'll be rejected.",
  "I'll waive the late fee for you this month.",
  "Your overdraft limit will be raised to £2,000 today.",
  "You qualify for our best rate of 3.9% APR.",
  "Rest assured the chargeback will go in your favour.",
  "The money will be back in your account by Friday.",
  "We'll make sure you don't lose a penny.",
  "Your refund is on its way.",
  "Your interest rate is locked at 2.9% for the whole term.",
  "You won't pay a penny in fees for this transfer.",
  "We guarantee you'll get your money back.",
  "Approval is just a formality in your case.",
  "Your claim will be paid in full.",
  "You'll be pre-approved instantly.",
  "The bank will cover your losses.",
  "We'll unfreeze your account and lift all restrictions today.",
  "Your dispute has been resolved in your favour.",
  "You'll be accepted, no doubt about it.",
  "I can confirm the £12 late fee has been removed.",
  "There is zero risk of your application being turned down.",
  "Your mortgage will certainly go through.",
  "I've arranged a refund of the £9.99 for you.",
  "You are eligible for the 6.4% rate.",
  "肯定能批下来。",
  "退款一定会到账。",
  "您的贷款已经批准了。",
  "我们保证给您退款。",
  "这笔手续费给您免了。",
  "您的申请百分之百能通过。",
  "放心吧，这次一定帮您把钱要回来。",
  "您绝对不会被拒绝的。",
  "贷款审批已经通过，款项今天到账。",
  "我们会全额退还您的手续费。",
  "我向您保证，利率就是3.9%。",
  "恭喜，您的额度已提升至£5,000。",
  "这笔争议您肯定能赢。",
  "您不用付任何手续费，我们来承担。",
  "您的退款明天就能到账，我保证。",
  "以您的信用记录，批贷没有任何问题。",
  "您的账户不会被关闭。",
  "手续费我已经给您退回去了。",
  "您会拿到最低的利率。",
  "这笔年费就当免了吧。",
  "您的£3,000贷款稳了，下周就能放款。",
];

// Look-alikes that promise nothing: negated, hedged, conditional, reported, procedural or plain facts.
const SAFE = [
  "We can't promise approval.",
  "Approval is not guaranteed.",
  "You may be eligible, subject to a credit check.",
  "If approved, the money arrives in 2 days.",
  "Refunds usually take 5 days.",
  "I can't guarantee you'll get the money back.",
  "There's no guarantee of approval.",
  "Whether you're approved depends on a full credit check.",
  "An eligibility check is only an estimate, not a guarantee of credit.",
  "We'll look into your refund request and get back to you within 2 business days.",
  "If you're eligible, you'll receive a decision within minutes.",
  "Refunds for unauthorised payments are made by the end of the next business day.",
  "You might get a better rate if your credit history is strong.",
  "We'll do our best to recover the money, but we can't guarantee it.",
  "The fee can sometimes be refunded if you contact us within 14 days.",
  "We're not able to waive the fee.",
  "Our representative APR is 6.4%, but the rate you're offered may differ.",
  "I've passed your request to the lending team; they'll let you know if it's approved.",
  "Once your refund is processed, it usually takes 3–5 working days to show.",
  "No refund has been issued yet.",
  "You asked if you'll definitely be approved — I'm afraid I can't say.",
  "We never guarantee a particular rate.",
  "The eligibility checker won't affect your credit score.",
  "Your card is frozen and no new payments can be made.",
  "I've opened a dispute for the £45 payment; our team will be in touch.",
  "Representative example: £10,000 over 5 years at 6.4% APR.",
  "You can apply for a refund in the app.",
  "Interest is charged at 39.9% EAR on the amount you use.",
  "Please make sure you have enough money in your account to cover the fee.",
  "I'll definitely pass your complaint to the team.",
  "A refund isn't something I can promise.",
  "Congratulations on opening your new account!",
  "Your payment was successful.",
  "Would you like me to check whether you're eligible for a loan?",
  "Faster Payments are free and usually arrive within seconds.",
  "The switch completes in 7 working days and is backed by a guarantee.",
  "不能保证一定批准。",
  "批准与否取决于正式审核。",
  "如果获批，款项通常2小时内到账。",
  "退款一般需要5个工作日。",
  "我们会尽快处理您的退款申请。",
  "资格检查不会影响您的信用评分。",
  "我没办法保证您能拿回这笔钱。",
  "您可以在app中申请退款。",
  "利率以正式审批结果为准。",
  "很遗憾，这笔手续费无法减免。",
  "审批结果会通过短信通知您。",
  "我们不承诺任何贷款结果。",
  "如需退款，请先联系商家。",
  "一般情况下，未经授权的交易会在下一个工作日结束前退款。",
  "这只是估算，并非最终批准。",
  "您的贷款申请正在审核中，结果出来后我们会通知您。",
  "我们会帮您联系收款银行，尝试追回款项。",
  "恭喜您开户成功！",
  "您的卡已经冻结成功。",
  "我可以帮您申请人工复审，但无法保证结果。",
  "贷款一定要按时还款，以免影响信用记录。",
  "请确保您的账户有足够余额支付手续费。",
];

describe("commitment rail", () => {
  it.each(COMMITMENTS)("flags the promise %j", (text) => {
    expect(findCommitment(text)).toBeDefined();
  });

  it.each(SAFE)("lets through the look-alike %j", (text) => {
    expect(findCommitment(text)).toBeUndefined();
  });

  it("has at least sixty phrasings of each kind across both languages", () => {
    expect(COMMITMENTS.length + SAFE.length).toBeGreaterThanOrEqual(100);
    expect(COMMITMENTS.filter((t) => /\p{Script=Han}/u.test(t)).length).toBeGreaterThanOrEqual(15);
    expect(SAFE.filter((t) => /\p{Script=Han}/u.test(t)).length).toBeGreaterThanOrEqual(15);
  });

  it("lets a clause through when the sources say it word for word", () => {
    const policy = "We'll refund you by the end of the next business day";
    const quoted = (clause: string): boolean => policy.toLowerCase().replace("'ll", " will").includes(clause);
    expect(findCommitment("We'll refund you by the end of the next business day.")).toBeDefined();
    expect(findCommitment("We'll refund you by the end of the next business day.", quoted)).toBeUndefined();
  });

  it("scores every line of the dev split correctly when it is present", () => {
    const file = "data/rails/commitments-dev.jsonl";
    if (!existsSync(file)) return;
    const lines = readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim());
    const wrong = lines
      .map((l) => JSON.parse(l) as { text: string; label: string })
      .filter((r) => (findCommitment(r.text) !== undefined) !== (r.label === "commitment"))
      .map((r) => r.text);
    expect(wrong).toEqual([]);
  });
});
