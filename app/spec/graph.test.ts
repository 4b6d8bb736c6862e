import { describe, expect, it } from "vitest";
import { CycleError, findCycle, topologicalOrder } from "./graph.ts";
import type { Priority } from "./task-schema.ts";

const node = (id: string, priority: Priority, dependencies: string[] = []) => ({
  id,
  priority,
  dependencies,
});

describe("topologicalOrder", () => {
  it("puts dependencies first, then priority, then plan order", () => {
    const tasks = [
      node("docs", "low"),
      node("admin", "low", ["api", "checkout"]),
      node("checkout", "medium", ["api"]),
      node("api", "high"),
      node("schema", "critical"),
      node("tests", "high"),
    ];
    expect(topologicalOrder(tasks).map((t) => t.id)).toEqual([
      "schema",
      "api",
      "tests",
      "checkout",
      "docs",
      "admin",
    ]);
  });

  it("ignores dependencies outside the list (done in an earlier plan)", () => {
    expect(topologicalOrder([node("next", "low", ["old"])]).map((t) => t.id)).toEqual(["next"]);
  });

  it("throws a CycleError naming the cycle", () => {
    const tasks = [node("aa", "low", ["bb"]), node("bb", "low", ["aa"])];
    expect(() => topologicalOrder(tasks)).toThrow(CycleError);
    expect(() => topologicalOrder(tasks)).toThrow("aa → bb → aa");
  });
});

describe("findCycle", () => {
  it("returns null for a DAG", () => {
    expect(findCycle([node("aa", "low", ["bb"]), node("bb", "low")])).toBeNull();
  });

  it("returns the path of a 3-cycle, starting where the plan-order search meets it", () => {
    const tasks = [node("aa", "low", ["bb"]), node("bb", "low", ["cc"]), node("cc", "low", ["aa"])];
    expect(findCycle(tasks)).toEqual(["aa", "bb", "cc", "aa"]);
    expect(findCycle([node("root", "low", ["bb"]), ...tasks.slice(1), tasks[0]!])).toEqual([
      "bb",
      "cc",
      "aa",
      "bb",
    ]);
  });

  it("finds a self-dependency", () => {
    expect(findCycle([node("aa", "low", ["aa"])])).toEqual(["aa", "aa"]);
  });
});
