import { createServer, type Server } from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { applyConnectionLimits } from "./connection-limits.js";

let server: Server | undefined;
afterEach(
  () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

function listen(s: Server): Promise<number> {
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as net.AddressInfo).port)));
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => resolve(socket));
    socket.on("error", reject);
  });
}

function closed(socket: net.Socket, withinMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), withinMs);
    // A socket only reports its close once what the server sent (a 408, say) has been read.
    socket.resume();
    socket.once("close", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe("connection limits", () => {
  it("closes connections past the cap while the first ones stay open", async () => {
    server = createServer((_req, res) => res.end("ok"));
    applyConnectionLimits(server, { maxConnections: 2, requestTimeoutMs: 30_000 });
    const port = await listen(server);
    const first = await connect(port);
    const second = await connect(port);
    const third = await connect(port);
    expect(await closed(third, 2000)).toBe(true);
    expect(first.destroyed || second.destroyed).toBe(false);
    first.destroy();
    second.destroy();
  });

  it("cuts off a client that never finishes sending its headers", async () => {
    // Node enforces the deadlines on a periodic sweep (every 30 s by default); sweep often so the test is quick.
    server = createServer({ connectionsCheckingInterval: 100 }, (_req, res) => res.end("ok"));
    applyConnectionLimits(server, { maxConnections: 10, requestTimeoutMs: 1000 });
    const port = await listen(server);
    const slow = await connect(port);
    slow.write("GET / HTTP/1.1\r\nHost: x\r\n");
    expect(await closed(slow, 3000)).toBe(true);
  });
});
