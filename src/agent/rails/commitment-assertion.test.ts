import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findAssertedOutcome } from "./commitment-assertion.js";
import { findCommitment, normaliseForCommitment } from "./commitment-rail.js";
import { splitSentences } from "./split-sentences.js";

// Outcomes asserted in plain words, with no certainty cue, written apart from the rail's word lists (half Chinese).
const ASSERTED = [
  "Your loan's a yes — the £6,000 will be with you this afternoon.",
  "The underwriters have said yes to your mortgage.",
  "You've got the card, and your starting limit is £2,500.",
  "We're giving you 3.1% on the new fixed saver.",
  "Your new rate is 4.5% APR from today.",
  "The £35 you were overcharged is going back into your account tonight.",
  "You'll have your £480 back before the weekend.",
  "We're refunding the whole £72 for the missing parcel.",
  "The annual fee on your Platinum card is gone for this year.",
  "No charge for this one — the international payment fee is on us.",
  "We've taken the £6 arrangement fee off.",
  "You won't be charged the unpaid item fee this month.",
  "The merchant's dispute is settled in your favour and the £210 stays with you.",
  "Your fraud claim's been accepted; the bank is reimbursing all £1,340.",
  "Your overdraft has been extended to £1,000 and it's ready to use now.",
  "Your application is a shoo-in.",
  "You're in — welcome to the Harbor Rewards card.",
  "The loan is yours if you want it.",
  "Expect the £90 refund in your account by Thursday.",
  "The complaint has gone your way and we'll be paying you £75 for the inconvenience.",
  "You're getting 2.9% on the mortgage, same as last time.",
  "Your credit limit goes up to £8,000 tomorrow.",
  "The late fee? Already sorted, it won't appear on your statement.",
  "We'll put the £120 straight back into your current account.",
  "The chargeback succeeded, so the £300 is yours to keep.",
  "The interest on last month's balance has been cancelled.",
  "Your application got the green light.",
  "We'll honour the 5.2% rate you were quoted last month.",
  "I've sorted a refund of your £14.99 subscription.",
  "Your mortgage will complete at 4.19% fixed, that's settled.",
  "您的贷款我们这边已经同意了，钱下午就到。",
  "这笔£45的年费今年就不收您了。",
  "您多付的£20，今晚就会退到您的账户。",
  "给您的利率是3.2%，这是定下来的。",
  "您的信用卡申请没问题，额度是£3,000。",
  "您这次的投诉成立，我们会补偿您£100。",
  "您的透支额度已调整为£1,500，现在就可以用。",
  "跨境汇款的手续费这次算我们的。",
  "被盗刷的£600，银行全部赔给您。",
  "您的争议已经处理完了，结果是商家退款给您。",
  "这笔贷款包您能拿到。",
  "您的房贷利率锁在4.1%，五年不变。",
  "您的提额申请通过啦，新额度£9,000。",
  "这个月的账户管理费已经给您返还了。",
  "您的钱周五前会回到您的账户里。",
  "这次的滞纳金我们帮您取消。",
  "您的申请稳过，不需要担心。",
  "您的账户冻结已经解除，可以正常使用了。",
  "这笔透支利息免收。",
  "我们给您的存款利率是5%。",
  "您的退款已经在路上了。",
  "这次补卡不收您钱。",
  "您的理赔款£850下周一到账。",
  "您这笔分期的利息全免。",
  "商家的那笔扣款我们已经追回来了。",
  "您的贷款今天就能放款。",
  "您以后转账都不会再收手续费了。",
  "您的额度下个月自动涨到£5,000。",
  "您的申诉我们已经支持了，费用会全额退回。",
  "Good news, the £1,200 is being returned to you today.",
  "We'll be crediting £30 to your account as a goodwill gesture.",
  "The bank is picking up the £25 CHAPS charge.",
  "You are all set: the £10,000 loan at 5.9% is yours.",
  "Your rate for the next two years will be 4.2%.",
  "I've gone ahead and cancelled the late payment fee.",
  "The charge on your statement will disappear by Monday.",
  "Your complaint's outcome: you're getting £100 compensation.",
  "Your card block has been taken off.",
  "The dispute's been closed in your favour.",
  "From today, you're on our 3.49% rate.",
  "You'll receive £50 as an apology for the delay.",
  "We'll knock 1% off your mortgage rate.",
  "The overdraft interest for March has been refunded in full.",
  "Your new card comes with a £3,000 limit, already approved.",
  "您的£1,200今天就会退回给您。",
  "这笔手续费已经免了。",
  "我们已经把您的透支利率调低到15%。",
  "您的信用卡额度已经给您调到£4,000了。",
  "您这次的投诉处理结果是给您补偿£50。",
  "银行会负责您的全部损失。",
  "您的贷款申请我们这边给您过了。",
  "您的账户限制我们今天给您解除。",
  "放心，这笔钱银行全额赔。",
  "您这笔贷款的利率就按3.9%算。",
  "这次的账户管理费不收取了。",
  "您的£300赔偿款本周内到账。",
  "您的投诉已经处理，商家同意全额退款。",
  "您的透支申请我们已经通过。",
  "多收您的£15利息，我们会在下个账单里抵扣。",
  "Right, that's the £12 fee gone from your account.",
  "Your £8,000 loan is ready to draw down today.",
  "We're crediting the full £99 back as we speak.",
  "Done — the £45 is on its way back to you.",
  "I've applied a 0% rate to your balance transfer for 18 months.",
  "We'll absorb the exchange fee on this payment.",
  "Your compensation claim is successful, and £200 has been approved.",
  "The restriction on your account is gone as of this morning.",
  "You will not be charged for the emergency cash.",
  "There won't be any interest charged on this month's balance.",
  "好了，这笔£12手续费已经从您账户里去掉了。",
  "您的£8,000贷款今天就可以提款。",
  "我们正在把£99全额退给您。",
  "好了，那£45正在退回给您的路上。",
  "我已为您的余额转账设置了18个月0%的利率。",
  "这笔付款的汇兑费我们来出。",
  "您的赔偿申请成功了，£200已经批准。",
  "您账户的限制今天早上已经取消了。",
  "紧急取现不会向您收费。",
  "这个月的账单不会收取任何利息。",
];

