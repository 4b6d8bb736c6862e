import { describe, expect, it } from "vitest";
import { encodedForms, redactForms, secretsIn } from "./encoded-forms.ts";

const SECRET = "sk_live_canary_5d1e9b7a3c2f";

describe("encoded forms of a secret", () => {
  it("catches it base64-encoded at every alignment inside a longer text, and hex-encoded", () => {
    for (const prefix of ["", "a", "ab", "abc"]) {
      const b64 = Buffer.from(`${prefix}${SECRET}!`).toString("base64");
      expect(secretsIn(`data: ${b64}`, new Map([["KEY", SECRET]]))).toEqual(["KEY"]);
    }
    expect(secretsIn(Buffer.from(SECRET).toString("hex"), new Map([["KEY", SECRET]]))).toEqual([
      "KEY",
    ]);
    expect(
      secretsIn(encodeURIComponent(`k=${SECRET}&x`), new Map([["KEY", "a b/c?d=e&f"]])),
    ).toEqual([]);
    expect(secretsIn("nothing here", new Map([["KEY", SECRET]]))).toEqual([]);
  });

  it("redacts every form", () => {
    const text = `${SECRET} ${Buffer.from(SECRET).toString("base64")} ${Buffer.from(SECRET).toString("hex")}`;
    expect(redactForms(text, [SECRET])).toBe("*** *** ***");
    expect(encodedForms(SECRET).length).toBeGreaterThanOrEqual(6);
  });
});
