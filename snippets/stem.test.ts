import { describe, expect, it } from "vitest";
import { stem } from "./stem.ts";

describe("the light stemmer", () => {
  it("folds the word forms people type into one key", () => {
    const same = [
      ["payments", "payment"],
      ["retrying", "retries", "retried", "retry"],
      ["hashing", "hashes", "hash"],
      ["migrations", "migration"],
      ["verifying", "verified", "verify"],
      ["uploading", "uploads", "upload"],
      ["resizing", "resize"],
    ];
    for (const forms of same) expect(new Set(forms.map(stem)).size, forms.join(" ")).toBe(1);
  });

  it("leaves short words and names alone", () => {
    for (const w of ["css", "redis", "mollie", "status", "class", "go"])
      expect(stem(w)).toBe(w === "class" ? "class" : w);
  });
});
