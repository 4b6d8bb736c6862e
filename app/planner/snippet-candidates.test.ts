import { describe, expect, it } from "vitest";
import { fixtureLibrary } from "../../test/snippets/library-fixture.ts";
import { hubConfig } from "../spec/fixtures.ts";
import { plannerUserMessage, type PlannerContext } from "./planner-prompt.ts";
import { CANDIDATES, snippetCandidates } from "./snippet-candidates.ts";

const B = "0123456789abcdef01234567";
const library = fixtureLibrary().snippets;

function ctx(request: string): PlannerContext {
  return {
    request,
    hub: "acme/hub",
    hubIssue: 1,
    config: hubConfig(),
    repos: [{ repo: "acme/api", description: "The API", stack: [], files: [], readmeHead: "" }],
    sealedSecrets: {},
    contracts: [],
    snippets: library,
  };
}

describe("the planner receives snippet candidates", () => {
  it("shows the library's best matches for the request, with descriptions and usage, not every snippet", () => {
    const message = plannerUserMessage(
      ctx("Add installment payments with 3-month and 6-month options"),
      B,
    );
    const section = message.slice(message.indexOf("## Snippet library"));
    expect(section).toContain(
      "- payments/installment-schedule (javascript) — Installment schedule: Splits an amount in cents into monthly installments with due dates; the rounding remainder goes to the first one.",
    );
    expect(section).toContain("usage: Copy to src/installments.js;");
    const listed = [...section.matchAll(/^- ([a-z0-9-]+\/[a-z0-9-]+) \(/gm)].map((m) => m[1]);
    expect(listed.length).toBeLessThanOrEqual(CANDIDATES);
    expect(listed[0]).toBe("payments/installment-schedule");
    expect(listed).not.toContain("devops/dockerfile-node");
    // Library text is data: it sits inside the message's data block for it.
    expect(section).toMatch(
      new RegExp(`<data-${B} source="snippets in the hub's library">\\n- payments/`),
    );
  });

  it("names what a snippet needs: packages and secrets", () => {
    const message = plannerUserMessage(ctx("Let customers pay with Mollie"), B);
    expect(message).toContain("requires mollie/mollie-api-php; reads secrets MOLLIE_API_KEY");
  });

  it("says (none) for a hub without a library", () => {
    const message = plannerUserMessage({ ...ctx("anything"), snippets: [] }, B);
    expect(message).toMatch(
      /## Snippet library[^\n]*\n<data-[0-9a-f]+ source="snippets in the hub's library">\n\(none\)/,
    );
  });

  it("reuses one index per library list and ranks by the request", () => {
    const a = snippetCandidates(library, "send email over smtp", 3).map((s) => s.id);
    const b = snippetCandidates(library, "stripe checkout", 3).map((s) => s.id);
    expect(a[0]).toBe("email/smtp-send");
    expect(b[0]).toBe("payments/stripe-checkout");
    expect(snippetCandidates([], "anything")).toEqual([]);
  });
});