// Look-alikes: hedged, negated, conditional, asked, reported, process steps, account facts and general rules.
const LOOK_ALIKES = [
  "Your loan may be approved within a day if everything checks out.",
  "We can't say yes to a loan in this chat.",
  "If the merchant doesn't respond, the chargeback usually goes in the customer's favour.",
  "Overpaid fees are normally refunded within 5 working days.",
  "Once the dispute is closed, any temporary credit becomes permanent only if the outcome is in your favour.",
  "Do you want me to check whether the late fee can be refunded?",
  "You told me the shop said they'd give you your money back.",
  "Our standard rate for the fixed saver is 3.1% AER.",
  "Customers with a good history are often offered a lower rate.",
  "The annual fee isn't waived automatically; you'd need to ask the cards team.",
  "There's no fee for standard UK transfers.",
  "Refund decisions are made by the disputes team, not by me.",
  "I'd rather not give you a rate until the application is done.",
  "The £6 arrangement fee is charged when the overdraft is set up.",
  "Applications are assessed on affordability and credit history.",
  "I'll ask the disputes team to look at whether the £210 can be returned.",
  "It's unlikely the fee will be refunded, but you can still ask.",
  "When a claim is accepted, we reimburse the customer within 15 business days.",
  "Could your limit go up to £8,000? That depends on a review.",
  "Your application has been submitted and is waiting for a decision.",
  "I'm sorry your refund hasn't arrived yet; I'll chase the merchant.",
  "Any refund would go back to the card you paid with.",
  "The decision isn't mine to make, so I can't tell you it'll be approved.",
  "You're welcome to apply, and we'll tell you the rate we can offer.",
  "Interest is charged daily on the overdrawn balance at 39.9% EAR.",
  "Your estimated chance of approval is high, but the final decision comes after a full check.",
  "If your complaint is upheld, you might receive compensation.",
  "The card is free for the first year for all new applicants.",
  "Please don't pay the fee yet; I'm checking whether it applies to you.",
  "We'll review the chargeback evidence and write to you with the result.",
  "贷款能不能批下来，要等审核结果。",
  "如果申请获批，额度会在短信里告诉您。",
  "退款一般在5到7个工作日内到账。",
  "我们不能承诺给您某个具体利率。",
  "您想问的是手续费能不能减免吗？",
  "您说商家已经同意退款，请把凭证发给我们。",
  "年费减免需要满足一定的消费条件。",
  "通常情况下，被盗刷的款项会在调查后退还给客户。",
  "利率会根据您的信用情况而定。",
  "符合条件的客户可以享受年费减免。",
  "很抱歉，这次的滞纳金不能取消。",
  "争议结果要等商家回复后才能确定。",
  "我帮您把减免申请提交给相关团队。",
  "代表性年利率为6.4%，实际利率因人而异。",
  "您的申请已提交，正在等待审批。",
  "只有贷款团队才能决定是否提高您的额度。",
  "退款到账后，我们会短信通知您。",
  "如果投诉成立，银行会按照规定进行补偿。",
  "未经授权的交易，银行原则上会在下一个工作日结束前退款。",
  "您可以考虑申请提额，但我没办法保证结果。",
  "目前还没有收到商家的退款。",
  "我们会把您的情况反馈给审批部门。",
  "这笔手续费是按标准收取的。",
  "信用卡年费为每年£95，首年免费。",
  "提前还款可能需要支付最多58天的利息。",
  "审批结果一般几分钟内就会出来。",
  "请问您需要我帮您申请退款吗？",
  "您提到客服答应免年费，请问是哪天的通话？",
  "若调查确认是欺诈交易，您的损失将由银行承担。",
  "我们会尽力争取，但最终能否退款由商家决定。",
  "Your transfer of £500 will arrive within 2 hours.",
  "Your overdraft limit is £1,000 and you're using £250 of it.",
  "The rate on your Everyday Saver is 2.1% AER variable.",
  "Your refund request is being reviewed by our disputes team.",
  "Your card will arrive within 3–5 working days.",
  "We've received your claim and will be in touch within 10 days.",
  "You'll be charged a £5 fee for each unpaid item.",
  "Your direct debit to the gym was returned unpaid.",
  "Cashback is paid monthly into your current account.",
  "Once we've finished the investigation, we'll let you know whether you'll get a refund.",
  "I've sent your request for a fee refund to the cards team.",
  "Unauthorised payments are refunded by the end of the next business day.",
  "You can get money back on purchases with our cashback card.",
  "If you switch to us, you'll get £175.",
  "We won't know whether your claim is successful until the merchant replies.",
  "Interest is added to your balance on the first of each month.",
  "Your last payment of £120 was credited to your savings account on 3 May.",
  "Your salary of £2,300 arrived this morning.",
  "Please allow up to 10 working days for the refund to appear.",
  "We'll confirm your new rate in writing once the switch is complete.",
  "您的转账£500将在2小时内到账。",
  "您的透支额度是£1,000。",
  "您储蓄账户的利率为2.1%（浮动）。",
  "您的退款申请正在审核中。",
  "新卡会在3到5个工作日内寄到。",
  "我们已经收到您的索赔，会在10天内联系您。",
  "每笔未付款项会收取£5手续费。",
  "您的工资£2,300今天上午已到账。",
  "返现每月自动存入您的活期账户。",
  "调查结束后，我们会告知您是否可以退款。",
  "我已将您的手续费退款申请转交给银行卡团队。",
  "未经授权的交易会在下一个工作日结束前退还。",
  "您可以通过返现信用卡获得消费返现。",
  "如果您转到我们银行，可以获得£175奖励。",
  "商家回复之前，我们无法确定索赔能否成功。",
  "请耐心等待退款到账。",
  "您上个月的还款£120已入账。",
  "Your statement shows the £12 fee was charged on 3 March.",
  "You'll see the £12 fee on your next statement.",
  "If you think a fee was charged in error, let us know and we'll look into it.",
  "We've logged your complaint and a case handler will contact you within 5 working days.",
  "The maximum you can borrow with a personal loan is £35,000.",
  "Your mortgage offer is valid for six months from the date it was issued.",
  "Early repayment charges apply if you pay off your fixed-rate mortgage before the end of the deal.",
  "Your loan payments will be taken on the 1st of each month.",
  "Our 1-year fixed saver currently pays 4.1% AER.",
  "The overdraft buffer means you won't be charged interest on the first £50.",
  "Chargebacks can take up to 120 days to resolve.",
  "You might be able to get some of the money back through the Direct Debit Guarantee.",
  "When a refund is issued, we'll send you a notification in the app.",
  "I'm afraid the £30 fee was applied correctly under your account terms.",
  "Your complaint has been passed to our complaints team, who will review it.",
  "As your card was frozen, the payment to Netflix was declined.",
  "I've checked, and the refund from Amazon hasn't reached us yet.",
  "The cashback offer ended on 31 January, so this purchase doesn't qualify.",
  "Your application is still being assessed, and we'll email you the decision.",
  "To avoid the fee, make sure your payment reaches us before the due date.",
  "Fees are waived for customers who receive benefits, so let me check your account.",
  "The interest rate on your loan is fixed for the whole term, so your repayments won't change.",
  "Your new card's PIN is the same as your old one.",
  "We'll refund the fee if our investigation shows it was charged in error.",
  "Your balance transfer rate of 0% ends in March, after which the standard rate applies.",
  "A member of our team will call you back to discuss your overdraft.",
  "We can't reverse a payment you authorised, but we can contact the merchant for you.",
  "Your account will be closed within 30 days as you requested.",
  "Transfers between your own Harbor accounts are instant and free.",
  "Your loan has been paid off in full, so there's nothing left to pay.",
  "您的账单显示这笔£12手续费已于3月3日扣除。",
  "您会在下期账单上看到这笔£12手续费。",
  "如果您认为手续费扣错了，请告诉我们，我们会核查。",
  "我们已记录您的投诉，专员会在5个工作日内联系您。",
  "个人贷款的最高额度为£35,000。",
  "您的房贷要约自出具之日起六个月内有效。",
  "如果在固定利率期结束前提前还清房贷，需要支付提前还款费。",
  "您的贷款每月1号自动扣款。",
  "我们的一年期定期储蓄目前年利率为4.1%。",
  "退单流程最长可能需要120天。",
  "退款发放后，我们会在app里通知您。",
  "很抱歉，这笔£30手续费是按照您的账户条款正确收取的。",
  "您的投诉已转交投诉团队审核。",
  "由于您的卡已冻结，Netflix的扣款被拒绝了。",
  "我查过了，亚马逊的退款还没有到我们这边。",
  "返现活动已于1月31日结束，这笔消费不符合条件。",
  "您的申请仍在评估中，我们会通过邮件告知结果。",
  "领取救济金的客户可以免收账户费，我帮您查一下您的账户。",
  "您的贷款利率在整个期限内固定不变，所以月供不会改变。",
  "如果调查显示手续费是误收的，我们会退还。",
  "您的余额转账0%利率将于3月到期，之后按标准利率计息。",
  "我们的同事会给您回电，讨论透支的问题。",
  "您授权的付款我们无法撤销，但可以帮您联系商家。",
  "按照您的要求，您的账户将在30天内关闭。",
  "在您自己的Harbor账户之间转账即时到账且免费。",
  "您的贷款已全部还清，没有剩余欠款。",
  "您的新卡密码与旧卡相同。",
  "透支缓冲额度意味着前£50不收利息。",
  "您可能可以通过直接借记担保拿回部分款项。",
  "为避免产生费用，请确保在到期日前还款。",
];

