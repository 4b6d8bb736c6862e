import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../diff.ts";
import { groupFindings } from "../format/group.ts";
import { loadSpecText } from "../load.ts";

const require = createRequire(import.meta.url);
const text = readFileSync(
  require.resolve("@octokit/openapi/generated/api.github.com.json"),
  "utf8",
);

async function diffEdited(edit: (doc: Record<string, any>) => void) {
  const doc = JSON.parse(text);
  edit(doc);
  const [base, head] = await Promise.all([
    loadSpecText(text, { label: "base" }),
    loadSpecText(JSON.stringify(doc), { label: "head" }),
  ]);
  return diffSpecs(base, head);
}

describe("GitHub's REST description (811 paths, OpenAPI 3.0.3)", () => {
  it("has no differences with itself", async () => {
    expect(await diffEdited(() => {})).toEqual([]);
  });

  it("refactors (inlining every use of a component, splitting one into allOf) report nothing", async () => {
    const findings = await diffEdited((doc) => {
      const rollup = doc.components.schemas["reaction-rollup"];
      const names = Object.keys(rollup.properties);
      const part = (keep: string[]) => ({
        type: "object",
        properties: Object.fromEntries(keep.map((n) => [n, rollup.properties[n]])),
        required: rollup.required.filter((r: string) => keep.includes(r)),
      });
      doc.components.schemas["reaction-rollup"] = {
        allOf: [part(names.slice(0, 3)), part(names.slice(3))],
      };
      const json = JSON.stringify(doc.paths).replaceAll(
        '{"$ref":"#/components/schemas/code-of-conduct"}',
        JSON.stringify(doc.components.schemas["code-of-conduct"]),
      );
      expect(json).not.toBe(JSON.stringify(doc.paths));
      doc.paths = JSON.parse(json);
    });
    expect(findings).toEqual([]);
  });

  it("one change to a shared parameter is one grouped change across every operation using it", async () => {
    const findings = await diffEdited((doc) => {
      doc.components.parameters["per-page"].schema.maximum = 50;
    });
    expect(findings.length).toBeGreaterThan(100);
    expect(new Set(findings.map((f) => f.id))).toEqual(new Set(["request-maximum-decreased"]));
    expect(groupFindings(findings)).toHaveLength(1);
  });
});
