// Recognises addresses that only this machine can reach; demo mode listens on, and serves demo tokens to, these only.

/** Whether a host name or IP address (optionally bracketed IPv6, optionally IPv4-mapped) is a loopback address. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/^::ffff:/, "");
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
