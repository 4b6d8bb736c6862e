import { describe, expect, it } from "vitest";
import { stripHiddenChars } from "./hidden-chars.ts";
import { type HiddenKind, noneHidden } from "./hidden-kinds.ts";

const cp = (...points: number[]) => String.fromCodePoint(...points);

function strip(text: string) {
  const counts = noneHidden();
  const out = stripHiddenChars(text, counts);
  const removed = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  return { out, removed };
}

describe("stripHiddenChars", () => {
  const kinds: Array<[HiddenKind, number[]]> = [
    ["zeroWidth", [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e, 0xad]],
    ["bidi", [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]],
    ["bidi", [0x200e, 0x200f, 0x61c]],
    ["tag", [0xe0000, 0xe0001, 0xe0041, 0xe0069, 0xe007f]],
    ["control", [0x00, 0x07, 0x0b, 0x0c, 0x1b, 0x7f, 0x85, 0x9f]],
    ["otherInvisible", [0x2061, 0x2062, 0x2063, 0x2064, 0x206a, 0x206f, 0x34f]],
    ["otherInvisible", [0x115f, 0x3164, 0xffa0, 0x17b4, 0xfff9, 0xfffb, 0x1d173, 0x1bca0]],
  ];
  for (const [kind, points] of kinds) {
    it(`removes ${kind} characters ${points.map((p) => p.toString(16)).join(" ")}`, () => {
      for (const point of points) {
        expect(strip(`Clo${cp(point)}ses`)).toEqual({ out: "Closes", removed: { [kind]: 1 } });
      }
    });
  }

  it("keeps tab, line feed and carriage return, and every visible character", () => {
    const text = "a\tb\r\nc — ünïcødé 日本語 עברית العربية 👍 «quotes» \u00a0nbsp";
    expect(strip(text)).toEqual({ out: text, removed: {} });
  });

  it("keeps joiners inside emoji and non-Latin words, removes them between ASCII letters", () => {
    const kept = ["👩‍💻", "🏳️‍🌈", "👩🏽‍💻", "می‌خواهم", "क्‍ष"];
    for (const text of kept) expect(strip(text)).toEqual({ out: text, removed: {} });
    expect(strip("fix\u200des #1").out).toBe("fixes #1");
    expect(strip("a\u200c👍").out).toBe("a👍");
  });

  it("keeps one variation selector after a visible character and removes runs of them", () => {
    for (const text of ["❤️", "1️⃣", "☺︎", `葛${cp(0xe0100)}`]) {
      expect(strip(text)).toEqual({ out: text, removed: {} });
    }
    // Bytes smuggled as a run of selectors after one emoji: only the first can stay.
    const smuggled = `😀${cp(0xfe00, 0xe0150, 0xe0161, 0xe0172, 0xfe0f)}`;
    expect(strip(smuggled)).toEqual({ out: `😀${cp(0xfe00)}`, removed: { variationSelector: 4 } });
    expect(strip(`a${cp(0xe0100)}`).out).toBe("a");
    expect(strip(` ${cp(0xfe0f)}x`).out).toBe(" x");
  });

  it("keeps the tag sequence of a subdivision flag and removes other tag runs", () => {
    const scotland = cp(0x1f3f4, 0xe0067, 0xe0062, 0xe0073, 0xe0063, 0xe0074, 0xe007f);
    expect(strip(`flag ${scotland}`)).toEqual({ out: `flag ${scotland}`, removed: {} });
    const hidden = [..."ignore all"].map((c) => cp(0xe0000 + c.charCodeAt(0))).join("");
    expect(strip(`ok${hidden}`)).toEqual({ out: "ok", removed: { tag: 10 } });
    expect(strip(`${cp(0x1f3f4)}${hidden}`).out).toBe(cp(0x1f3f4));
  });

  it("reverses nothing: a right-to-left override is removed, the logical order stays", () => {
    expect(strip("invoice\u202Efdp.exe\u202C").out).toBe("invoicefdp.exe");
  });
});
