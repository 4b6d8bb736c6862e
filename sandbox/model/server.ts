import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createModelApi, type ModelApi, type ModelApiOptions } from "./model-api.ts";
import { ModelApiError, requestId } from "./errors.ts";
import { sendError } from "./respond.ts";

export interface ModelServerOptions extends ModelApiOptions {
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface ModelServer extends ModelApi {
  /** The value for ANTHROPIC_BASE_URL (or the SDK's `baseURL`). */
  baseUrl: string;
  port: number;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The scripted model API alone on 127.0.0.1 (prefix "" by default: baseUrl is the server). */
export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const api = createModelApi({ ...options, prefix: options.prefix ?? "" });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://model.local");
    readBody(req)
      .then(async (body) => {
        if (!(await api.route(req, res, url, body)))
          sendError(res, new ModelApiError(404, `Not Found: ${url.pathname}`), requestId());
      })
      .catch((err: unknown) =>
        sendError(res, new ModelApiError(500, (err as Error).message), requestId()),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return Object.assign(api, {
    baseUrl: `http://127.0.0.1:${port}${api.prefix}`,
    port,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
