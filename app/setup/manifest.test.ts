import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { APP_YML, buildManifest } from "./manifest.ts";

describe("the manifest posted to GitHub", () => {
  it("is app.yml's permissions and events, private, with this server's callback and hook", () => {
    const yml = parseYaml(readFileSync(APP_YML, "utf8"));
    const m = buildManifest({
      baseUrl: "https://havun.example.com",
      hookUrl: "https://smee.example/channel",
    });
    expect(m).toEqual({
      name: yml.name,
      url: yml.url,
      description: yml.description,
      public: false,
      hook_attributes: { url: "https://smee.example/channel", active: true },
      redirect_url: "https://havun.example.com/setup/callback",
      default_permissions: yml.default_permissions,
      default_events: yml.default_events,
    });
  });

  it("takes another name, and stays private whatever app.yml says", () => {
    const m = buildManifest({
      baseUrl: "http://localhost:3000",
      hookUrl: "http://localhost:3000/api/github/webhooks",
      name: "Acme Havun",
      appYml: { public: true, default_events: ["issues"] },
    });
    expect(m.name).toBe("Acme Havun");
    expect(m.public).toBe(false);
    expect(m.url).toBe("http://localhost:3000");
    expect(m.default_events).toEqual(["issues"]);
  });
});
