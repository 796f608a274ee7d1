// Reads the name a member of staff searches for ("find customer alex morgan", "is there a cust called Ruby Brown",
// "查一下叫刘艳的客户"): the words left once the request words around it are dropped. A word scan, linear in the text.

// Request words around a name in English staff questions; anything else is taken as part of the name.
const EN_FILLER = new Set(
  (
    "a an the any some find finding search searching searches lookup look looking looks up for me us pls plz please " +
    "customer customers cust custs client clients account accounts holder holders user users named name names called " +
    "call surname surnamed first last full is are was there do does did we you have has got get pull bring show " +
    "display give gimme check who whos what whats which where record records profile profiles details detail info " +
    "information of on in at to by with from system database db our bank can could would will quick quickly " +
    "hey hi hello thanks thank ty need want id ids match matching matches exist exists existing anyone anybody someone " +
    "somebody person people guy lady it that this they them their his her he she and or cx one ones ours our mine " +
    "yours your my i me we us know tell whether if here now today yet still also just about regarding re any " +
    "banks banking bank's new old real same other another see seen open opened number no yes ok okay"
  ).split(" "),
);

// Request phrases around a name in Chinese staff questions, longest first so "客户名叫" goes before "客户".
const ZH_FILLER = [
  ...["帮我查一下", "帮忙查一下", "帮我查查", "帮我找一下", "帮我找找", "查一下", "查查", "找一下", "找找", "搜一下"],
  ...[
    "搜索",
    "查找",
    "查询",
    "检索",
    "看一下",
    "看看",
    "帮我",
    "帮忙",
    "麻烦",
    "请问",
    "请",
    "我们",
    "系统里",
    "系统中",
  ],
  ...[
    "系统",
    "名下",
    "有没有",
    "有无",
    "是否有",
    "是不是",
    "一个",
    "一位",
    "这个",
    "那个",
    "客户名叫",
    "名字叫",
    "名叫",
  ],
  ...[
    "姓名是",
    "姓名为",
    "名字是",
    "客户",
    "用户",
    "叫做",
    "叫",
    "的人",
    "的",
    "吗",
    "呢",
    "吧",
    "谁",
    "是",
    "有",
    "在",
  ],
  ...["资料", "信息", "档案", "记录", "账户", "账号", "一下", "下"],
].sort((a, b) => b.length - a.length);

const HAN = /\p{Script=Han}/u;
const APOSTROPHES = "'’-";

// "o'brien'" keeps its inner apostrophe; quotes and dashes around a word are dropped.
function trimApostrophes(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && APOSTROPHES.includes(word.charAt(start))) start++;
  while (end > start && APOSTROPHES.includes(word.charAt(end - 1))) end--;
  return word.slice(start, end);
}

function chineseName(text: string): string | undefined {
  let rest = "";
  // Drop the filler phrases left to right (each position is looked at once per phrase, a bounded set).
  for (let i = 0; i < text.length;) {
    const phrase = ZH_FILLER.find((p) => text.startsWith(p, i));
    if (phrase) {
      rest += " ";
      i += phrase.length;
    } else {
      rest += text.charAt(i);
      i++;
    }
  }
  const runs = rest.split(/[^\p{Script=Han}·]+/u).filter((r) => r.length >= 2 && r.length <= 4);
  return runs[0];
}

/** The name (or name fragment) a staff lookup searches for; undefined when the message names nobody. */
export function extractNameQuery(text: string): string | undefined {
  const withoutIds = text.replace(/\b(?:demo\d{1,6}|c\d{6}|tx-?\d{4,12})\b/gi, " ");
  const latin = withoutIds
    .split(/[^A-Za-z'’-]+/)
    .map(trimApostrophes)
    .filter((w) => w.length > 1 && !EN_FILLER.has(w.toLowerCase()));
  // Staff who capitalise write the name capitalised ("is Chloe Wilson one of ours"): those words are the name.
  const capitalised = latin.filter((w) => /^[A-Z][a-z'’-]/.test(w));
  if (capitalised.length > 0 && capitalised.length < latin.length) return capitalised.slice(0, 4).join(" ");
  if (latin.length > 0) return latin.slice(0, 4).join(" ");
  return HAN.test(withoutIds) ? chineseName(withoutIds) : undefined;
}
