import { describe, expect, it } from "vitest";
import { createLocalEmbeddings } from "./local-embeddings.js";

const cos = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
};

const corpus = [
  "Lost or stolen card: freeze the card in the app and call 0800 123 4567",
  "International transfers by SWIFT cost £15 online and arrive in 1-4 business days",
  "Mortgage rates: 5-year fixed 4.29%",
  "银行卡丢失或被盗：请立即冻结银行卡并挂失",
  "国际汇款：网上 SWIFT 汇款手续费15英镑",
  "个人贷款申请条件：年满18岁，年收入至少10000英镑",
];

describe("createLocalEmbeddings", () => {
  it("is deterministic across instances and returns unit vectors of the configured size", async () => {
    const a = await createLocalEmbeddings({ dim: 512 }).embedQuery("I lost my card");
    const b = await createLocalEmbeddings({ dim: 512 }).embedQuery("I lost my card");
    expect(a.length).toBe(512);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(cos(a, a)).toBeCloseTo(1, 5);
  });

  it("tags its id with provider, model and dimension", () => {
    expect(createLocalEmbeddings({ dim: 256 }).id).toBe("local:hashed-tfidf-v3:256");
  });

  it("matches Chinese questions to the Chinese document on the same topic", async () => {
    const fit = createLocalEmbeddings({ dim: 1024 }).fitCorpus?.(corpus);
    if (!fit) throw new Error("local embeddings must fit a corpus");
    const docs = await fit.embeddings.embedDocuments(corpus);
    const q = await fit.embeddings.embedQuery("我的卡丢了，怎么挂失");
    const scores = docs.map((d) => cos(q, d));
    expect(scores.indexOf(Math.max(...scores))).toBe(3);
    const q2 = await fit.embeddings.embedQuery("贷款需要什么条件");
    const s2 = docs.map((d) => cos(q2, d));
    expect(s2.indexOf(Math.max(...s2))).toBe(5);
  });

  it("tolerates English typos through character n-grams", async () => {
    const fit = createLocalEmbeddings({ dim: 1024 }).fitCorpus?.(corpus);
    if (!fit) throw new Error("local embeddings must fit a corpus");
    const docs = await fit.embeddings.embedDocuments(corpus);
    const q = await fit.embeddings.embedQuery("internatonal transfr");
    const scores = docs.map((d) => cos(q, d));
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
  });

  it("restores saved corpus statistics to give exactly the fitted vectors", async () => {
    const base = createLocalEmbeddings({ dim: 256 });
    const fit = base.fitCorpus?.(corpus);
    if (!fit || !base.restoreCorpus) throw new Error("local embeddings must fit and restore");
    const restored = base.restoreCorpus(JSON.parse(JSON.stringify(fit.state)));
    expect(Array.from(await restored.embedQuery("swift fee"))).toEqual(Array.from(await fit.embeddings.embedQuery("swift fee")));
    expect(() => base.restoreCorpus?.({ kind: "something-else" })).toThrow();
  });
});
