import { describe, expect, it } from "vitest";
import { expandMatrix } from "./index.ts";

describe("expandMatrix", () => {
  it("without a strategy makes one job with an empty matrix", () => {
    expect(expandMatrix(undefined)).toStrictEqual([{}]);
  });

  it("takes the product of the vectors in key order", () => {
    expect(expandMatrix({ matrix: { os: ["linux", "mac"], node: [20, 22] } })).toStrictEqual([
      { os: "linux", node: 20 },
      { os: "linux", node: 22 },
      { os: "mac", node: 20 },
      { os: "mac", node: 22 },
    ]);
  });

  it("removes excluded combinations, partial excludes included", () => {
    const combos = expandMatrix({
      matrix: { os: ["linux", "mac", "win"], node: [20, 22] },
      exclude: [{ os: "mac", node: 20 }, { os: "win" }],
    });
    expect(combos).toStrictEqual([
      { os: "linux", node: 20 },
      { os: "linux", node: 22 },
      { os: "mac", node: 22 },
    ]);
  });

  it("applies include as GitHub documents (fruit/animal example)", () => {
    const combos = expandMatrix({
      matrix: { fruit: ["apple", "pear"], animal: ["cat", "dog"] },
      include: [
        { color: "green" },
        { color: "pink", animal: "cat" },
        { fruit: "apple", shape: "circle" },
        { fruit: "banana" },
        { fruit: "banana", animal: "cat" },
      ],
    });
    expect(combos).toStrictEqual([
      { fruit: "apple", animal: "cat", color: "pink", shape: "circle" },
      { fruit: "apple", animal: "dog", color: "green", shape: "circle" },
      { fruit: "pear", animal: "cat", color: "pink" },
      { fruit: "pear", animal: "dog", color: "green" },
      { fruit: "banana" },
      { fruit: "banana", animal: "cat" },
    ]);
  });

  it("excludes before including, and include alone makes jobs", () => {
    expect(
      expandMatrix({
        matrix: { os: ["linux"] },
        exclude: [{ os: "linux" }],
        include: [{ os: "linux", experimental: true }],
      }),
    ).toStrictEqual([{ os: "linux", experimental: true }]);
    expect(expandMatrix({ matrix: {}, include: [{ a: 1 }, { a: 2 }] })).toStrictEqual([
      { a: 1 },
      { a: 2 },
    ]);
  });

  it("compares object values deeply", () => {
    const combos = expandMatrix({
      matrix: { cfg: [{ n: 1 }, { n: 2 }] },
      exclude: [{ cfg: { n: 1 } }],
      include: [{ cfg: { n: 2 }, extra: "x" }],
    });
    expect(combos).toStrictEqual([{ cfg: { n: 2 }, extra: "x" }]);
  });

  it("does not change the strategy it expands", () => {
    const strategy = { matrix: { a: [1, 2] }, include: [{ b: 3 }] };
    expandMatrix(strategy);
    expect(strategy).toStrictEqual({ matrix: { a: [1, 2] }, include: [{ b: 3 }] });
  });
});
