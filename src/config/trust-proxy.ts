// Which reverse proxies may tell us the client's address (X-Forwarded-For). Rate limits and SSE caps key anonymous
// callers by that address, so by default no proxy is trusted and the client is the socket peer.
import { isIP } from "node:net";

/** Express's "trust proxy" value: false (trust none), a hop count, or addresses/CIDRs/named ranges; true trusts all. */
export type TrustProxySetting = boolean | number | string[];

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);
const MAX_HOPS = 10;

function isAddressOrRange(item: string): boolean {
  if (NAMED_RANGES.has(item)) return true;
  const [address = "", prefix, ...rest] = item.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Parses TRUST_PROXY; unset, "false" or "0" trust no proxy, and `true` (every client is a proxy) is refused in production. */
export function parseTrustProxy(
  raw: string | undefined,
  nodeEnv: string,
): { value: TrustProxySetting; problems: string[] } {
  const text = raw?.trim().toLowerCase() ?? "";
  if (text === "" || text === "false" || text === "0") return { value: false, problems: [] };
  if (text === "true") {
    return nodeEnv === "production"
      ? {
          value: false,
          problems: [
            "TRUST_PROXY: `true` believes X-Forwarded-For from any client; list the proxy addresses or give a hop count",
          ],
        }
      : { value: true, problems: [] };
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= MAX_HOPS
      ? { value: hops, problems: [] }
      : { value: false, problems: [`TRUST_PROXY: a hop count must be 1-${MAX_HOPS}`] };
  }
  const items = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((item) => !isAddressOrRange(item));
  if (bad.length > 0) {
    return {
      value: false,
      problems: bad.map(
        (item) => `TRUST_PROXY: "${item}" is not an IP address, a CIDR range, loopback, linklocal or uniquelocal`,
      ),
    };
  }
  return { value: items, problems: [] };
}