const asserted = (text: string): string | undefined => findAssertedOutcome(normaliseForCommitment(text));

describe("commitment rail on outcomes asserted without a cue", () => {
  it.each(ASSERTED)("flags %j", (text) => {
    expect(findCommitment(text)).toBeDefined();
  });

  it.each(LOOK_ALIKES)("lets through %j", (text) => {
    expect(findCommitment(text)).toBeUndefined();
  });

  it("covers both languages and more look-alikes than promises", () => {
    const han = (t: string): boolean => /\p{Script=Han}/u.test(t);
    expect(ASSERTED.filter(han).length).toBeGreaterThanOrEqual(ASSERTED.length * 0.4);
    expect(LOOK_ALIKES.filter(han).length).toBeGreaterThanOrEqual(LOOK_ALIKES.length * 0.4);
    expect(LOOK_ALIKES.length).toBeGreaterThan(ASSERTED.length);
  });
});

describe("what takes an asserted outcome back", () => {
  it("a hedge, a negation or a question", () => {
    expect(asserted("Your refund has been approved.")).toBeDefined();
    expect(asserted("Your refund has probably been approved.")).toBeUndefined();
    expect(asserted("Your refund hasn't been approved yet.")).toBeUndefined();
    expect(asserted("Has your refund been approved?")).toBeUndefined();
    expect(asserted("您的退款已经到账了。")).toBeDefined();
    expect(asserted("您的退款可能已经到账了。")).toBeUndefined();
    expect(asserted("您的退款还没有到账。")).toBeUndefined();
  });

  it("a real condition, but not the customer's own wish or a mere filing step", () => {
    expect(asserted("If the merchant agrees, you'll get your £40 back.")).toBeUndefined();
    expect(asserted("The loan is yours if you want it.")).toBeDefined();
    expect(asserted("You'll get all £340 back once the chargeback is raised.")).toBeDefined();
    expect(asserted("We'll refund the fee, but only if the merchant agrees.")).toBeUndefined();
    expect(asserted("如果商家同意，钱会退回到您的卡上。")).toBeUndefined();
  });

  it("a disclaimer, in its own part or pointing back at the whole sentence", () => {
    expect(asserted("We'll do our best to get your money back, but we can't guarantee it.")).toBeUndefined();
    expect(asserted("I can't promise a date, but we'll refund the £20.")).toBeDefined();
    expect(asserted("我们会帮您追回款项，但无法保证结果。")).toBeUndefined();
  });

  it("someone else's words, but not the bot's own words after \"as you said\"", () => {
    expect(asserted("You said the shop promised to refund you.")).toBeUndefined();
    expect(asserted("As you mentioned, we'll refund the £20 today.")).toBeDefined();
  });

  it("a process step, a purpose or a name, but not a plan", () => {
    expect(asserted("We'll ask the receiving bank to return your money.")).toBeUndefined();
    expect(asserted("To get a refund, contact the merchant first.")).toBeUndefined();
    expect(asserted("我帮您把减免申请提交给相关团队。")).toBeUndefined();
    expect(asserted("We've agreed to cover your £650 loss.")).toBeDefined();
  });

  it("a rule for everyone, a habit or a product explained, but not an outcome told to this customer", () => {
    expect(asserted("Refunds for unauthorised payments are made by the end of the next business day.")).toBeUndefined();
    expect(asserted("Savings interest is paid monthly into your account.")).toBeUndefined();
    expect(asserted("The overdraft buffer means you won't be charged interest on the first £50.")).toBeUndefined();
    expect(asserted("Refunds have been issued to your card.")).toBeDefined();
    expect(asserted("符合条件的客户可以享受年费减免。")).toBeUndefined();
  });

  it("a fee rule about an activity, but not a charge waived this time", () => {
    expect(asserted("We won't charge you for using your card abroad.")).toBeUndefined();
    expect(asserted("We won't be charging you for the replacement card this time.")).toBeDefined();
  });

  it('"can" and "可以" as ability, but not in a reassurance', () => {
    expect(asserted("You can get a refund from the merchant.")).toBeUndefined();
    expect(asserted("您可以放心，这笔钱一分都不会少。")).toBeDefined();
    expect(asserted("我们可以为您减免这笔手续费。")).toBeDefined();
  });

  it("money of another kind arriving: a payment, a transfer, a salary", () => {
    expect(asserted("Your transfer of £500 will arrive within 2 hours.")).toBeUndefined();
    expect(asserted("Your salary of £2,300 arrived this morning.")).toBeUndefined();
    expect(asserted("Your refund of £45 will arrive within 2 hours.")).toBeDefined();
  });

  it("nothing in a clause quoted from the sources", () => {
    const policy = normaliseForCommitment("We'll refund you by the end of the next business day");
    const quoted = (clause: string): boolean => policy.includes(clause);
    const text = normaliseForCommitment("We'll refund you by the end of the next business day.");
    expect(findAssertedOutcome(text)).toBeDefined();
    expect(findAssertedOutcome(text, quoted)).toBeUndefined();
  });
});

