// Exact Shapley values of one tree's output in polynomial time (Lundberg et al. 2018, "Consistent individualized
// feature attribution for tree ensembles", Algorithm 2): E[f | x_S] follows x on S and the training cover elsewhere.
import type { GbtTree } from "./credit-gbt-artefact.js";

interface PathElement {
  /** Feature index (-1 for the root placeholder). */
  d: number;
  /** Share of "zero" paths (feature not in S) that flow through. */
  z: number;
  /** Share of "one" paths (feature in S): 1 when x goes this way, else 0. */
  o: number;
  /** Permutation weight. */
  w: number;
}

function extend(path: PathElement[], pz: number, po: number, pi: number): PathElement[] {
  const m = path.map((e) => ({ ...e }));
  const l = m.length;
  m.push({ d: pi, z: pz, o: po, w: l === 0 ? 1 : 0 });
  for (let i = l - 1; i >= 0; i--) {
    const e = m[i] as PathElement;
    const next = m[i + 1] as PathElement;
    next.w += (po * e.w * (i + 1)) / (l + 1);
    e.w = (pz * e.w * (l - i)) / (l + 1);
  }
  return m;
}

function unwind(path: PathElement[], i: number): PathElement[] {
  const m = path.map((e) => ({ ...e }));
  const l = m.length - 1;
  const { o, z } = m[i] as PathElement;
  let n = (m[l] as PathElement).w;
  for (let j = l - 1; j >= 0; j--) {
    const e = m[j] as PathElement;
    if (o !== 0) {
      const t = e.w;
      e.w = (n * (l + 1)) / ((j + 1) * o);
      n = t - (e.w * z * (l - j)) / (l + 1);
    } else {
      e.w = (e.w * (l + 1)) / (z * (l - j));
    }
  }
  for (let j = i; j < l; j++) {
    const e = m[j] as PathElement;
    const next = m[j + 1] as PathElement;
    e.d = next.d;
    e.z = next.z;
    e.o = next.o;
  }
  m.pop();
  return m;
}

/** Sum of the permutation weights the path would have with element i unwound (without building it). */
function unwoundSum(m: readonly PathElement[], i: number): number {
  const l = m.length - 1;
  const { o, z } = m[i] as PathElement;
  let next = (m[l] as PathElement).w;
  let total = 0;
  for (let j = l - 1; j >= 0; j--) {
    const w = (m[j] as PathElement).w;
    if (o !== 0) {
      const t = (next * (l + 1)) / ((j + 1) * o);
      total += t;
      next = w - (t * z * (l - j)) / (l + 1);
    } else {
      total += (w * (l + 1)) / (z * (l - j));
    }
  }
  return total;
}

/** Adds one tree's exact SHAP values for encoded row x into phi (indexed by feature). */
export function addTreeShap(tree: GbtTree, x: ArrayLike<number>, phi: Float64Array): void {
  const recurse = (j: number, path: PathElement[], pz: number, po: number, pi: number): void => {
    let m = extend(path, pz, po, pi);
    const f = tree.feature[j] as number;
    if (f < 0) {
      const v = tree.value[j] as number;
      for (let i = 1; i < m.length; i++) {
        const e = m[i] as PathElement;
        phi[e.d] = (phi[e.d] as number) + unwoundSum(m, i) * (e.o - e.z) * v;
      }
      return;
    }
    const xv = x[f] as number;
    const goesLeft = Number.isNaN(xv) ? (tree.missingLeft[j] as boolean) : xv <= (tree.threshold[j] as number);
    const left = tree.left[j] as number;
    const right = tree.right[j] as number;
    const [hot, cold] = goesLeft ? [left, right] : [right, left];
    let iz = 1;
    let io = 1;
    const k = m.findIndex((e, idx) => idx > 0 && e.d === f);
    if (k > 0) {
      iz = (m[k] as PathElement).z;
      io = (m[k] as PathElement).o;
      m = unwind(m, k);
    }
    const rj = tree.cover[j] as number;
    recurse(hot, m, (iz * (tree.cover[hot] as number)) / rj, io, f);
    recurse(cold, m, (iz * (tree.cover[cold] as number)) / rj, 0, f);
  };
  recurse(0, [], 1, 1, -1);
}

/** The tree's expected output over its training cover (its value when no feature is known). */
export function expectedTreeValue(tree: GbtTree): number {
  const walk = (k: number): number => {
    const f = tree.feature[k] as number;
    if (f < 0) return tree.value[k] as number;
    const l = tree.left[k] as number;
    const r = tree.right[k] as number;
    const c = tree.cover[k] as number;
    return ((tree.cover[l] as number) * walk(l) + (tree.cover[r] as number) * walk(r)) / c;
  };
  return walk(0);
}
