import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { diffSpecs } from "../diff.ts";
import { ContractError } from "../errors.ts";
import { loadSpec } from "../load.ts";
import { scanRefs } from "../ref-scan.ts";
import { petStore, tempDir, tempRepo } from "./fixtures.ts";

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    if (err instanceof ContractError) return err.code;
    throw err;
  }
  return "no error";
}

describe("loading descriptions", () => {
  it("reads YAML and JSON, 3.0 and 3.1, and compares them with each other", async () => {
    const dir = tempDir({ "v1.yaml": petStore(1), "v2.json": petStore(2, "3.1.0") });
    const base = await loadSpec("v1.yaml", { cwd: dir });
    const head = await loadSpec(`${dir}/v2.json`);
    expect([base.format, base.version, head.format, head.version]).toEqual([
      "yaml",
      "3.0",
      "json",
      "3.1",
    ]);
    expect(diffSpecs(base, head).map((f) => f.id)).toEqual([
      "response-enum-value-added",
      "request-parameter-added",
    ]);
  });

  it("reads git revisions as REV:PATH from the repository around cwd", async () => {
    const repo = tempRepo({ "api/openapi.yaml": petStore(1) }, { "api/openapi.yaml": petStore(2) });
    const base = await loadSpec("HEAD~1:api/openapi.yaml", { cwd: repo });
    const head = await loadSpec("main:api/openapi.yaml", { cwd: repo });
    expect(base.label).toBe("HEAD~1:api/openapi.yaml");
    expect(head.file).toBe("api/openapi.yaml");
    expect(diffSpecs(base, head).map((f) => f.id)).toEqual([
      "response-enum-value-added",
      "request-parameter-added",
    ]);
  });

  it("explains unusable input with a code", async () => {
    const dir = tempDir({
      "bad.yaml": "openapi: 3.0.3\npaths: [unclosed\n",
      "bad.json": '{"openapi": "3.0.3",',
      "swagger.yaml": { swagger: "2.0", paths: {} },
      "other.yaml": { name: "not an api" },
      "dangling.yaml": {
        openapi: "3.0.3",
        paths: { "/a": { $ref: "#/components/pathItems/Missing" } },
      },
    });
    const load = (p: string) => () => loadSpec(p, { cwd: dir });
    expect(await codeOf(load("missing.yaml"))).toBe("CONTRACT_FILE_NOT_FOUND");
    expect(await codeOf(load("bad.yaml"))).toBe("CONTRACT_PARSE");
    expect(await codeOf(load("bad.json"))).toBe("CONTRACT_PARSE");
    expect(await codeOf(load("swagger.yaml"))).toBe("CONTRACT_NOT_OPENAPI3");
    expect(await codeOf(load("other.yaml"))).toBe("CONTRACT_NOT_OPENAPI3");
    const dangling = await loadSpec("dangling.yaml", { cwd: dir });
    expect(await codeOf(async () => diffSpecs(dangling, dangling))).toBe("CONTRACT_REF_NOT_FOUND");
    const repo = tempRepo({ "a.yaml": petStore(1) });
    expect(await codeOf(() => loadSpec("nosuchrev:a.yaml", { cwd: repo }))).toBe(
      "CONTRACT_GIT_REVISION",
    );
    expect(await codeOf(() => loadSpec("main:nosuch.yaml", { cwd: repo }))).toBe(
      "CONTRACT_GIT_REVISION",
    );
  });

  it("understands YAML anchors and merge keys", async () => {
    const text = [
      "openapi: 3.0.3",
      "info: {title: t, version: '1'}",
      "x-common: &common {description: ok}",
      "paths:",
      "  /a: {get: {responses: {'200': {<<: *common}}}}",
    ].join("\n");
    const dir = tempDir({ "a.yaml": text });
    const spec = await loadSpec("a.yaml", { cwd: dir });
    expect(JSON.stringify(spec.doc["paths"])).toContain('"200":{"description":"ok"}');
  });

  it("says where YAML is broken", async () => {
    const dir = tempDir({ "bad.yaml": "openapi: 3.0.3\ninfo:\n  title: [x\n" });
    await expect(loadSpec("bad.yaml", { cwd: dir })).rejects.toThrow(/line \d+/);
  });
});

describe("external references", () => {
  const withExternal = (target: string) => {
    const doc = petStore(1) as { components: { schemas: Record<string, unknown> } };
    doc.components.schemas["Pet"] = { $ref: target };
    return doc;
  };
  const pet = { Pet: { type: "object", properties: { id: { type: "integer" } } } };

  it("are refused unless allowed, and then followed (also inside git revisions)", async () => {
    const dir = tempDir({
      "openapi.yaml": withExternal("schemas.yaml#/Pet"),
      "schemas.yaml": stringify(pet),
    });
    // Without --allow-external-refs the comparison stops where it meets the reference.
    const compare = async () => {
      const doc = await loadSpec("openapi.yaml", { cwd: dir });
      return diffSpecs(doc, await loadSpec("openapi.yaml", { cwd: dir }));
    };
    expect(await codeOf(compare)).toBe("CONTRACT_EXTERNAL_REF");
    await expect(compare()).rejects.toThrow(
      /refers to another file \(\$ref "schemas\.yaml#\/Pet"\)/,
    );
    const base = await loadSpec("openapi.yaml", { cwd: dir, allowExternalRefs: true });
    const head = await loadSpec("openapi.yaml", { cwd: dir, allowExternalRefs: true });
    expect(diffSpecs(base, head)).toEqual([]);

    const repo = tempRepo(
      { "api/openapi.yaml": withExternal("schemas.yaml#/Pet"), "api/schemas.yaml": stringify(pet) },
      {
        "api/schemas.yaml": stringify({
          Pet: { type: "object", properties: { id: { type: "string" } } },
        }),
      },
    );
    const before = await loadSpec("HEAD~1:api/openapi.yaml", {
      cwd: repo,
      allowExternalRefs: true,
    });
    const after = await loadSpec("HEAD:api/openapi.yaml", { cwd: repo, allowExternalRefs: true });
    expect(diffSpecs(before, after).map((f) => f.id)).toEqual(["response-type-changed"]);
  });

  it("are found under property names that are also keywords, and not in example data", async () => {
    const doc = petStore(1) as { components: { schemas: Record<string, unknown> } };
    doc.components.schemas["Box"] = {
      type: "object",
      properties: { value: { $ref: "other.yaml#/X" }, $ref: { type: "string" } },
      example: { $ref: "https://example.com/not-a-reference" },
    };
    expect(scanRefs(doc)).toEqual({ remote: [], external: ["other.yaml#/X"] });
    // Not allowed, a reference nothing compared uses does no harm.
    const dir = tempDir({ "openapi.yaml": doc });
    const plain = await loadSpec("openapi.yaml", { cwd: dir });
    expect(diffSpecs(plain, plain)).toEqual([]);
  });

  it("never go to the network", async () => {
    const dir = tempDir({ "openapi.yaml": withExternal("https://example.com/schemas.yaml#/Pet") });
    const run = () => loadSpec("openapi.yaml", { cwd: dir, allowExternalRefs: true });
    expect(await codeOf(run)).toBe("CONTRACT_REMOTE_REF");
    await expect(run()).rejects.toThrow(/never fetched/);
  });
});
