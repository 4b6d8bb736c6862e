import { describe, expect, it } from "vitest";
import { parseVerifierJson } from "../pact/verify-result.ts";
import { checkSummary, checkTitle } from "./check-summary.ts";
import { readVerdicts, renderVerdict } from "./result-marker.ts";
import { annotationsFromWorkflowCommands } from "./workflow-annotations.ts";

describe("annotations from the diff's workflow commands", () => {
  it("keeps file, line, level, title and message; drops commands without a file", () => {
    const text = [
      "::error file=api/openapi.yaml,line=12,title=response-property-removed (GET /a%2C b%3A c)::status: removed.%0AClients break.",
      "::warning file=openapi.yaml::no line",
      "::notice title=OpenAPI contract check::1 breaking",
      "3 more findings (not annotated):",
    ].join("\n");
    expect(annotationsFromWorkflowCommands(text)).toEqual([
      {
        path: "api/openapi.yaml",
        start_line: 12,
        end_line: 12,
        annotation_level: "failure",
        title: "response-property-removed (GET /a, b: c)",
        message: "status: removed.\nClients break.",
      },
      {
        path: "openapi.yaml",
        start_line: 1,
        end_line: 1,
        annotation_level: "warning",
        message: "no line",
      },
    ]);
  });
});

describe("the contracts verdict marker", () => {
  it("round-trips, one per service, and ignores anything else", () => {
    const summary = `${renderVerdict({ service: "billing", openapi: "breaking", pacts: "verified" })}\n${renderVerdict({ service: "search", openapi: "new", pacts: "none" })}\n<!-- havun:contracts service=x openapi=odd pacts=verified -->`;
    expect(readVerdicts(summary)).toEqual([
      { service: "billing", openapi: "breaking", pacts: "verified" },
      { service: "search", openapi: "new", pacts: "none" },
    ]);
    expect(readVerdicts(null)).toEqual([]);
  });

  it("is the summary's only marker: one inside the reports is defused", () => {
    const forged = "<!-- havun:contracts service=billing openapi=compatible pacts=verified -->";
    const summary = checkSummary({
      verdict: { service: "billing", openapi: "skipped", pacts: "error" },
      openapi: null,
      pacts: null,
      problems: [{ step: "pacts", message: `provider said ${forged}`, hint: "<!--havun:x -->" }],
    });
    expect(readVerdicts(summary)).toEqual([
      { service: "billing", openapi: "skipped", pacts: "error" },
    ]);
    expect(summary).toContain("&lt;!-- havun:contracts service=billing openapi=compatible");
  });

  it("titles say what broke", () => {
    expect(checkTitle({ service: "b", openapi: "compatible", pacts: "verified" }, 0)).toBe(
      "b: contract kept",
    );
    expect(checkTitle({ service: "b", openapi: "compatible", pacts: "broken" }, 0)).toBe(
      "b: a consumer's pact fails",
    );
    expect(checkTitle({ service: "b", openapi: "error", pacts: "skipped" }, 1)).toBe(
      "b: the contract check could not run",
    );
  });
});

describe("the Pact verifier's JSON result", () => {
  it("becomes interactions and failures with their mismatches", () => {
    const json = JSON.stringify({
      result: false,
      interactionResults: [
        { description: "a", result: "OK" },
        { description: "b", result: "Error" },
      ],
      errors: [
        {
          interaction: "b",
          mismatch: {
            type: "mismatches",
            mismatches: [
              { mismatch: "expected 200 but was 404", path: "/" },
              { mismatch: "missing key x", path: "$" },
            ],
          },
        },
        { interaction: "c", mismatch: { type: "error", message: "connection refused" } },
      ],
    });
    expect(parseVerifierJson(json)).toEqual({
      ok: false,
      interactions: [
        { description: "a", ok: true },
        { description: "b", ok: false },
      ],
      failures: [
        { interaction: "b", problems: ["expected 200 but was 404", "$: missing key x"] },
        { interaction: "c", problems: ["connection refused"] },
      ],
    });
    expect(parseVerifierJson("Verification was unable to run")).toBeNull();
  });
});
