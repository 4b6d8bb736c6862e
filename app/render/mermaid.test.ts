import { describe, expect, it } from "vitest";
import { dependencyGraph, MERMAID_MAX_EDGES, nodeId, nodeLabel } from "./mermaid.ts";

describe("mermaid", () => {
  it("makes node ids that no slug can break", () => {
    expect(nodeId("api-endpoint")).toBe("t_api_endpoint");
    expect(nodeId("end")).toBe("t_end");
  });

  it("escapes labels", () => {
    expect(nodeLabel('a "b" <c> #d `e`')).toBe("a #quot;b#quot; #lt;c#gt; #35;d #96;e#96;");
    expect(nodeLabel("x".repeat(100))).toHaveLength(60);
  });

  it("gives up on graphs Mermaid would refuse", () => {
    const tasks = Array.from({ length: 40 }, (_, i) => ({
      id: `t${i}`,
      title: "T",
      dependencies: Array.from({ length: i }, (_, j) => `t${j}`),
    }));
    expect(tasks.reduce((n, t) => n + t.dependencies.length, 0)).toBeGreaterThan(MERMAID_MAX_EDGES);
    expect(dependencyGraph(tasks)).toBeNull();
    expect(dependencyGraph(tasks.slice(0, 10))).toContain("t_t0 --> t_t9");
  });
});
