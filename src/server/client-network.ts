// The network an anonymous caller comes from, as a rate-limit key: the IPv4 address, or the IPv6 /64 prefix, since
// one subscriber is routinely handed a whole /64 and could otherwise rotate addresses to dodge a per-address budget.
// The address is req.ip, which follows X-Forwarded-For only from proxies listed in TRUST_PROXY (none by default).
import { isIPv4, isIPv6 } from "node:net";

const MAPPED_V4_PREFIX = "::ffff:";

function expandIPv6(address: string): string[] | undefined {
  const zoneless = address.split("%")[0] ?? "";
  const halves = zoneless.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  return [...head, ...Array.from({ length: missing }, () => "0"), ...tail].map((h) => h.toLowerCase().padStart(4, "0"));
}

/** A stable key for a client address: `ip4:a.b.c.d`, `ip6:xxxx:xxxx:xxxx:xxxx::/64`, or `ip:unknown`. */
export function networkKeyOf(address: string | undefined): string {
  if (!address) return "ip:unknown";
  const lower = address.toLowerCase();
  if (lower.startsWith(MAPPED_V4_PREFIX) && isIPv4(lower.slice(MAPPED_V4_PREFIX.length)))
    return `ip4:${lower.slice(MAPPED_V4_PREFIX.length)}`;
  if (isIPv4(address)) return `ip4:${address}`;
  if (isIPv6(address)) {
    const groups = expandIPv6(address);
    if (groups) return `ip6:${groups.slice(0, 4).join(":")}::/64`;
  }
  return `ip:${address.slice(0, 64)}`;
}

/** The network key of the socket peer itself, ignoring X-Forwarded-For even from trusted proxies. */
export function socketNetworkKeyOf(req: { socket: { remoteAddress?: string | undefined } }): string {
  return networkKeyOf(req.socket.remoteAddress);
}
