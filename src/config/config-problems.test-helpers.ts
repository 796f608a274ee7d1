// Test helper for config tests: the problems loadConfig reports for an environment, or none when it loads.
import { ConfigError, loadConfig } from "./load-config.js";

/** Every problem `loadConfig(env)` names, or an empty list when the environment is valid. */
export function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}
