import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { gateRuleset } from "../../app/install/gate-ruleset.ts";

it("the ruleset havun init prints is the one in docs/gate.md (with the App's id)", async () => {
  const readme = await readFile(join(import.meta.dirname, "..", "..", "docs", "gate.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Making `havun/gate` required"));
  const json = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!);
  expect(gateRuleset(123456)).toEqual(json);
});
