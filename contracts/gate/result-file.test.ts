import { describe, expect, it } from "vitest";
import { parseResultFile, RESULT_LIMITS } from "./result-file.ts";
import { resultFileOf } from "./result-file-write.ts";
import { checkResult, HEAD, pactResultFile, verifyReport } from "./result-fixtures.ts";

const reason = (data: unknown) => {
  const r = parseResultFile(data);
  return r.ok ? "valid" : r.reason;
};

describe("the contracts result file", () => {
  it("is what a check writes, and reads back as written", () => {
    const file = resultFileOf(checkResult(), HEAD);
    expect(file).toMatchObject({
      version: 1,
      service: "billing",
      headSha: HEAD,
      conclusion: "success",
      verdict: { service: "billing", openapi: "compatible", pacts: "verified" },
      openapi: { status: "compatible", findings: [{ id: "response-property-added" }] },
      pacts: { ok: true, pacts: [{ consumer: "web", ok: true }] },
    });
    expect(parseResultFile(JSON.parse(JSON.stringify(file)))).toEqual({ ok: true, file });
  });

  it("clips what is longer than its limits, so the writer's file is always valid", () => {
    const long = "x".repeat(RESULT_LIMITS.text * 3);
    const report = verifyReport(false);
    report.pacts[0]!.failures[0]!.problems = [long];
    const file = resultFileOf(
      checkResult({
        verdict: { service: "billing", openapi: "skipped", pacts: "broken" },
        conclusion: "failure",
        openapi: null,
        pacts: report,
      }),
    );
    const problem = file.pacts!.pacts[0]!.failures[0]!.problems[0]!;
    expect(problem).toHaveLength(RESULT_LIMITS.text);
    expect(problem.endsWith("…")).toBe(true);
    expect(file.headSha).toBeUndefined();
  });

  it("refuses other shapes: unknown fields, other versions, oversized or missing parts", () => {
    expect(reason(pactResultFile())).toBe("valid");
    expect(reason({ ...pactResultFile(), trusted: true })).toMatch(/Unrecognized key.*trusted/);
    expect(reason({ ...pactResultFile(), version: 2 })).toMatch(/^version: /);
    expect(reason({ ...pactResultFile(), headSha: "abc123" })).toMatch(
      /^headSha: .*a full commit sha/,
    );
    const { pacts: _gone, ...noPacts } = pactResultFile();
    expect(reason(noPacts)).toMatch(/^pacts: /);
    const many = verifyReport();
    many.pacts = Array.from({ length: RESULT_LIMITS.list + 1 }, () => verifyReport().pacts[0]!);
    expect(reason(pactResultFile({ pacts: many }))).toMatch(/^pacts\.pacts: /);
    expect(reason("all good")).not.toBe("valid");
    expect(reason(null)).not.toBe("valid");
  });

  it("refuses a file that contradicts itself", () => {
    // "verified" needs at least one pact, every one of them ok.
    expect(reason(pactResultFile({ pacts: verifyReport(false) }))).toMatch(
      /verdict.pacts=verified needs at least one pact/,
    );
    expect(reason(pactResultFile({ pacts: { ...verifyReport(), pacts: [] } }))).toMatch(
      /at least one pact/,
    );
    expect(reason(pactResultFile({ pacts: { ...verifyReport(false), ok: true } }))).toMatch(
      /pacts.ok does not match its pacts/,
    );
    // A passing conclusion over a breaking change or a broken pact.
    expect(
      reason(
        pactResultFile({
          verdict: { service: "billing", openapi: "skipped", pacts: "broken" },
          pacts: verifyReport(false),
        }),
      ),
    ).toMatch(/conclusion success does not follow/);
    // "error" without the problem that says why, and a report where none ran.
    expect(
      reason(
        pactResultFile({
          verdict: { service: "billing", openapi: "skipped", pacts: "error" },
          pacts: null,
          conclusion: "failure",
        }),
      ),
    ).toMatch(/verdict.pacts is error exactly when a problem has step pacts/);
    expect(
      reason(
        pactResultFile({ verdict: { service: "billing", openapi: "skipped", pacts: "none" } }),
      ),
    ).toMatch(/pacts does not match verdict.pacts=none/);
    expect(
      reason(
        pactResultFile({ verdict: { service: "search", openapi: "skipped", pacts: "verified" } }),
      ),
    ).toMatch(/verdict.service search is not billing/);
  });
});
