// A circuit breaker for the remote model: after a few failures in a row the turn goes straight to the local responder
// for a cool-down, so a dead or hanging provider costs each customer nothing instead of a full timeout per call.

/** Whether the next call may try the remote model, and bookkeeping of how its calls went. */
export interface ModelCircuit {
  /** True while the circuit is open (skip the remote model); one trial call is let through after the cool-down. */
  isOpen(): boolean;
  recordSuccess(): void;
  recordFailure(): void;
}

/** Options of the circuit: failures in a row that open it, and how long it stays open. */
export interface ModelCircuitOptions {
  failureThreshold?: number;
  coolDownMs?: number;
  now?: () => number;
}

/** Creates a closed circuit (remote model in use). */
export function createModelCircuit(options: ModelCircuitOptions = {}): ModelCircuit {
  const threshold = options.failureThreshold ?? 3;
  const coolDownMs = options.coolDownMs ?? 30_000;
  const now = options.now ?? Date.now;
  let failures = 0;
  let openUntil = 0;
  return {
    isOpen() {
      if (failures < threshold) return false;
      if (now() < openUntil) return true;
      // Half-open: let one call through; a failure re-opens the circuit for another cool-down.
      openUntil = now() + coolDownMs;
      return false;
    },
    recordSuccess() {
      failures = 0;
      openUntil = 0;
    },
    recordFailure() {
      failures = Math.min(failures + 1, threshold);
      if (failures >= threshold) openUntil = now() + coolDownMs;
    },
  };
}
