// Logger port: structured JSON lines. The server passes a PII redactor, applied to each string value before
// serialising, so numbers, keys and the JSON structure are never touched and every line stays valid JSON. A log
// context (the request's trace id…) follows the async flow, so every line written while handling one request
// carries its id without any module passing it along.
import { AsyncLocalStorage } from "node:async_hooks";

/** Structured fields attached to a log line. */
export type LogFields = Record<string, unknown>;

/** The logging port every module receives through its factory. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

/** Log levels in increasing severity. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

const logContext = new AsyncLocalStorage<LogFields>();

/** Runs `fn` with `fields` added to every log line written during it (and everything it awaits or schedules). */
export function runWithLogContext<T>(fields: LogFields, fn: () => T): T {
  // A nested context keeps the outer fields (a turn inside a request keeps the request's id).
  return logContext.run({ ...logContext.getStore(), ...fields }, fn);
}

/** The fields of the current log context (empty outside any). */
export function currentLogContext(): LogFields {
  return logContext.getStore() ?? {};
}

/** A JSON-lines logger writing to a sink (stderr by default); `scrub` redacts every string value (never keys or numbers). */
export function createJsonLogger(options: {
  level: LogLevel;
  sink?: (line: string) => void;
  scrub?: (text: string) => string;
  base?: LogFields;
}): Logger {
  const sink = options.sink ?? ((line: string) => process.stderr.write(line + "\n"));
  const scrub = options.scrub ?? ((text: string) => text);
  const min = RANK[options.level];
  const base = options.base ?? {};
  const write = (level: Exclude<LogLevel, "silent">, msg: string, fields?: LogFields): void => {
    if (RANK[level] < min) return;
    // Explicit fields win over the context: a turn's own traceId names that turn, the context's names the request.
    const context = logContext.getStore();
    sink(renderLogLine({ t: new Date().toISOString(), level, msg, ...context, ...base, ...fields }, scrub));
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
    child: (fields) => createJsonLogger({ ...options, base: { ...base, ...fields } }),
  };
}

/** Serialises one log record as a single JSON line, passing every string value (at any depth) through `scrub`. */
export function renderLogLine(record: LogFields, scrub: (text: string) => string): string {
  const replacer = (_key: string, value: unknown): unknown => {
    if (typeof value === "string") return scrub(value);
    if (typeof value === "bigint") return value.toString();
    if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
    return value;
  };
  try {
    return JSON.stringify(record, replacer);
  } catch (cause) {
    // A circular field must not lose the line or throw into the caller: keep the level and message, note the fault.
    const reason = cause instanceof Error ? cause.message : String(cause);
    return JSON.stringify(
      { t: record["t"], level: record["level"], msg: record["msg"], logFieldsError: reason },
      replacer,
    );
  }
}

/** A logger that drops everything, for tests and tools that print their own output. */
export function createSilentLogger(): Logger {
  const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => silent };
  return silent;
}
