// Readiness (GET /readyz): may a load balancer send this instance traffic now? Unlike /healthz ("the process is
// alive"), it runs each dependency check, bounded by a timeout so a hung database cannot hang the probe, and it
// fails while the instance drains, so traffic moves elsewhere before shutdown.

/** The outcome of one readiness check. */
export interface ReadinessCheck {
  ok: boolean;
  detail?: string;
}

/** The outcome of all readiness checks: ready only when every one passed. */
export interface ReadinessReport {
  ok: boolean;
  checks: Record<string, ReadinessCheck>;
}

/** Runs the readiness checks. */
export type Readiness = () => Promise<ReadinessReport>;

/** A check passes when it returns (or resolves); it fails when it throws, rejects or outlasts the timeout. */
export type ReadinessProbe = () => Promise<void> | void;

const MAX_DETAIL_CHARS = 200;

function timeout(ms: number): { promise: Promise<never>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

async function runCheck(probe: ReadinessProbe, timeoutMs: number): Promise<ReadinessCheck> {
  const limit = timeout(timeoutMs);
  try {
    // A probe that throws synchronously is a failed check like any other, hence the async wrapper.
    await Promise.race([(async () => probe())(), limit.promise]);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, detail: message.slice(0, MAX_DETAIL_CHARS) };
  } finally {
    limit.cancel();
  }
}

/** Creates the readiness probe: every check runs at once, each within `timeoutMs`; `draining` fails it on shutdown. */
export function createReadiness(options: {
  checks: Record<string, ReadinessProbe>;
  timeoutMs: number;
  /** True once the instance drains for shutdown: it stays alive but must receive no new traffic. */
  draining?: () => boolean;
}): Readiness {
  const entries = Object.entries(options.checks);
  return async () => {
    const results = await Promise.all(
      entries.map(async ([name, probe]) => [name, await runCheck(probe, options.timeoutMs)] as const),
    );
    const checks: Record<string, ReadinessCheck> = Object.fromEntries(results);
    if (options.draining) {
      checks["draining"] = options.draining() ? { ok: false, detail: "shutting down" } : { ok: true };
    }
    return { ok: Object.values(checks).every((c) => c.ok), checks };
  };
}
