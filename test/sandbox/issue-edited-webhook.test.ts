import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewaySandbox } from "../../app/gateway/write-test-fixture.ts";

let g: Awaited<ReturnType<typeof gatewaySandbox>>;
let receiver: Server;
beforeAll(async () => {
  g = await gatewaySandbox();
  // Deliveries are made (and checked against GitHub's webhook schemas) for an App with a URL.
  receiver = createServer((req, res) => req.resume().on("end", () => res.writeHead(200).end()));
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
  g.sb.seeded.apps.havuncore!.app.webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await g.sb.stop();
  receiver.close();
});

describe("issues.edited", () => {
  it("gives an issue that had no body an empty `changes.body.from`, a string as the schemas say", async () => {
    const made = await g.alice.issues.create({ owner: "acme", repo: "api", title: "No body" });
    expect(made.data.body).toBeNull();
    const from = g.sb.core.store.state.deliveries.length;
    await g.alice.issues.update({
      owner: "acme",
      repo: "api",
      issue_number: made.data.number,
      body: "now one",
    });
    const edited = g.sb.core.store.state.deliveries
      .slice(from)
      .find((d) => d.event === "issues" && d.action === "edited");
    const payload = edited?.payload as { changes?: { body?: { from?: unknown } } };
    expect(payload.changes?.body?.from).toBe("");
  });
});
