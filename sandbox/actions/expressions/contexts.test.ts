import { describe, expect, it } from "vitest";
import { evaluate, ExpressionError, type ExprValue } from "./index.ts";

const contexts: Record<string, ExprValue> = {
  github: {
    event_name: "issues",
    event: {
      label: { name: "havun:ready" },
      issue: {
        number: 7,
        labels: [{ name: "bug" }, { name: "havun:ready", color: "0e8a16" }, { id: 3 }],
      },
    },
  },
  steps: { "build-app": { outputs: { version: "1.2.3" }, outcome: "success" } },
  needs: { plan: { outputs: { matrix: '{"n":[1,2]}' } } },
  fruits: {
    apple: { name: "apple", tags: ["red", "sweet"] },
    pear: { name: "pear", tags: ["green"] },
  },
  matrix: { os: "linux" },
  list: ["zero", "one", "two"],
};
const ev = (expr: string) => evaluate(expr, { contexts });

describe("property access", () => {
  it.each<[string, ExprValue]>([
    ["github.event.label.name", "havun:ready"],
    ["github['event']['label']['name']", "havun:ready"],
    ["github.event['label'].name", "havun:ready"],
    ["GITHUB.Event_Name", "issues"],
    ["github.event.issue.number", 7],
    ["steps.build-app.outputs.version", "1.2.3"],
    ["steps['build-app'].outcome", "success"],
    ["fromJSON(needs.plan.outputs.matrix).n[1]", 2],
    ["matrix.os", "linux"],
    ["list[0]", "zero"],
    ["list[true]", "one"],
    ["list[' 0x02 ']", "two"],
    ["list[null]", "zero"],
  ])("%s → %j", (expr, want) => expect(ev(expr)).toStrictEqual(want));

  it.each([
    "github.event.nope",
    "github.event.nope.deeper",
    "github.event.issue.number.x",
    "list[3]",
    "list[-1]",
    "list['x']",
    "list[1.5]",
    "github[1]",
    "inputs.anything",
    "secrets.TOKEN",
  ])("a missing property reads as null: %s", (expr) => expect(ev(expr)).toBe(null));

  it("rejects unknown context names with the position and what is available", () => {
    try {
      ev("1 == nosuch.foo");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionError);
      const err = e as ExpressionError;
      expect(err.code).toBe("EXPR_UNKNOWN_CONTEXT");
      expect(err.message).toMatch(/^Unrecognized named-value: 'nosuch' \(available: github, steps/);
      expect(err.position).toBe(6);
    }
  });
});

describe("object filters (*)", () => {
  it.each<[string, ExprValue]>([
    ["github.event.issue.labels.*.name", ["bug", "havun:ready"]],
    ["github.event.issue.labels.*.color", ["0e8a16"]],
    ["fruits.*.name", ["apple", "pear"]],
    ["fruits.*.tags", [["red", "sweet"], ["green"]]],
    ["fruits.*.tags.*", ["red", "sweet", "green"]],
    ["fruits.*.tags[0]", ["red", "green"]],
    ["fruits[*].name", ["apple", "pear"]],
    ["list.*", ["zero", "one", "two"]],
    ["github.event.label.name.*", []],
    ["github.event.nope.*.name", []],
  ])("%s → %j", (expr, want) => expect(ev(expr)).toStrictEqual(want));

  it("feeds contains() for label checks", () => {
    expect(ev("contains(github.event.issue.labels.*.name, 'havun:ready')")).toBe(true);
    expect(ev("contains(github.event.issue.labels.*.name, 'wontfix')")).toBe(false);
  });

  it("does not change the context it reads", () => {
    ev("fruits.*.tags.*");
    expect(contexts.fruits).toStrictEqual({
      apple: { name: "apple", tags: ["red", "sweet"] },
      pear: { name: "pear", tags: ["green"] },
    });
  });
});
