import { describe, expect, it } from "vitest";
import { daysLeft, expiredFrom, isExpired, parseExpiryDate } from "./expiry.ts";
import { secretFromPath } from "./layout.ts";
import { normalizeRepo, repoSlug, validateSecretName } from "./names.ts";

describe("names, repositories and dates", () => {
  it("accepts environment-style secret names and refuses others", () => {
    expect(validateSecretName("STRIPE_API_KEY")).toBe("STRIPE_API_KEY");
    for (const bad of ["", "lower", "1ABC", "A-B", "A".repeat(129), "../X", "A B"]) {
      expect(() => validateSecretName(bad)).toThrowError(
        expect.objectContaining({ code: "VAULT_INVALID_NAME" }),
      );
    }
  });

  it("normalises repositories case-insensitively and refuses malformed ones", () => {
    expect(normalizeRepo("Acme/Billing-API")).toBe("acme/billing-api");
    expect(repoSlug("Acme/api.v2")).toBe("acme__api.v2");
    for (const bad of ["acme", "acme/", "/api", "a/b/c", "ac_me/api", "acme/..", "acme/a b"]) {
      expect(() => normalizeRepo(bad)).toThrowError(
        expect.objectContaining({ code: "VAULT_INVALID_REPO" }),
      );
    }
  });

  it("reads repository and name from a sealed file's path", () => {
    expect(secretFromPath("vault/secrets/acme__api__x/DB.sealed.json")).toEqual({
      repo: "acme/api__x",
      name: "DB",
    });
    expect(secretFromPath("secrets/acme/DB.sealed.json")).toBeUndefined();
  });

  it("treats an expiry date as the last day (UTC) a secret opens", () => {
    expect(parseExpiryDate("2030-02-28")).toBe("2030-02-28");
    for (const bad of ["2030-02-30", "2030-2-1", "tomorrow"]) {
      expect(() => parseExpiryDate(bad)).toThrowError(
        expect.objectContaining({ code: "VAULT_INVALID_DATE" }),
      );
    }
    expect(expiredFrom("2030-02-28").toISOString()).toBe("2030-03-01T00:00:00.000Z");
    expect(isExpired("2030-02-28", new Date("2030-02-28T23:59:59.999Z"))).toBe(false);
    expect(isExpired("2030-02-28", new Date("2030-03-01T00:00:00Z"))).toBe(true);
    expect(isExpired(null, new Date("2999-01-01"))).toBe(false);
    expect(daysLeft("2030-02-28", new Date("2030-02-28T10:00:00Z"))).toBe(0);
  });
});
