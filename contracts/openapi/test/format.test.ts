import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { diffSpecs } from "../diff.ts";
import type { Finding } from "../finding.ts";
import { formatFindings } from "../format/index.ts";
import { formatMarkdown } from "../format/markdown.ts";
import { loadSpecText, type LoadedSpec } from "../load.ts";
import { petStore } from "./fixtures.ts";

async function pair(format: "yaml" | "json"): Promise<[LoadedSpec, LoadedSpec, Finding[]]> {
  const text = (v: 1 | 2) =>
    format === "json" ? JSON.stringify(petStore(v), null, 2) : stringify(petStore(v));
  const base = await loadSpecText(text(1), {
    label: "main:api/openapi.yaml",
    file: "api/openapi.yaml",
  });
  const head = await loadSpecText(text(2), { label: "api/openapi.yaml", file: "api/openapi.yaml" });
  return [base, head, diffSpecs(base, head)];
}

describe("formats", () => {
  it("text: a summary line and one block per finding", async () => {
    const [base, head, findings] = await pair("yaml");
    const out = formatFindings(findings, "text", base, head);
    expect(out.split("\n")[0]).toBe(
      "main:api/openapi.yaml → api/openapi.yaml: 1 breaking (ERR), 0 possibly breaking (WARN), 1 compatible (INFO) across 1 operation",
    );
    const id = findings[0]?.changeId ?? "";
    expect(id).toMatch(/^[0-9a-f]{10}$/);
    expect(out).toContain(`ERR  response-enum-value-added [${id}]  GET /pets/{id}`);
    expect(out).toContain("at head /components/schemas/Pet/properties/status/enum");
  });

  it("json: every finding with rule, level, operation, pointer and message", async () => {
    const [base, head, findings] = await pair("json");
    const parsed = JSON.parse(formatFindings(findings, "json", base, head));
    expect(parsed.summary).toEqual({ ERR: 1, WARN: 0, INFO: 1, operations: 1 });
    expect(parsed.findings[0]).toMatchObject({
      id: "response-enum-value-added",
      level: "ERR",
      operation: "GET /pets/{}",
      method: "GET",
      path: "/pets/{id}",
      pointer: "/components/schemas/Pet/properties/status/enum",
      doc: "head",
      message:
        'response 200 (application/json) body property status: enum value "pending" added. Clients may receive a value they do not know.',
    });
  });

  it("markdown: a summary and a table per level, compatible changes folded", async () => {
    const [base, head, findings] = await pair("yaml");
    const out = formatFindings(findings, "markdown", base, head);
    expect(out).toContain("### OpenAPI contract check: ❌ breaking changes");
    expect(out).toContain(
      "**1** breaking, **0** possibly breaking, **1** compatible across 1 operation",
    );
    expect(out).toContain("#### ❌ Breaking (1)");
    expect(out).toContain(
      `| \`${findings[0]?.changeId}\` | \`response-enum-value-added\` | GET /pets/{id} |`,
    );
    expect(out).toContain("<details><summary>ℹ️ Compatible (1)</summary>");
    expect(out.indexOf("Breaking")).toBeLessThan(out.indexOf("Compatible"));
  });

  it("markdown stays under GitHub's comment limit and escapes table cells", async () => {
    const [, , findings] = await pair("yaml");
    const many = Array.from({ length: 2000 }, (_, i) => ({
      ...(findings[0] as Finding),
      pointer: `/x/${i}`,
      changeId: `c${i}`,
      detail: `change ${i} | with a pipe`,
    }));
    const out = formatMarkdown(many, "a", "b");
    expect(out.length).toBeLessThan(65_536);
    expect(out).toMatch(/_\d+ more changes not shown/);
    expect(out).toContain("change 0 \\| with a pipe");
  });

  it("same change through many operations is one row / block listing them", async () => {
    const [base, head, findings] = await pair("yaml");
    const copies = ["/a", "/b", "/c", "/d", "/e"].map((path) => ({
      ...(findings[0] as Finding),
      path,
    }));
    expect(formatFindings(copies, "text", base, head)).toContain(
      "GET /a, GET /b, GET /c and 2 more",
    );
  });

  for (const format of ["yaml", "json"] as const) {
    it(`github: workflow commands with file, line and title (${format})`, async () => {
      const [base, head, findings] = await pair(format);
      const lines = formatFindings(findings, "github", base, head).trim().split("\n");
      const line = format === "yaml" ? headLine(head.text, "enum:") : headLine(head.text, '"enum"');
      expect(lines[0]).toBe(
        `::error file=api/openapi.yaml,line=${line},title=response-enum-value-added [${findings[0]?.changeId}] (GET /pets/{id})::` +
          'response 200 (application/json) body property status: enum value "pending" added. Clients may receive a value they do not know.',
      );
      expect(lines[1]).toMatch(
        /^::notice file=api\/openapi.yaml,line=\d+,title=request-parameter-added /,
      );
      expect(lines[2]).toBe(
        "::notice title=OpenAPI contract check::main:api/openapi.yaml → api/openapi.yaml: " +
          "1 breaking (ERR), 0 possibly breaking (WARN), 1 compatible (INFO) across 1 operation",
      );
    });
  }
});

function headLine(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split("\n").length;
}
