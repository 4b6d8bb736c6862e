import { describe, expect, it } from "vitest";
import { signerFromPrivateKey } from "../trust/marker-signer.ts";
import { TEST_SIGNER } from "../trust/test-signer.ts";
import { plannerCostMarker, readPlannerCosts, renderPlannerCost } from "./planner-cost.ts";
import { generateKeyPairSync } from "node:crypto";

const cost = { key: "plan-issue", usd: 0.1234, inputTokens: 1200, outputTokens: 800 };

describe("the planner's signed cost", () => {
  it("reads back what the App signed for this hub issue, once per planning", () => {
    const m = renderPlannerCost("Acme/Hub#7", cost, TEST_SIGNER);
    expect(readPlannerCosts([m, `again ${m}`], "acme/hub#7", TEST_SIGNER)).toEqual([cost]);
  });

  it("ignores a copy on another issue, an edited figure and another key's signature", () => {
    const m = renderPlannerCost("acme/hub#7", cost, TEST_SIGNER);
    expect(readPlannerCosts([m], "acme/hub#8", TEST_SIGNER)).toEqual([]);
    expect(
      readPlannerCosts([m.replace("usd=0.1234", "usd=0.0001")], "acme/hub#7", TEST_SIGNER),
    ).toEqual([]);
    const other = signerFromPrivateKey(
      generateKeyPairSync("rsa", { modulusLength: 2048 })
        .privateKey.export({ type: "pkcs1", format: "pem" })
        .toString(),
    );
    expect(readPlannerCosts([m], "acme/hub#7", other)).toEqual([]);
  });

  it("prices a planning's usage and counts cached input among its tokens", () => {
    const m = plannerCostMarker({
      hub: "acme/hub",
      number: 7,
      key: "replan-12",
      usage: { inputTokens: 1000, outputTokens: 1000, cacheReadTokens: 1000, cacheWriteTokens: 0 },
      price: { input: 3, output: 15 },
      signer: TEST_SIGNER,
    });
    expect(readPlannerCosts([m], "acme/hub#7", TEST_SIGNER)).toEqual([
      { key: "replan-12", usd: 0.0183, inputTokens: 2000, outputTokens: 1000 },
    ]);
  });
});
