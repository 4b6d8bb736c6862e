import { describe, expect, it } from "vitest";
import { evaluate, type ExprValue } from "./index.ts";

const ctx = (contexts: Record<string, ExprValue> = {}) => ({ contexts });
const ev = (expr: string, contexts?: Record<string, ExprValue>) => evaluate(expr, ctx(contexts));

describe("loose equality (GitHub's coercion table)", () => {
  it.each([
    ["null == 0", true],
    ["null == null", true],
    ["null == ''", true],
    ["null == false", true],
    ["true == 1", true],
    ["false == 0", true],
    ["true == 'true'", false],
    ["'' == 0", true],
    ["1 == '1'", true],
    ["' 1.5 ' == 1.5", true],
    ["'0xff' == 255", true],
    ["'0o10' == 8", true],
    ["'abc' == 0", false],
    ["'abc' == 'ABC'", true],
    ["'straße' != 'STRASSE'", true],
    ["NaN == NaN", false],
    ["NaN != NaN", true],
    ["'NaN' == NaN", false],
    ["' Infinity ' == Infinity", true],
    ["-0 == 0", true],
    ["1.0 == 1", true],
    ["1e2 == 100", true],
    ["-2.99e-2 == -0.0299", true],
  ] as const)("%s → %s", (expr, want) => expect(ev(expr)).toBe(want));

  it("compares arrays and objects by identity, never by content", () => {
    const contexts = { a: { x: 1 }, b: { x: 1 }, l: [1] };
    expect(ev("a == a", contexts)).toBe(true);
    expect(ev("a == b", contexts)).toBe(false);
    expect(ev("l == 1", contexts)).toBe(false);
    expect(ev("a == 'Object'", contexts)).toBe(false);
    expect(ev("a != null", contexts)).toBe(true);
  });
});

describe("ordering", () => {
  it.each([
    ["1 < 2", true],
    ["'abc' < 'def'", true],
    ["'B' > 'a'", true],
    ["'a' >= 'A'", true],
    ["false < true", true],
    ["true > 0", true],
    ["null < 1", true],
    ["null > -1", true],
    ["'' > null", false],
    ["'2' > true", true],
    ["' 1 ' > 0", true],
    ["NaN < 1", false],
    ["NaN >= NaN", false],
    ["1 <= 1", true],
    ["Infinity > 1e300", true],
  ] as const)("%s → %s", (expr, want) => expect(ev(expr)).toBe(want));

  it("cannot order arrays or objects (always false)", () => {
    expect(ev("o > 0", { o: {} })).toBe(false);
    expect(ev("o < 1", { o: [] })).toBe(false);
    expect(ev("o <= o", { o: {} })).toBe(false);
  });
});

describe("&& and || return operands, ! returns booleans", () => {
  it.each<[string, ExprValue]>([
    ["'' || 'default'", "default"],
    ["'set' || 'default'", "set"],
    ["0 || 0 || 2 || 3", 2],
    ["false || null", null],
    ["false || ''", ""],
    ["1 && 'b'", "b"],
    ["0 && 'b'", 0],
    ["null && x", null],
    ["!''", true],
    ["!'a'", false],
    ["!0", true],
    ["!-0", true],
    ["!NaN", true],
    ["!null", true],
    ["!!'x'", true],
  ])("%s → %j", (expr, want) => expect(ev(expr, { x: 1 })).toStrictEqual(want));

  it("treats arrays and objects as truthy, even empty", () => {
    expect(ev("!e", { e: [] })).toBe(false);
    expect(ev("!o", { o: {} })).toBe(false);
  });

  it("short-circuits: the right side is not evaluated", () => {
    expect(ev("false && nosuchcontext.x")).toBe(false);
    expect(ev("true || fromJSON('not json')")).toBe(true);
  });
});

describe("precedence: () [] . > ! > < <= > >= > == != > && > ||", () => {
  it.each<[string, ExprValue]>([
    ["!2 < 3", true],
    ["!(2 < 3)", false],
    ["3 < 2 < 1", true],
    ["2 > 2 > 0", false],
    ["2 <= 3 == true", true],
    ["2 <= (3 == true)", false],
    ["2 == 2 == 1", true],
    ["2 == (2 == 1)", false],
    ["1 == 1 && 2", 2],
    ["1 == (1 && 2)", false],
    ["false && 0 || null", null],
    ["false && (0 || null)", false],
    ["1 || 2 && 3", 1],
    ["(1 || 2) && 3", 3],
  ])("%s → %j", (expr, want) => expect(ev(expr)).toStrictEqual(want));

  it("binds . and [] tighter than !", () => {
    expect(ev("!foo.bar", { foo: { bar: true } })).toBe(false);
    expect(ev("(!foo).bar", { foo: { bar: true } })).toBe(null);
    expect(ev("3 > foo['bar']", { foo: { bar: 2 } })).toBe(true);
  });
});
