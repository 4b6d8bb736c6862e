import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadSpec } from "../../sandbox/validation/spec.ts";
import { SpecValidator } from "../../sandbox/validation/validator.ts";

it("the docs' ruleset (docs/gate.md) making havun/gate required is a valid POST /repos/{owner}/{repo}/rulesets body", async () => {
  const readme = await readFile(join(import.meta.dirname, "..", "..", "docs", "gate.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Making `havun/gate` required"));
  const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
  expect(json).toBeDefined();
  const body = JSON.parse(json!);
  const op = loadSpec().operations.find((o) => o.operationId === "repos/create-repo-ruleset")!;
  expect(op.path).toBe("/repos/{owner}/{repo}/rulesets");
  const validator = new SpecValidator();
  expect(validator.checkBody(op, body)).toEqual([]);
  expect(validator.checkBody(op, { ...body, enforcement: "always" })).not.toEqual([]);
  expect(body.rules[0].parameters.required_status_checks[0].context).toBe("havun/gate");
});
