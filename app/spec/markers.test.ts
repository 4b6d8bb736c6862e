import { describe, expect, it } from "vitest";
import { findMarkers, marker, MARKER_SCAN_CHARS, MAX_MARKERS, taskMarker } from "./markers.ts";

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

describe("markers in hostile or oversized bodies", () => {
  it("reads nothing from openings that are never closed", () => {
    expect(findMarkers("<!-- havun:x ".repeat(5_000))).toEqual([]);
    expect(findMarkers(`<!-- havun:x ${"tok ".repeat(16_000)}`)).toEqual([]);
  });

  it("ends a marker at the first -->, as an HTML comment ends", () => {
    const body = "<!-- havun:cost usd=1 --> visible <!-- havun:cost usd=2 -->";
    expect(findMarkers(body).map((m) => [m.key, m.index])).toEqual([
      ["usd=1", 0],
      ["usd=2", body.lastIndexOf("<!--")],
    ]);
  });

  it("reads openings on one line up to the first --> as one comment", () => {
    const body = `${"<!-- havun:x ".repeat(3)}<!-- havun:task id=a -->`;
    // One HTML comment from the first opening to the first -->: its tokens are read as the key.
    expect(findMarkers(body)).toEqual([
      {
        kind: "x",
        key: "<!-- havun:x <!-- havun:x <!-- havun:task id=a",
        fields: { "<!--": "", "havun:x": "", "havun:task": "", id: "a" },
        index: 0,
      },
    ]);
  });

  it("skips an opening whose comment spans lines, and reads the next one", () => {
    const body = "<!-- havun:x a\n<!-- havun:task id=b -->";
    expect(findMarkers(body).map((m) => [m.kind, m.key])).toEqual([["task", "id=b"]]);
  });

  it("refuses kinds longer than 40 characters and markers without the space before -->", () => {
    expect(findMarkers(`<!-- havun:${"k".repeat(41)} a -->`)).toEqual([]);
    expect(findMarkers(`<!-- havun:${"k".repeat(40)} a -->`)[0]?.key).toBe("a");
    expect(findMarkers("<!-- havun:x a-->")).toEqual([]);
    expect(findMarkers("<!-- havun:x-->")).toEqual([]);
    expect(findMarkers("<!-- havun:x\u00a0a -->")).toEqual([]);
  });

  it("reads only the first MARKER_SCAN_CHARS of a body", () => {
    const m = "<!-- havun:cost usd=1 -->";
    const padding = "x".repeat(MARKER_SCAN_CHARS - m.length);
    expect(findMarkers(padding + m)).toHaveLength(1);
    expect(findMarkers(`${padding}y${m}`)).toEqual([]);
  });

  it("returns at most MAX_MARKERS markers", () => {
    const body = "<!-- havun:c k=v -->\n".repeat(MAX_MARKERS + 5);
    expect(findMarkers(body)).toHaveLength(MAX_MARKERS);
    // The cap counts the markers returned, so other kinds cannot crowd out the one asked for.
    expect(findMarkers(`${body}<!-- havun:other -->`, "other")).toHaveLength(1);
  });
});

describe("markers as the earlier regex read them", () => {
  // The pattern findMarkers used before it became linear; valid bodies must read the same.
  const LEGACY = /<!-- havun:([a-z][a-z0-9-]{0,39})((?:[ \t]+[^\s]+)*)[ \t]+-->/g;
  const legacy = (body: string) =>
    [...body.matchAll(LEGACY)]
      .filter((m) => !["spec", "begin", "end"].includes(m[1] ?? ""))
      .map((m) => ({ kind: m[1], key: (m[2] ?? "").trim(), index: m.index }));

  it("agrees on bodies of markers written by marker(), one per line, among other text", () => {
    const lines = [
      taskMarker("acme/hub", 7, "api"),
      marker("comment", { key: "plan" }),
      marker("cost", { usd: "0.12", tokens: 3400 }),
      marker("done", {}),
      marker("breaking", "accepted by=alice"),
      "<!-- havun:spec v1 sha256=00\nAAAA\n-->",
      "Some text with <!-- a comment --> and `code`",
      "- [x] a task #12",
      "",
    ];
    let seed = 7;
    let seen = 0;
    for (let round = 0; round < 200; round++) {
      const body = Array.from({ length: 12 }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return lines[seed % lines.length];
      }).join(round % 2 ? "\r\n" : "\n");
      expect(findMarkers(body).map(({ kind, key, index }) => ({ kind, key, index }))).toEqual(
        legacy(body),
      );
      seen += findMarkers(body).length;
    }
    expect(seen).toBeGreaterThan(1_000);
  });
});
