// A reference to a live model that can be replaced while the service runs (a champion promoted on another
// instance arrives through the artefact store). Callers read `get()` once per request, so a request started
// before a swap finishes on the model it began with and the next request sees the new one.

/** A value replaced atomically, with the version label of what it holds. */
export interface Swappable<T> {
  /** The value to use for this request. */
  get(): T;
  /** Replaces the value (one assignment: readers see the old or the new one, never a mix). */
  set(value: T, version: string): void;
  /** Label of the current value (e.g. the registry version), for /healthz. */
  readonly version: string;
  /** How many times the value was replaced. */
  readonly swaps: number;
}

/** Wraps an initial value and its version label. */
export function createSwappable<T>(initial: T, version: string): Swappable<T> {
  let current = { value: initial, version };
  let swaps = 0;
  return {
    get: () => current.value,
    set: (value, nextVersion) => {
      current = { value, version: nextVersion };
      swaps++;
    },
    get version() {
      return current.version;
    },
    get swaps() {
      return swaps;
    },
  };
}
