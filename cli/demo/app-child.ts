/**
 * The demo's App server as a process of its own (`havun demo --restart-app`), so that stopping
 * it is a real SIGKILL: no drain, queued work lost mid-way. Its options come as JSON in
 * HAVUN_DEMO_APP; it resumes open orchestrations at start-up, says when it listens, and answers
 * "idle" questions from the demo over the IPC channel.
 */
import Anthropic from "@anthropic-ai/sdk";
import { startAppServer, type AppServerOptions } from "../../app/server.ts";
import type { ChildAppOptions } from "./demo-app.ts";

const o = JSON.parse(process.env.HAVUN_DEMO_APP ?? "{}") as ChildAppOptions;
const { model, ...rest } = o;
const app = await startAppServer({
  ...(rest as Omit<AppServerOptions, "anthropic">),
  anthropic: new Anthropic(model),
  writeSpacingMs: 0,
  resume: true,
});
process.on("message", (m: { type?: string; id?: number }) => {
  if (m?.type === "idle")
    void app.queue.idle().then(() => process.send?.({ type: "idle", id: m.id }));
});
process.send?.({ type: "ready", url: app.url });
