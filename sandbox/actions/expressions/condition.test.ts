import { describe, expect, it } from "vitest";
import {
  evaluateCondition,
  evaluateTemplate,
  ExpressionError,
  interpolate,
  type ExpressionContext,
} from "./index.ts";

const contexts = {
  github: {
    event: { label: { name: "havun:ready" }, issue: { labels: [{ name: "havun:ready" }] } },
  },
  env: { EMPTY: "", NAME: "Mona" },
  steps: { s: { outputs: { n: 3, obj: { a: [1] } } } },
};
const ok: ExpressionContext = { contexts };
const failed: ExpressionContext = { contexts, status: { failed: true, cancelled: false } };
const cancelled: ExpressionContext = { contexts, status: { failed: false, cancelled: true } };

describe("evaluateCondition", () => {
  it("accepts bare conditions and ${{ }}-wrapped ones alike", () => {
    expect(evaluateCondition("github.event.label.name == 'havun:ready'", ok)).toBe(true);
    expect(evaluateCondition("${{ github.event.label.name == 'havun:ready' }}", ok)).toBe(true);
    expect(evaluateCondition("  ${{ github.event.label.name == 'other' }}  ", ok)).toBe(false);
    expect(evaluateCondition("contains(github.event.issue.labels.*.name, 'havun:ready')", ok)).toBe(
      true,
    );
  });

  it("treats empty and missing conditions as success()", () => {
    for (const c of [undefined, "", "  "]) {
      expect(evaluateCondition(c, ok)).toBe(true);
      expect(evaluateCondition(c, failed)).toBe(false);
    }
  });

  it("adds an implicit success() unless a status function is used", () => {
    expect(evaluateCondition("true", failed)).toBe(false);
    expect(evaluateCondition(true, failed)).toBe(false);
    expect(evaluateCondition(true, ok)).toBe(true);
    expect(evaluateCondition(false, ok)).toBe(false);
    expect(evaluateCondition("always()", failed)).toBe(true);
    expect(evaluateCondition("failure()", failed)).toBe(true);
    expect(evaluateCondition("failure()", ok)).toBe(false);
    expect(evaluateCondition("${{ failure() && env.NAME == 'mona' }}", failed)).toBe(true);
    expect(evaluateCondition("success() || failure()", failed)).toBe(true);
    expect(evaluateCondition("!cancelled()", failed)).toBe(true);
    expect(evaluateCondition("cancelled()", cancelled)).toBe(true);
    expect(evaluateCondition("success()", cancelled)).toBe(false);
    expect(evaluateCondition("failure()", cancelled)).toBe(false);
    expect(evaluateCondition("Always()", cancelled)).toBe(true);
  });

  it("does not evaluate the condition when the implicit success() is false", () => {
    expect(evaluateCondition("nosuch.thing", failed)).toBe(false);
    expect(() => evaluateCondition("nosuch.thing", ok)).toThrow(ExpressionError);
  });

  it("uses truthiness for non-boolean results", () => {
    expect(evaluateCondition("env.EMPTY", ok)).toBe(false);
    expect(evaluateCondition("env.NAME", ok)).toBe(true);
    expect(evaluateCondition("steps.s.outputs.missing", ok)).toBe(false);
  });

  it("treats text outside ${{ }} as a string (GitHub's gotcha: always truthy)", () => {
    expect(evaluateCondition("${{ false }} == true", ok)).toBe(true);
  });
});

describe("interpolate", () => {
  it("replaces every ${{ }} and stringifies like GitHub", () => {
    expect(interpolate("Hello ${{ env.NAME }}!", ok)).toBe("Hello Mona!");
    expect(interpolate("${{ null }}|${{ true }}|${{ 1.50 }}|${{ steps.s.outputs.n }}", ok)).toBe(
      "|true|1.5|3",
    );
    expect(interpolate("no expressions", ok)).toBe("no expressions");
    expect(interpolate("${{env.NAME}}${{ env.NAME }}", ok)).toBe("MonaMona");
    expect(interpolate("${{ '}}' }} and ${{ 'it''s' }}", ok)).toBe("}} and it's");
    expect(interpolate("${{ }}", ok)).toBe("");
  });

  it("writes arrays and objects as JSON", () => {
    expect(interpolate("${{ steps.s.outputs.obj }}", ok)).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(interpolate("${{ github.event.issue.labels.*.name }}", ok)).toBe(
      '[\n  "havun:ready"\n]',
    );
  });

  it("reports an unterminated ${{ and errors inside an expression", () => {
    expect(() => interpolate("echo ${{ env.NAME", ok)).toThrow(/Unterminated '\$\{\{'/);
    expect(() => interpolate("echo ${{ env.NAME & 1 }}", ok)).toThrow(/Unexpected symbol: '&'/);
  });
});

describe("evaluateTemplate", () => {
  it("keeps the type of a value that is one whole expression", () => {
    expect(evaluateTemplate("${{ steps.s.outputs.n }}", ok)).toBe(3);
    expect(evaluateTemplate("  ${{ steps.s.outputs.obj }} ", ok)).toStrictEqual({ a: [1] });
    expect(evaluateTemplate("${{ env.NAME == 'mona' }}", ok)).toBe(true);
  });

  it("interpolates anything else into a string", () => {
    expect(evaluateTemplate("n=${{ steps.s.outputs.n }}", ok)).toBe("n=3");
    expect(evaluateTemplate("${{ 1 }}${{ 2 }}", ok)).toBe("12");
    expect(evaluateTemplate("plain", ok)).toBe("plain");
  });
});
