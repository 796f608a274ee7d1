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

  it("tags its id with provider, model and dimension, so indexes of the sparse embeddings are rebuilt", () => {
    expect(createLocalEmbeddings({ dim: 256 }).id).toBe("local:lsa-tfidf-v1:256");
  });

  it("projects fitted texts to dense unit vectors, zero past the corpus rank", async () => {
    const fit = createLocalEmbeddings({ dim: 64 }).fitCorpus?.(corpus);
    if (!fit) throw new Error("local embeddings must fit a corpus");
    const v = await fit.embeddings.embedQuery(corpus[1] as string);
    expect(v.length).toBe(64);
    expect(cos(v, v)).toBeCloseTo(1, 5);
    expect(Array.from(v).slice(corpus.length).every((x) => x === 0)).toBe(true);
  });

  it("keeps a paraphrase closer to its source than to other topics in the dense space", async () => {
    const texts = [
      ...corpus,
      "Freeze a lost card straight away in the mobile app, then order a replacement card",
      "Card stolen? Report the stolen card and freeze it so nobody can pay with it",
      "SWIFT international payments: the fee for an international transfer sent online",
      "Sending money abroad: international transfer fees and how long SWIFT takes",
      "Fixed mortgage rates and tracker mortgage rates for home buyers",
      "Personal loan eligibility: age, income and credit history",
    ];
    const fit = createLocalEmbeddings({ dim: 32 }).fitCorpus?.(texts);
    if (!fit) throw new Error("local embeddings must fit a corpus");
    const [lost, transfer, mortgage] = await fit.embeddings.embedDocuments([
      "I lost my card, how do I freeze it?",
      "what does an international SWIFT transfer cost",
      "current mortgage rates",
    ]);
    const docs = await fit.embeddings.embedDocuments(texts);
    const best = (q: ArrayLike<number> | undefined): number => {
      const scores = docs.map((d) => cos(q ?? [], d));
      return scores.indexOf(Math.max(...scores));
    };
    expect([0, 6, 7]).toContain(best(lost));
    expect([1, 8, 9]).toContain(best(transfer));
    expect([2, 10]).toContain(best(mortgage));
    expect(cos(lost ?? [], docs[6] ?? [])).toBeGreaterThan(cos(lost ?? [], docs[8] ?? []));
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

  it("fits the same model twice from the same corpus", () => {
    const a = createLocalEmbeddings({ dim: 64 }).fitCorpus?.(corpus);
    const b = createLocalEmbeddings({ dim: 64 }).fitCorpus?.(corpus);
    expect(JSON.stringify(b?.state)).toBe(JSON.stringify(a?.state));
  });

  it("refuses a saved model whose basis does not match its vocabulary", () => {
    const base = createLocalEmbeddings({ dim: 64 });
    const fit = base.fitCorpus?.(corpus);
    const state = JSON.parse(JSON.stringify(fit?.state)) as Record<string, unknown>;
    expect(() => base.restoreCorpus?.({ ...state, basis: "AAAA" })).toThrow();
    expect(() => createLocalEmbeddings({ dim: 16 }).restoreCorpus?.({ ...state, components: 20 })).toThrow();
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
