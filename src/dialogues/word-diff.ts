// A small word-level diff (longest common subsequence) for showing how a replayed reply differs from the recorded one.

/** One piece of a diff: kept, removed (only in the first text) or added (only in the second). */
export interface DiffPart {
  op: "same" | "del" | "add";
  text: string;
}

const tokenize = (s: string): string[] => s.match(/[\u3400-\u9fff]|[^\s\u3400-\u9fff]+|\s+/g) ?? [];

/** Diffs two texts word by word (each Chinese character counts as a word). */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before).slice(0, 2000);
  const b = tokenize(after).slice(0, 2000);
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = dp[i] as number[];
      row[j] =
        a[i] === b[j]
          ? ((dp[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((dp[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  const out: DiffPart[] = [];
  const push = (op: DiffPart["op"], text: string): void => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push("same", a[i] as string);
      i++;
      j++;
    } else if (((dp[i + 1] as number[])[j] as number) >= ((dp[i] as number[])[j + 1] as number)) {
      push("del", a[i] as string);
      i++;
    } else {
      push("add", b[j] as string);
      j++;
    }
  }
  while (i < a.length) push("del", a[i++] as string);
  while (j < b.length) push("add", b[j++] as string);
  return out;
}
