// Prometheus metrics of one service instance: turns, latency, rails, LLM fallbacks, load and live versions. Each
// instance owns its Registry (never prom-client's global one), so tests and several apps in one process never clash.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { TurnTrace } from "../conversations/turn-trace.js";

/** What a turn ended as, a closed set so the label never grows with the input. */
export type TurnOutcome = "answered" | "refused" | "awaiting_confirmation" | "handoff" | "error";

/** Why a turn fell back from the primary model to the local responder, a closed set (error texts are unbounded). */
export type FallbackReason = "circuit_open" | "timeout" | "malformed_tool_calls" | "empty_answer" | "error";

/** The versions live in this instance, read at every scrape so a reload or a model swap shows at once. */
export interface LiveVersions {
  knowledge?: string;
  /** Model name (router, fraud, credit, llm…) → version. */
  models?: Record<string, string>;
}

/** Current load of the instance, read at every scrape (the drain controller provides it). */
export interface LoadSource {
  readonly turnsInFlight: number;
  readonly openStreams: number;
}

/** The instance's metrics: observe turns here, scrape `registry`. */
export interface ServiceMetrics {
  readonly registry: Registry;
  /** Counts a finished turn from its trace: outcome by route, latency, rails that fired and any fallback. */
  observeTurn(trace: TurnTrace): void;
  /** Counts a turn that failed before it produced a trace (a 5xx answer). */
  observeFailedTurn(): void;
  /** Reads the turns-in-flight and open-stream gauges from `load` at each scrape. */
  watchLoad(load: LoadSource): void;
  /** The exposition text and its content type, for GET /metrics. */
  render(): Promise<{ contentType: string; body: string }>;
}

const PREFIX = "harbor_";
const REFUSALS = new Set<string>([
  "scope_refusal",
  "policy_violation",
  "injection_user",
  "anonymous_data_request",
  "ownership_denied",
]);
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60];

/** The outcome label of a traced turn. */
export function outcomeOf(trace: TurnTrace): Exclude<TurnOutcome, "error"> {
  if (trace.handoffTicketId || trace.intent.route === "handoff") return "handoff";
  if (trace.pendingConfirmation) return "awaiting_confirmation";
  if (trace.guardrails.some((g) => REFUSALS.has(g.type))) return "refused";
  return "answered";
}

/** The reason of the turn's first fallback model call, or undefined when the turn stayed on the primary model. */
export function fallbackReasonOf(trace: TurnTrace): FallbackReason | undefined {
  // Once a turn fell back, its later calls all say "primary model unavailable": only the first call says why.
  const first = trace.modelCalls.find((c) => c.fallback);
  if (!first) return undefined;
  const error = first.error ?? "";
  if (error === "primary model unavailable") return "circuit_open";
  if (error.startsWith("empty answer")) return "empty_answer";
  if (/timed out|timeout/i.test(error)) return "timeout";
  if (/not valid JSON/i.test(error)) return "malformed_tool_calls";
  return "error";
}

/** Creates the metrics of one instance; `instanceId` labels every series, `versions` feeds the info gauges. */
export function createServiceMetrics(options: { instanceId: string; versions?: () => LiveVersions }): ServiceMetrics {
  const registry = new Registry();
  // Not "instance": Prometheus sets that label itself on scrape and would rename ours to exported_instance.
  registry.setDefaultLabels({ instance_id: options.instanceId });
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const turns = new Counter({
    name: `${PREFIX}turns_total`,
    help: "Chat turns by route and outcome.",
    labelNames: ["route", "outcome"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: `${PREFIX}turn_duration_seconds`,
    help: "Chat turn latency by route.",
    labelNames: ["route"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const rails = new Counter({
    name: `${PREFIX}rail_firings_total`,
    help: "Guardrail events recorded in turn traces, by rail.",
    labelNames: ["rail"] as const,
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: `${PREFIX}llm_fallbacks_total`,
    help: "Turns that fell back from the primary model to the local responder, by reason.",
    labelNames: ["reason"] as const,
    registers: [registry],
  });

  let load: LoadSource | undefined;
  new Gauge({
    name: `${PREFIX}turns_in_flight`,
    help: "Chat turns being answered right now.",
    registers: [registry],
    collect() {
      this.set(load?.turnsInFlight ?? 0);
    },
  });
  new Gauge({
    name: `${PREFIX}sse_connections_open`,
    help: "Live event streams held open right now.",
    registers: [registry],
    collect() {
      this.set(load?.openStreams ?? 0);
    },
  });

  // Info gauges: one series per live version, value 1; the series of a replaced version is removed, not left at 1.
  let knowledgeShown: string | undefined;
  new Gauge({
    name: `${PREFIX}knowledge_index_info`,
    help: "The knowledge index version this instance serves (value 1).",
    labelNames: ["version"] as const,
    registers: [registry],
    collect() {
      const version = options.versions?.().knowledge;
      if (version === knowledgeShown) return;
      if (knowledgeShown !== undefined) this.remove({ version: knowledgeShown });
      if (version !== undefined) this.set({ version }, 1);
      knowledgeShown = version;
    },
  });
  const modelsShown = new Map<string, string>();
  new Gauge({
    name: `${PREFIX}model_info`,
    help: "The model versions this instance serves (value 1).",
    labelNames: ["model", "version"] as const,
    registers: [registry],
    collect() {
      const models = options.versions?.().models ?? {};
      for (const [model, version] of modelsShown) {
        if (models[model] === version) continue;
        this.remove({ model, version });
        modelsShown.delete(model);
      }
      for (const [model, version] of Object.entries(models)) {
        if (modelsShown.get(model) === version) continue;
        this.set({ model, version }, 1);
        modelsShown.set(model, version);
      }
    },
  });

  return {
    registry,
    observeTurn(trace) {
      const route = trace.intent.route;
      turns.inc({ route, outcome: outcomeOf(trace) });
      latency.observe({ route }, trace.latencyMs.total / 1000);
      for (const g of trace.guardrails) rails.inc({ rail: g.type });
      const reason = fallbackReasonOf(trace);
      if (reason) fallbacks.inc({ reason });
    },
    observeFailedTurn() {
      turns.inc({ route: "unknown", outcome: "error" });
    },
    watchLoad(source) {
      load = source;
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/**
 * Wraps a store so every saved turn trace is also observed. `saveTrace` is the one place every turn's trace passes
 * (agent turns and turns while a person handles the conversation), so metrics need no hook in the chat service.
 */
export function observeSavedTraces<S extends { saveTrace(trace: TurnTrace): void }>(
  store: S,
  observe: (trace: TurnTrace) => void,
): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== "saveTrace") return Reflect.get(target, property, receiver) as unknown;
      return (trace: TurnTrace): void => {
        target.saveTrace(trace);
        observe(trace);
      };
    },
  });
}
