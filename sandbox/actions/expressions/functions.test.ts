import { describe, expect, it } from "vitest";
import { evaluate, ExpressionError, type ExprValue } from "./index.ts";

const contexts: Record<string, ExprValue> = {
  github: {
    event: {
      issue: { labels: [{ name: "bug" }, { name: "havun:ready" }, { name: "help wanted" }] },
    },
  },
  list: ["a", 1, true, null],
  mixed: [null, true, 123.456, "abc", [], ["def"], {}, { k: "v" }],
  obj: { a: 1 },
};
const ev = (expr: string) => evaluate(expr, { contexts });
const fails = (expr: string): ExpressionError => {
  try {
    ev(expr);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`no error for ${expr}`);
};

describe("contains / startsWith / endsWith", () => {
  it.each<[string, boolean]>([
    ["contains('Hello world', 'llo')", true],
    ["contains('Hello world', 'LLO')", true],
    ["contains('Hello world', 'xyz')", false],
    ["contains(github.event.issue.labels.*.name, 'havun:ready')", true],
    ["contains(github.event.issue.labels.*.name, 'HAVUN:READY')", true],
    ["contains(github.event.issue.labels.*.name, 'havun')", false],
    ["contains(list, 1)", true],
    ["contains(list, '1')", true],
    ["contains(list, null)", true],
    ["contains(obj, 'a')", false],
    ["contains(123, 2)", true],
    ["contains(true, 'ru')", true],
    ["contains(null, '')", true],
    ["startsWith('Hello world', 'he')", true],
    ["startsWith('Hello world', 'world')", false],
    ["endsWith('Hello world', 'WORLD')", true],
    ["endsWith(12.5, '.5')", true],
    ["startsWith(list, 'a')", false],
    ["Contains('ABC', 'b')", true],
  ])("%s → %s", (expr, want) => expect(ev(expr)).toBe(want));
});

describe("format", () => {
  it.each<[string, string]>([
    ["format('Hello {0} {1} {2}', 'Mona', 'the', 'Octocat')", "Hello Mona the Octocat"],
    ["format('{{Hello {0} {1} {2}!}}', 'Mona', 'the', 'Octocat')", "{Hello Mona the Octocat!}"],
    ["format('{0}{0}', 'x')", "xx"],
    ["format('{{0}}', 'abc')", "{0}"],
    ["format('{{{{0}}}}', 'abc')", "{{0}}"],
    ["format('}}{{', 'abc')", "}{"],
    ["format(null)", ""],
    ["format('{0}|{1}|{2}|{3}', null, true, 0.5, -0)", "|true|0.5|0"],
    ["format('{0}', 0.84551240822557006)", "0.84551240822557"],
    ["format('{0}', 1.2e-2)", "0.012"],
    ["format('{0} {1}', obj, list)", "Object Array"],
    ["format('{0}', NaN)", "NaN"],
  ])("%s → %j", (expr, want) => expect(ev(expr)).toBe(want));

  it.each([
    "format('{0')",
    "format('{0}}', '')",
    "format('0}')",
    "format('}{0}', '')",
    "format('{x}', 1)",
  ])("refuses the invalid format string %s", (expr) => {
    const e = fails(expr);
    expect(e.code).toBe("EXPR_FORMAT");
    expect(e.message).toContain("format string is invalid");
  });

  it("refuses references past the arguments", () => {
    const e = fails("format('{0}{1}', 'abc')");
    expect(e.message).toContain("references more arguments than were supplied");
    expect(e.position).toBe(1);
  });
});

describe("join", () => {
  it.each<[string, string]>([
    ["join(github.event.issue.labels.*.name, ', ')", "bug, havun:ready, help wanted"],
    ["join(github.event.issue.labels.*.name)", "bug,havun:ready,help wanted"],
    ["join(mixed)", ",true,123.456,abc,Array,Array,Object,Object"],
    ["join(list, null)", "a1true"],
    ["join(list, obj)", "a,1,true,"],
    ["join('abc')", "abc"],
    ["join(null)", ""],
    ["join(obj)", ""],
  ])("%s → %j", (expr, want) => expect(ev(expr)).toBe(want));
});

describe("toJSON / fromJSON", () => {
  it("pretty-prints with two spaces", () => {
    expect(ev("toJSON(obj)")).toBe('{\n  "a": 1\n}');
    expect(ev("toJSON(github.event.issue.labels.*.name)")).toBe(
      '[\n  "bug",\n  "havun:ready",\n  "help wanted"\n]',
    );
    expect(ev("toJSON('x')")).toBe('"x"');
    expect(ev("toJSON(null)")).toBe("null");
    expect(ev("toJSON(-0)")).toBe("0");
  });

  it("parses JSON, including the values GitHub's examples use", () => {
    expect(ev('fromJSON(\'{"include":[{"project":"foo"}]}\').include[0].project')).toBe("foo");
    expect(ev("fromJSON('true')")).toBe(true);
    expect(ev("fromJSON('5') > 3")).toBe(true);
    expect(ev("fromJSON(toJSON(obj)).a")).toBe(1);
  });

  it("names invalid JSON", () => {
    const e = fails("fromJSON('{oops')");
    expect(e.code).toBe("EXPR_JSON");
    expect(e.message).toMatch(/fromJSON: the argument is not valid JSON/);
  });
});

describe("case", () => {
  it.each<[string, ExprValue]>([
    ["case(true, 'first', 'default')", "first"],
    ["case(false, 'first', true, 'second', 'default')", "second"],
    ["case(false, 'first', false, 'second', 'default')", "default"],
    ["case(1 == 1, 123, 456)", 123],
  ])("%s → %j", (expr, want) => expect(ev(expr)).toStrictEqual(want));

  it("needs boolean predicates and an odd number of arguments", () => {
    expect(fails("case('yes', 1, 2)").message).toContain(
      "case predicate must evaluate to a boolean",
    );
    expect(fails("case(true, 1, false, 2)").message).toContain("Even number of parameters");
  });
});

describe("function errors", () => {
  it("names an unknown function, with hashFiles called out", () => {
    const e = fails("hashFiles('**/package-lock.json')");
    expect(e.code).toBe("EXPR_UNKNOWN_FUNCTION");
    expect(e.message).toMatch(/^Unrecognized function: 'hashFiles' \(hashFiles is not supported/);
    expect(e.position).toBe(1);
    expect(fails("1 == nope()").message).toContain("Unrecognized function: 'nope'");
    expect(fails("1 == nope()").position).toBe(6);
  });

  it("checks the number of arguments", () => {
    expect(fails("contains('a')").message).toContain("Too few parameters supplied: 'contains'");
    expect(fails("join(1, 2, 3)").message).toContain("Too many parameters supplied: 'join'");
    expect(fails("success(1)").code).toBe("EXPR_ARGUMENTS");
  });
});
