// Bridges the simulator to training: epoch times, day indices and the batch feature matrix of a simulated dataset.
import { computeFeatureMatrix } from "./batch-features.js";
import type { SimulatedDataset } from "./simulate-transactions.js";
import type { FraudTrainingData } from "./train-fraud-model.js";

/** Featurises a simulated dataset with ground-truth labels (terminal risk still only sees them after the delay). */
export function featuriseSimulation(
  ds: SimulatedDataset,
  options: { delayDays?: number } = {},
): FraudTrainingData & { epoch: Float64Array } {
  const n = ds.tx.length;
  const epoch = new Float64Array(n);
  const day = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = ds.tx.time[i] as number;
    epoch[i] = ds.startEpoch + t;
    day[i] = Math.floor(t / 86_400);
  }
  const X = computeFeatureMatrix(
    {
      length: n,
      epoch,
      customer: ds.tx.customer,
      terminal: ds.tx.terminal,
      amount: ds.tx.amount,
      fraudLabel: ds.tx.fraud,
    },
    { x: ds.terminalX, y: ds.terminalY },
    options,
  );
  return {
    length: n,
    X,
    day,
    customer: ds.tx.customer,
    fraud: ds.tx.fraud,
    amount: ds.tx.amount,
    epoch,
    startDate: ds.config.startDate,
  };
}
