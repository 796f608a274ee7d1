// Logger port: structured JSON lines. Callers pass already-redacted fields; the server wraps it with PII redaction.

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

/** A JSON-lines logger writing to a sink (stderr by default); `scrub` lets the caller redact every line. */
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
    const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...base, ...fields }, errorReplacer);
    sink(scrub(line));
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
    child: (fields) => createJsonLogger({ ...options, base: { ...base, ...fields } }),
  };
}

/** A logger that drops everything, for tests and tools that print their own output. */
export function createSilentLogger(): Logger {
  const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => silent };
  return silent;
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
