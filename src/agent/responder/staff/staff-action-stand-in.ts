// The sentence for a staff action (freeze a card, open a dispute) that did not run as asked: cancelled by the staff
// member at the confirmation card, refused, over the turn's limit, or failed after approval.
import type { Locale } from "../../../shared/locale.js";
import type { StandInResult } from "../../tools/tool-results.js";

const TEXT: Record<Locale, Record<StandInResult["status"], string>> = {
  en: {
    forbidden: "Only a member of staff can do this on a customer's behalf; nothing changed.",
    unavailable: "I could not do that in this turn, so nothing changed. Please ask again.",
    rejected: "Cancelled, nothing changed.",
    failed: "The action could not be confirmed as done. Check the customer's record before trying again.",
  },
  "zh-CN": {
    forbidden: "只有银行工作人员可以代客户办理此操作；未做任何更改。",
    unavailable: "本轮未能完成该操作，未做任何更改，请重新提出。",
    rejected: "已取消，未做任何更改。",
    failed: "无法确认该操作是否已完成，请先核对客户记录再重试。",
  },
};

/** The sentence for a staff action's stand-in result. */
export function actionStandInSentence(result: StandInResult, locale: Locale): string {
  return TEXT[locale][result.status];
}
