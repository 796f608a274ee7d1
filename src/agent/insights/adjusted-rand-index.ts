// The adjusted Rand index (Hubert and Arabie): how well a clustering agrees with known labels, corrected for chance,
// so the topic clustering can be scored against planted topics (1 = the same partition, about 0 = chance).

const pairs = (n: number): number => (n * (n - 1)) / 2;

/** Agreement of two labellings of the same items, corrected for chance; 1 when both put every item alone or together. */
export function adjustedRandIndex(
  truth: readonly (string | number)[],
  predicted: readonly (string | number)[],
): number {
  if (truth.length !== predicted.length) throw new Error("both labellings must cover the same items");
  const n = truth.length;
  const cells = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const a = truth[i] as string | number;
    const b = predicted[i] as string | number;
    const key = JSON.stringify([a, b]);
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(a, (rows.get(a) ?? 0) + 1);
    cols.set(b, (cols.get(b) ?? 0) + 1);
  }
  let index = 0;
  for (const c of cells.values()) index += pairs(c);
  let rowPairs = 0;
  for (const c of rows.values()) rowPairs += pairs(c);
  let colPairs = 0;
  for (const c of cols.values()) colPairs += pairs(c);
  const total = pairs(n);
  const expected = total === 0 ? 0 : (rowPairs * colPairs) / total;
  const max = (rowPairs + colPairs) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
