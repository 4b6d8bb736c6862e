import { describe, expect, it } from "vitest";
import { findMarkers, marker, taskMarker } from "./markers.ts";

describe("markers", () => {
  it("writes and finds idempotence keys", () => {
    const text = taskMarker("acme/hub", 12, "api-endpoint");
    expect(text).toBe("<!-- havun:task hub=acme/hub#12 id=api-endpoint -->");
    const body = `Some text\n${text}\n${marker("comment", { key: "plan" })}\n`;
    expect(findMarkers(body)).toEqual([
      {
        kind: "task",
        key: "hub=acme/hub#12 id=api-endpoint",
        fields: { hub: "acme/hub#12", id: "api-endpoint" },
        index: body.indexOf("<!-- havun:task"),
      },
      {
        kind: "comment",
        key: "key=plan",
        fields: { key: "plan" },
        index: body.indexOf("<!-- havun:comment"),
      },
    ]);
    expect(findMarkers(body, "comment").map((m) => m.fields.key)).toEqual(["plan"]);
  });

  it("accepts a key as text, and a bare word", () => {
    expect(marker("plan", "v1")).toBe("<!-- havun:plan v1 -->");
    expect(findMarkers("<!-- havun:plan v1 -->")[0]?.fields).toEqual({ v1: "" });
    expect(marker("done", {})).toBe("<!-- havun:done -->");
  });

  it("refuses keys that would not read back or could close the comment", () => {
    expect(() => marker("task", { id: "a b" })).toThrow();
    expect(() => marker("task", { id: "x-->" })).toThrow();
    expect(() => marker("Task", { id: "x" })).toThrow();
    expect(() => marker("spec", { id: "x" })).toThrow();
  });

  it("skips spec blocks and managed-section markers", () => {
    const body =
      "<!-- havun:begin status -->\nx\n<!-- havun:end status -->\n<!-- havun:spec v1 sha256=00\nAA\n-->";
    expect(findMarkers(body)).toEqual([]);
  });
});
