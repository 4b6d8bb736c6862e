import { describe, expect, it } from "vitest";
import { closest, editDistance } from "./suggest.ts";

describe("suggestions", () => {
  it("measures edits, swaps counting once", () => {
    expect(editDistance("projects", "projects")).toBe(0);
    expect(editDistance("projets", "projects")).toBe(1);
    expect(editDistance("agnet", "agent")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests only near misses", () => {
    const keys = ["version", "projects", "planner", "agent", "dispatch"];
    expect(closest("Projects", keys)).toBe("projects");
    expect(closest("dispach", keys)).toBe("dispatch");
    expect(closest("colour", keys)).toBeUndefined();
    expect(closest("ag", keys)).toBeUndefined();
  });
});
