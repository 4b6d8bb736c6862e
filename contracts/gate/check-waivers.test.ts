import { describe, expect, it } from "vitest";
import { TEST_SIGNER } from "../../app/trust/test-signer.ts";
import { tempRepo } from "../openapi/test/fixtures.ts";
import { renderAcceptance, type ChangeAcceptance } from "./acceptance-marker.ts";
import { runContractCheck } from "./contract-check.ts";
import { acceptedOnPull } from "./fetch-acceptances.ts";
import { parseResultFile } from "./result-file.ts";
import { resultFileOf } from "./result-file-write.ts";
import { readVerdicts } from "./result-marker.ts";

/** Billing: GET /invoices/{id} returns an invoice whose status is open or paid. */
const billing = (status: string[], deleteOp = true) => ({
  openapi: "3.0.3",
  info: { title: "billing", version: "1" },
  paths: {
    "/invoices/{id}": {
      get: {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["id"],
                  properties: { id: { type: "integer" }, status: { type: "string", enum: status } },
                },
              },
            },
          },
        },
      },
      ...(deleteOp ? { delete: { responses: { "204": { description: "gone" } } } } : {}),
    },
  },
});

const repo = tempRepo(
  { "openapi.json": billing(["open", "paid"]) },
  { "openapi.json": billing(["open", "paid", "void"], false) },
);
const check = (accepted: ChangeAcceptance[] = []) =>
  runContractCheck({
    service: "billing",
    cwd: repo,
    openapi: { path: "openapi.json", base: "HEAD~1", head: "HEAD" },
    accepted,
  });
const accept = (changeId: string): ChangeAcceptance => ({
  repo: "acme/billing",
  pull: 4,
  changeId,
  by: "wendy",
  sha: "b".repeat(40),
  reason: "void invoices ship with v2 of the portal",
});

describe("breaking changes accepted on the pull request, in the contracts check", () => {
  it("fails while one is not accepted; the verdict names the change ids still open", async () => {
    const r = await check();
    expect(r.conclusion).toBe("failure");
    const ids = [...new Set(r.openapi!.breaking.map((f) => f.changeId))];
    expect(ids).toHaveLength(2);
    expect(readVerdicts(r.summary)).toEqual([
      { service: "billing", openapi: "breaking", pacts: "skipped", changes: ids },
    ]);
    expect(r.summary).toContain("`/contracts accept <change id> <reason>`");
    const partly = await check([accept(ids[0]!)]);
    expect(partly.conclusion).toBe("failure");
    expect(readVerdicts(partly.summary)[0]?.changes).toEqual([ids[1]]);
  });

  it("passes when every breaking change is accepted, saying who, why and at which commit", async () => {
    const ids = [...new Set((await check()).openapi!.breaking.map((f) => f.changeId))];
    const r = await check(ids.map(accept));
    expect(r.conclusion).toBe("success");
    expect(r.verdict).toEqual({ service: "billing", openapi: "accepted", pacts: "skipped" });
    expect(r.title).toBe("billing: breaking OpenAPI changes accepted on the pull request");
    expect(r.summary).toContain("### Accepted breaking changes");
    expect(r.summary).toContain(
      `- \`${ids[0]}\` accepted by @wendy at bbbbbbb: void invoices ship with v2 of the portal`,
    );
    // The result file holds the same, and validates.
    expect(parseResultFile(resultFileOf(r)).ok).toBe(true);
  });

  it("an acceptance of a change this diff does not have changes nothing", async () => {
    const r = await check([accept("ffffffffff")]);
    expect(r.verdict.openapi).toBe("breaking");
    expect(r.summary).not.toContain("### Accepted breaking changes");
  });
});

describe("reading acceptances from the pull request's comments", () => {
  const o = { repo: "acme/billing", pull: 4, appSlug: "havuncore", signer: TEST_SIGNER };
  const line = renderAcceptance(accept("3f9a2b1c7d"), TEST_SIGNER);

  it("takes the signed lines of the App's bot only", async () => {
    const comments = [
      { body: `accepted\n${line}`, user: { login: "havuncore[bot]", type: "Bot" } },
      { body: line, user: { login: "mallory", type: "User" } },
      { body: line.replace("pull=4", "pull=5"), user: { login: "havuncore[bot]", type: "Bot" } },
    ];
    expect(await acceptedOnPull(async () => comments, o)).toEqual([accept("3f9a2b1c7d")]);
  });
});

describe("havun contracts check --pull", () => {
  it("says what it needs when the App's key or slug is missing", async () => {
    const { acceptedChanges } = await import("../../cli/commands/contracts-accepted.ts");
    const saved = { ...process.env };
    try {
      delete process.env.HAVUN_APP_PRIVATE_KEY;
      await expect(acceptedChanges({ pull: "4" })).rejects.toThrow(
        /give the job the App's private key as HAVUN_APP_PRIVATE_KEY/,
      );
      process.env.HAVUN_APP_PRIVATE_KEY =
        "-----BEGIN PRIVATE KEY-----\nk\n-----END PRIVATE KEY-----";
      delete process.env.HAVUN_APP_SLUG;
      await expect(acceptedChanges({ pull: "4" })).rejects.toThrow(/--app-slug/);
      await expect(acceptedChanges({ pull: "four" })).rejects.toThrow(/--pull must be/);
      expect(await acceptedChanges({})).toEqual([]);
    } finally {
      process.env = saved;
    }
  });
});
