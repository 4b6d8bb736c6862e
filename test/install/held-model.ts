import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A model API that holds every request until released, then answers 400 (no retry): it keeps
 * one of the App's queued jobs running for as long as a test needs.
 */
export async function heldModel() {
  const held: ServerResponse[] = [];
  const waiters: (() => void)[] = [];
  let released = false;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (released) return answer(res);
      held.push(res);
      waiters.splice(0).forEach((w) => w());
    });
  });
  const answer = (res: ServerResponse) =>
    res.writeHead(400, { "content-type": "application/json" }).end(
      JSON.stringify({
        type: "error",
        error: { type: "invalid_request_error", message: "held by the test, then refused" },
      }),
    );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Resolves once a request is being held. */
    received: () =>
      new Promise<void>((resolve) => (held.length ? resolve() : waiters.push(resolve))),
    get released() {
      return released;
    },
    /** Answers what is held (and everything after) with 400. */
    release() {
      released = true;
      held.splice(0).forEach(answer);
    },
    /** Holds again (for the next test). */
    hold() {
      released = false;
    },
    stop: () => {
      held.splice(0).forEach(answer);
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
