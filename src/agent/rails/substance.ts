// Whether a sentence carries substance or is only filler (greetings, thanks, apologies, offers of more help), so the
// rails can tell a reply that still answers from one where only pleasantries survived the checks.

// Openers that carry nothing; what follows them in the same sentence still counts.
const OPENER_EN =
  /^(?:(?:hi|hello|hey)(?: there)?|dear [a-z]+|good (?:morning|afternoon|evening)|thanks(?: for (?:asking|your (?:message|question|patience)))?|thank you(?: for (?:asking|your (?:message|question|patience)))?|many thanks|you're welcome|you are welcome|no problem|sure|of course|certainly|absolutely|great|ok|okay|got it|understood|(?:i'm|i am) (?:sorry|happy to help|glad to help|here to help)(?: with that)?|sorry(?: about that| to hear that)?|i apologi[sz]e(?: for [a-z ]{1,30})?|(?:great|good) question|happy to help|glad to help)\b[\s,.!:;—-]*/i;
// Whole sentences that carry nothing.
const CLOSER_EN =
  /^(?:i (?:hope|trust) (?:this|that) helps|(?:is there )?anything else (?:i can (?:help|do) (?:you )?(?:with|for you)(?: today)?)?|(?:please )?let (?:me|us) know if [a-z' ]{0,60}|if you have any (?:other |more |further )?questions?[a-z,' ]{0,60}|(?:please )?feel free to [a-z' ]{1,60}|have a (?:nice|great|good|lovely) day|take care|here(?:'s| is| are) (?:what|the|some) [a-z ]{0,40}|let me (?:check|help|explain|look)[a-z ]{0,30}|i can help (?:you )?with that|how (?:can|may) i (?:help|assist)(?: you)?(?: today| further)?|what (?:else )?can i do for you(?: today)?)[\s.!?:]*$/i;
const OPENER_ZH =
  /^(?:您好|你好|尊敬的客户|早上好|下午好|晚上好|谢谢(?:您的(?:耐心|提问|咨询))?|感谢(?:您的(?:耐心|提问|咨询))?|不客气|好的|当然|没问题|明白了?|收到|(?:很)?抱歉|对不起|不好意思|很高兴为您(?:服务|解答)?|乐意为您(?:服务|解答)?)[\s，,。！!：:]*/;
const CLOSER_ZH =
  /^(?:希望(?:以上|这些|这)?(?:信息|内容|回答|解答)?(?:对您)?有(?:所)?帮助|还有(?:什么|其他)(?:问题|需要|可以帮您的)?(?:吗|呢)?|如(?:果)?(?:您)?(?:还)?有(?:其他|任何)?(?:问题|疑问)[^。！？]{0,20}|请随时[^。！？]{0,20}|祝您[^。！？]{0,12}|以下是[^。！？]{0,20}|我来(?:帮您|为您)[^。！？]{0,12}|(?:请问)?(?:有什么|还有什么)(?:可以|能)(?:帮|为)(?:您|你)[^。！？]{0,8})[\s。！!？?：:]*$/;

/** True when a sentence says nothing of substance (a greeting, thanks, an apology, an offer of more help). */
export function isFiller(sentence: string): boolean {
  let text = sentence.trim().replace(/^[\s*_#>•-]+/, "");
  for (let i = 0; i < 3; i++) {
    const opener = OPENER_EN.exec(text) ?? OPENER_ZH.exec(text);
    if (!opener || opener[0] === "") break;
    text = text.slice(opener[0].length);
  }
  text = text.trim();
  if (text === "" || CLOSER_EN.test(text) || CLOSER_ZH.test(text)) return true;
  // What is left is a word or two and no figures: "How can I help?", "好的！".
  return !/\d/.test(text) && text.split(/\s+/).length <= 2 && text.replace(/[\p{P}\p{S}\s]/gu, "").length <= 8;
}

/** How much substance a sentence carries: its length without spacing, or 0 for filler. */
export function substanceOf(sentence: string): number {
  return isFiller(sentence) ? 0 : sentence.replace(/\s+/g, "").length;
}
