// Node rejects some requests before Express sees them (headers too large, a malformed request line) and answers with
// an empty body; this answers them in the API's JSON error shape instead, so no client ever gets a bare error.
import type { Server } from "node:http";
import type { Duplex } from "node:stream";

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  408: "Request Timeout",
  431: "Request Header Fields Too Large",
};

function statusOf(code: string | undefined): number {
  if (code === "HPE_HEADER_OVERFLOW") return 431;
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  return 400;
}

/** Makes `server` answer protocol-level client errors with a JSON body, then close the connection. */
export function answerClientErrorsWithJson(server: Server): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A reset or half-open socket has nobody left to read an answer.
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = statusOf(error.code);
    const message =
      status === 431
        ? "The request headers are too large."
        : status === 408
          ? "The request took too long to arrive."
          : "The request is not valid HTTP.";
    const body = JSON.stringify({ error: { code: "bad_request", message } });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Bad Request"}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
