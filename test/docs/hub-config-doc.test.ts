import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hubConfigJsonSchema } from "../../app/config/json-schema.ts";
import {
  HUB_CONFIG_DOC,
  hubConfigDoc,
  hubConfigDocText,
} from "../../scripts/hub-config-doc-text.ts";

describe("docs/hub-config.md", () => {
  it("is generated from the current schema (run `npx tsx scripts/hub-config-doc.ts` if not)", async () => {
    expect(readFileSync(HUB_CONFIG_DOC, "utf8")).toBe(await hubConfigDoc());
  });

  it("has a row for every key of the schema, with its default", () => {
    const text = hubConfigDocText(hubConfigJsonSchema() as never);
    const keys: string[] = [];
    const walk = (s: { properties?: Record<string, any>; items?: any }, path: string) => {
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        keys.push(path ? `${path}.${k}` : k);
        walk(sub, path ? `${path}.${k}` : k);
      }
      if (s.items?.properties) walk(s.items, `${path}[]`);
    };
    walk(hubConfigJsonSchema() as never, "");
    expect(keys.length).toBeGreaterThan(40);
    for (const key of keys) expect(text).toContain(`| \`${key}\` |`);
    expect(text).toMatch(/\| `agent\.max_turns` \| integer \(≥ 1, ≤ 500\) \| `30` \|/);
    expect(text).toMatch(/\| `dispatch` \| `parallel` \\\| `sequential` \\\| `wait_for_core` \|/);
  });

  it("fails loudly on a schema shape it cannot describe", () => {
    expect(() => hubConfigDocText({ properties: { odd: {} } } as never)).toThrow(/without a type/);
  });
});
