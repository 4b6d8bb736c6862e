import { describe, expect, it } from "vitest";
import { renderAcceptance, type ChangeAcceptance } from "../../contracts/gate/acceptance-marker.ts";
import { signerFromPrivateKey } from "../trust/marker-signer.ts";
import { TEST_SIGNER } from "../trust/test-signer.ts";
import { acceptancesInComments } from "./contract-waivers.ts";
import { evaluateGate } from "./evaluate-gate.ts";
import { contracts, inputs, taskInput } from "./test-fixtures.ts";

const SHA = "a".repeat(40);
const accept = (changeId: string, over: Partial<ChangeAcceptance> = {}): ChangeAcceptance => ({
  repo: "acme/api",
  pull: 7,
  changeId,
  by: "wendy",
  sha: SHA,
  reason: "v1 clients are gone",
  ...over,
});
const bot = { __typename: "Bot", login: "havuncore" };

describe("breaking changes accepted on the pull request (/contracts accept)", () => {
  const failed = contracts("FAILURE", {
    openapi: "breaking",
    changes: ["3f9a2b1c7d", "0a1b2c3d4e"],
  });

  it("pass the gate when every breaking change the check names is accepted", () => {
    const r = evaluateGate({
      ...inputs({ checks: [failed] }),
      accepted: [accept("3f9a2b1c7d"), accept("0a1b2c3d4e", { by: "olga" })],
    });
    expect(r.conclusion).toBe("success");
    expect(r.summary).toContain(
      "failed only on breaking changes accepted on this pull request: `3f9a2b1c7d` by `wendy` (v1 clients are gone), `0a1b2c3d4e` by `olga`",
    );
  });

  it("fail while another breaking change is not accepted, naming it and how", () => {
    const r = evaluateGate({ ...inputs({ checks: [failed] }), accepted: [accept("3f9a2b1c7d")] });
    expect(r.conclusion).toBe("failure");
    expect(r.missing[0]!.text).toContain(
      "the breaking change `0a1b2c3d4e` is not accepted (when intended, a person with write access comments `/contracts accept <change id> <reason>` on this pull request)",
    );
  });

  it("never let a broken pact through, nor a check that names no change ids", () => {
    const broken = contracts("FAILURE", {
      openapi: "breaking",
      pacts: "broken",
      changes: ["3f9a2b1c7d"],
    });
    expect(
      evaluateGate({ ...inputs({ checks: [broken] }), accepted: [accept("3f9a2b1c7d")] })
        .conclusion,
    ).toBe("failure");
    const old = contracts("FAILURE", { openapi: "breaking" });
    const r = evaluateGate({ ...inputs({ checks: [old] }), accepted: [accept("3f9a2b1c7d")] });
    expect(r.missing[0]!.text).toContain("the check names no change ids for `payments`");
  });

  it("keep the hub's /breaking declaration working beside them", () => {
    const declared = [{ contract: "payments", by: "wendy", reason: "v2" }];
    const r = evaluateGate({
      ...inputs({ checks: [failed], tasks: [taskInput({ breaking: declared })] }),
      accepted: [],
    });
    expect(r.conclusion).toBe("success");
    expect(r.summary).toContain("the breaking change declared with `/breaking`");
  });
});

describe("reading acceptances from the pull request's comments", () => {
  const pull = { repo: "acme/api", number: 7 };
  const o = { appSlug: "havuncore", signer: TEST_SIGNER };
  const line = renderAcceptance(accept("3f9a2b1c7d"), TEST_SIGNER);

  it("counts the App's signed line for this pull request", () => {
    expect(acceptancesInComments([{ author: bot, body: `✅ accepted\n${line}` }], pull, o)).toEqual(
      [accept("3f9a2b1c7d")],
    );
  });

  it("ignores a person's copy, an edited line, another pull request's line and another key's", () => {
    const person = { __typename: "User", login: "havuncore" };
    expect(acceptancesInComments([{ author: person, body: line }], pull, o)).toEqual([]);
    const edited = line.replace("change=3f9a2b1c7d", "change=0a1b2c3d4e");
    expect(acceptancesInComments([{ author: bot, body: edited }], pull, o)).toEqual([]);
    const otherReason = line.replace(
      /reason=\S+/,
      `reason=${Buffer.from("x").toString("base64url")}`,
    );
    expect(acceptancesInComments([{ author: bot, body: otherReason }], pull, o)).toEqual([]);
    expect(acceptancesInComments([{ author: bot, body: line }], { ...pull, number: 8 }, o)).toEqual(
      [],
    );
    const stranger = signerFromPrivateKey(
      "-----BEGIN PRIVATE KEY-----\nanother app\n-----END PRIVATE KEY-----",
    );
    const forged = renderAcceptance(accept("3f9a2b1c7d"), stranger);
    expect(acceptancesInComments([{ author: bot, body: forged }], pull, o)).toEqual([]);
  });
});
