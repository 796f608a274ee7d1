// The staff console's HTTP client: JSON calls with the staff token; failures come back as values with the server's message.

/** A call's outcome: the parsed body, or a message fit to show staff. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

/** The console's API port. */
export interface ConsoleApi {
  get<T>(path: string): Promise<ApiResult<T>>;
  post<T>(path: string, body?: unknown): Promise<ApiResult<T>>;
  download(path: string): Promise<ApiResult<{ blob: Blob; filename: string }>>;
}

/** Creates the client for a base URL and a token getter. */
export function createConsoleApi(base: string, getToken: () => string | undefined): ConsoleApi {
  async function call(method: string, path: string, body?: unknown): Promise<Response | string> {
    const token = getToken();
    try {
      return await fetch(`${base}${path}`, {
        method,
        headers: {
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      return "The server could not be reached. Check your connection.";
    }
  }

  async function json<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const res = await call(method, path, body);
    if (typeof res === "string") return { ok: false, status: 0, message: res };
    const parsed = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
    if (!res.ok)
      return { ok: false, status: res.status, message: parsed?.error?.message ?? `Request failed (${res.status}).` };
    return { ok: true, value: parsed as T };
  }

  return {
    get: (path) => json("GET", path),
    post: (path, body) => json("POST", path, body ?? {}),
    async download(path) {
      const res = await call("GET", path);
      if (typeof res === "string") return { ok: false, status: 0, message: res };
      if (!res.ok) {
        const parsed = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        return { ok: false, status: res.status, message: parsed?.error?.message ?? `Request failed (${res.status}).` };
      }
      const disposition = res.headers.get("content-disposition") ?? "";
      const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? "dialogue.yaml";
      return { ok: true, value: { blob: await res.blob(), filename } };
    },
  };
}