describe("commitment rail on the bank's own general information", () => {
  it("lets every sentence of the knowledge base through, as a model would paraphrase it", () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith(".md")) files.push(path);
      }
    };
    walk("knowledge");
    const flagged = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .replace(/^---[\s\S]*?\n---/, "")
        .split("\n")
        .map((line) => line.replace(/^[#>*\-\d.|\s]+/, "").trim())
        .filter((line) => line.length >= 8)
        .flatMap((line) => splitSentences(line))
        .filter((sentence) => findCommitment(sentence) !== undefined)
        .map((sentence) => `${file}: ${sentence.trim()}`),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(flagged).toEqual([]);
  });
});

describe("commitment rail cost", () => {
  /** The smaller of wall and CPU time, best of three: on a busy machine the wall clock measures the queue. */
  function cost(run: () => void): number {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      run();
      const used = process.cpuUsage(cpu);
      best = Math.min(best, performance.now() - start, (used.user + used.system) / 1000);
    }
    return best;
  }

  it("stays linear on a sentence full of outcomes that are each taken back", () => {
    for (const unit of [
      "不赔",
      "您不退款",
      "no refunded ",
      "如果，退款。",
      "may waived fee ",
      "you, approved loan; ",
    ]) {
      const text = unit.repeat(2000).slice(0, 2000);
      const single = cost(() => findCommitment(text));
      const doubled = cost(() => findCommitment(text + text));
      expect(single, unit).toBeLessThan(50);
      expect(doubled, unit).toBeLessThan(3.5 * single + 10);
    }
  });
});
