import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A webhook channel like smee.io's, on this machine (the real service is outside what the
 * sandbox reaches): `POST /channel` takes a webhook and relays it as one SSE message
 * (`{ ...headers, body, timestamp }`) to every client of `GET /channel`, which first gets
 * `event: ready`.
 */
export async function sseChannel() {
  const clients: ServerResponse[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    if (req.url !== "/channel") return void res.writeHead(404).end();
    if (req.method === "GET") {
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      res.write("event: ready\ndata: {}\n\n");
      clients.push(res);
      waiters.splice(0).forEach((w) => w());
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const message = {
        ...req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
        timestamp: Date.now(),
      };
      for (const c of clients) c.write(`data: ${JSON.stringify(message)}\n\n`);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/channel`,
    /** Resolves once a client listens. */
    connected: () =>
      new Promise<void>((resolve) => (clients.length ? resolve() : waiters.push(resolve))),
    stop() {
      for (const c of clients) c.end();
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
