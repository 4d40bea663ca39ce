import type http from "node:http";

/** How long a stopping server lets the requests in flight finish before it cuts them. */
export const GRACEFUL_CLOSE_MS = 10_000;

/**
 * A graceful close for an HTTP server, to be set up as soon as the server is made: it follows
 * every request, so that closing can
 *  - stop accepting connections at once (the listening socket closes, idle keep-alive ones too);
 *  - let the requests in flight finish, each one's connection closed after its answer
 *    (`Connection: close`, also for a request that arrives meanwhile on a connection still open:
 *    a keep-alive client is otherwise served for as long as it keeps asking, and Node's own
 *    `server.close()` waits for it);
 *  - cut what is still running after `timeoutMs`.
 * A write that has committed gets its answer; one not yet received is never started.
 */
export function gracefulClose(server: http.Server): (timeoutMs?: number) => Promise<void> {
  const inFlight = new Set<http.ServerResponse>();
  let closing = false;
  let drained: () => void = () => {};

  // First, before the server's own handler can answer (a cached page is sent synchronously).
  server.prependListener("request", (_request: http.IncomingMessage, response: http.ServerResponse) => {
    inFlight.add(response);
    if (closing) response.shouldKeepAlive = false;
    response.once("close", () => {
      inFlight.delete(response);
      if (!closing) return;
      // Its connection may have been kept alive (answered before the close began): now idle, it goes.
      server.closeIdleConnections();
      if (inFlight.size === 0) drained();
    });
  });

  return async (timeoutMs = GRACEFUL_CLOSE_MS) => {
    if (closing) return;
    closing = true;
    for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    if (inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (drained = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    }
    server.closeAllConnections();
    await closed;
  };
}
