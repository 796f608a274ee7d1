// Weight of evidence and information value: how strongly a bin separates good from bad accounts.

/** Counts of goods and bads in one bin. */
export interface BinCounts {
  goods: number;
  bads: number;
}

/**
 * Weight of evidence ln(%goods / %bads) of a bin; positive = safer than average.
 * A bin with no goods or no bads gets 0.5 added to both counts so the value stays finite; an empty bin is neutral.
 */
export function weightOfEvidence(bin: BinCounts, totalGoods: number, totalBads: number): number {
  if (bin.goods + bin.bads === 0 || totalGoods === 0 || totalBads === 0) return 0;
  const adj = bin.goods === 0 || bin.bads === 0 ? 0.5 : 0;
  return Math.log((bin.goods + adj) / totalGoods / ((bin.bads + adj) / totalBads));
}

/** Information value contribution of a bin: (%goods - %bads) × WoE. */
export function binInformationValue(bin: BinCounts, totalGoods: number, totalBads: number): number {
  if (totalGoods === 0 || totalBads === 0) return 0;
  return (bin.goods / totalGoods - bin.bads / totalBads) * weightOfEvidence(bin, totalGoods, totalBads);
}

/** Information value of a whole binning: the sum over its bins. */
export function informationValue(bins: readonly BinCounts[]): number {
  const g = bins.reduce((s, b) => s + b.goods, 0);
  const b = bins.reduce((s, x) => s + x.bads, 0);
  return bins.reduce((s, bin) => s + binInformationValue(bin, g, b), 0);
}
