import Anthropic from "@anthropic-ai/sdk";
import { startAppServer, type AppServer } from "../../app/server.ts";
import type { Harness } from "./harness.ts";

/**
 * The App restarted (resume on) against the harness's sandbox: the new server takes over the
 * webhooks. `stop` stops every server started here.
 */
export function restarts(h: Harness) {
  const started: AppServer[] = [];
  const registered = () => h.sb.seeded.apps.havuncore!.app;
  return {
    /** Webhooks go nowhere: the App is down. */
    down() {
      registered().webhookUrl = null;
    },
    async restart(): Promise<AppServer> {
      const r = registered();
      const app = await startAppServer({
        appId: r.id,
        privateKey: r.privateKeyPem,
        webhookSecret: r.webhookSecret,
        baseUrl: h.sb.apiUrl,
        anthropic: new Anthropic({ apiKey: "sk-ant-test", baseURL: `${h.sb.serverUrl}/anthropic` }),
        logLevel: "fatal",
        writeSpacingMs: 0,
        resume: true,
      });
      started.push(app);
      r.webhookUrl = app.webhookUrl;
      return app;
    },
    /** Waits until the sandbox's webhooks and this App's queue have settled. */
    async settle(app: AppServer): Promise<void> {
      for (let i = 0; i < 50; i++) {
        const before = h.sb.core.store.state.deliveries.length;
        await h.sb.webhooks.idle();
        await app.queue.idle();
        await h.sb.webhooks.idle();
        if (h.sb.core.store.state.deliveries.length === before) return;
      }
      throw new Error("the restarted App and the sandbox did not settle");
    },
    async stop(): Promise<void> {
      for (const a of started) await a.stop();
    },
  };
}
