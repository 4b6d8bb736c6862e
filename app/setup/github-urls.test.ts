import { describe, expect, it } from "vitest";
import { newAppUrl, webUrlForApi } from "./github-urls.ts";

describe("GitHub's web address for an API address", () => {
  it("knows github.com, GHE.com with data residency, and GitHub Enterprise Server", () => {
    expect(webUrlForApi(undefined)).toBe("https://github.com");
    expect(webUrlForApi("https://api.github.com/")).toBe("https://github.com");
    expect(webUrlForApi("https://api.octocorp.ghe.com")).toBe("https://octocorp.ghe.com");
    expect(webUrlForApi("https://github.example.com/api/v3")).toBe("https://github.example.com");
    expect(webUrlForApi("http://127.0.0.1:4000/api/v3/")).toBe("http://127.0.0.1:4000");
  });

  it("says what to use for anything else", () => {
    expect(() => webUrlForApi("https://example.com/github")).toThrow(/HOST\/api\/v3/);
    expect(() => webUrlForApi("not a url")).toThrow(/must be a URL/);
  });

  it("posts the manifest to the user's or the organization's new-App page, with the state", () => {
    expect(newAppUrl("https://github.com", "abc")).toBe(
      "https://github.com/settings/apps/new?state=abc",
    );
    expect(newAppUrl("https://ghes.example.com", "abc", "acme")).toBe(
      "https://ghes.example.com/organizations/acme/settings/apps/new?state=abc",
    );
  });
});
