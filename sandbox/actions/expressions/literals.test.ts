import { describe, expect, it } from "vitest";
import { evaluate, ExpressionError, type ExprValue } from "./index.ts";

const ev = (expr: string) => evaluate(expr, { contexts: {} });

describe("literals", () => {
  it.each<[string, ExprValue]>([
    ["null", null],
    ["true", true],
    ["false", false],
    ["711", 711],
    ["-9.2", -9.2],
    [".5", 0.5],
    ["+1", 1],
    ["0xff", 255],
    ["0xFF", 255],
    ["0o10", 8],
    ["-2.99e-2", -0.0299],
    ["1.2E+2", 120],
    ["Infinity", Infinity],
    ["-Infinity", -Infinity],
    ["'Mona the Octocat'", "Mona the Octocat"],
    ["'It''s open source!'", "It's open source!"],
    ["''", ""],
    ["'a}}b'", "a}}b"],
  ])("%s → %j", (expr, want) => expect(ev(expr)).toStrictEqual(want));

  it("reads NaN as a number", () => expect(ev("NaN")).toBeNaN());
  it("an empty expression is null", () => expect(ev("  ")).toBe(null));
});

describe("syntax errors name the symbol and its 1-based position", () => {
  const error = (expr: string): ExpressionError => {
    try {
      ev(expr);
    } catch (e) {
      if (e instanceof ExpressionError) return e;
      throw e;
    }
    throw new Error(`no error for ${expr}`);
  };

  it.each([
    ["a & b", "Unexpected symbol: '&'", 3],
    ["1 | 2", "Unexpected symbol: '|'", 3],
    ["1 = 1", "Unexpected symbol: '='", 3],
    ['"double"', "Unexpected symbol: '\"'", 1],
    ["1 2", "Unexpected symbol: '2'", 3],
    ["(1", "Expected ')' to close '('", 3],
    ["foo.1", "Unexpected symbol: '1'", 5],
    ["foo[1].2", "Unexpected symbol: '2'", 8],
    ["1 +", "Unexpected symbol: '+'", 3],
    ["contains('a',", "Unexpected end of expression", 14],
    ["'open", "Unterminated string", 1],
    ["1 == ", "Unexpected end of expression", 6],
  ])("%s → %s at %i", (expr, problem, position) => {
    const e = error(expr);
    expect(e.message).toContain(problem);
    expect(e.position).toBe(position);
    expect(e.expression).toBe(expr);
    expect(e.code).toBe("EXPR_SYNTAX");
    expect(e.message).toContain(`Located at position ${position} within expression: ${expr}`);
  });

  it("refuses nesting deeper than GitHub's 50 levels", () => {
    const deep = "(".repeat(60) + "1" + ")".repeat(60);
    expect(error(deep).code).toBe("EXPR_TOO_DEEP");
    expect(ev("(".repeat(20) + "1" + ")".repeat(20))).toBe(1);
  });
});
