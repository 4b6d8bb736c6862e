import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index.ts";
import { acmeSandbox, octokitFor } from "./fixtures.ts";
import { openPull } from "./rules-fixture.ts";

let sb: Sandbox;
beforeAll(async () => {
  sb = await acmeSandbox();
});
afterAll(() => sb.stop());

async function get(path: string, accept: string) {
  const res = await fetch(`${sb.apiUrl}${path}`, {
    headers: { authorization: `token ${sb.token("alice")}`, accept },
  });
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    mediaType: res.headers.get("x-github-media-type"),
    text: await res.text(),
  };
}

async function send(method: string, path: string, body: string, contentType: string) {
  const res = await fetch(`${sb.apiUrl}${path}`, {
    method,
    headers: { authorization: `token ${sb.token("alice")}`, "content-type": contentType },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("GitHub's media types (Accept: application/vnd.github[.version].param[+json])", () => {
  it("a pull request's .diff and .patch are its changes as text", async () => {
    const pr = await openPull(sb);
    const diff = await get(`/repos/acme/api/pulls/${pr.number}`, "application/vnd.github.diff");
    expect(diff.status).toBe(200);
    expect(diff.type).toMatch(/^application\/vnd\.github\.diff/);
    expect(diff.mediaType).toBe("github.v3; param=diff");
    expect(diff.text).toMatch(/^diff --git a\/src\/feature-\d+\.js b\/src\/feature-\d+\.js\n/);
    expect(diff.text).toContain("+export const x = ");

    const patch = await get(
      `/repos/acme/api/pulls/${pr.number}`,
      "application/vnd.github.v3.patch",
    );
    expect(patch.status).toBe(200);
    expect(patch.text).toMatch(new RegExp(`^From ${pr.sha} `));
    expect(patch.text).toMatch(/^Subject: \[PATCH\] Add feature-\d+$/m);

    // Octokit's `mediaType: { format }` asks the same way.
    const gh = octokitFor(sb, sb.token("alice"));
    const viaOctokit = await gh.pulls.get({
      owner: "acme",
      repo: "api",
      pull_number: pr.number,
      mediaType: { format: "diff" },
    });
    expect(viaOctokit.data as unknown as string).toBe(diff.text);
  });

  it("the contents API's raw type is the file itself, with or without a version or +json", async () => {
    for (const accept of [
      "application/vnd.github.raw+json",
      "application/vnd.github.v3.raw",
      "application/vnd.github.raw",
    ]) {
      const raw = await get("/repos/acme/api/contents/src/index.js", accept);
      expect(raw.status).toBe(200);
      expect(raw.text).toBe("console.log('hi');\n");
    }
    // Plain JSON (and a retired preview type, which selects nothing) stays the base64 object.
    for (const accept of [
      "application/vnd.github+json",
      "application/vnd.github.machine-man-preview+json",
    ]) {
      const json = await get("/repos/acme/api/contents/src/index.js", accept);
      expect(JSON.parse(json.text)).toMatchObject({ type: "file", encoding: "base64" });
    }
  });

  it("raw is the default body format for issues; diff where GitHub has none is its 415; rendering Markdown fails loudly", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const issue = await gh.issues.create({ owner: "acme", repo: "api", title: "t", body: "**b**" });
    const path = `/repos/acme/api/issues/${issue.data.number}`;
    const raw = await get(path, "application/vnd.github.raw+json");
    expect(JSON.parse(raw.text)).toMatchObject({ body: "**b**" });
    const diff = await get(path, "application/vnd.github.diff");
    expect(diff.status).toBe(415);
    expect(JSON.parse(diff.text).message).toBe(
      "Unsupported 'Accept' header: 'application/vnd.github.diff'. Must accept 'application/json'.",
    );
    const html = await get(path, "application/vnd.github.html+json");
    expect(html.status).toBe(501);
    expect(JSON.parse(html.text).message).toContain("does not serve application/vnd.github.html");
  });
});

describe("request bodies", () => {
  it("JSON is read whatever the Content-Type says (the docs' curl -d examples send form encoding)", async () => {
    const made = await send(
      "POST",
      "/repos/acme/api/issues",
      JSON.stringify({ title: "from curl -d" }),
      "application/x-www-form-urlencoded",
    );
    expect(made.status).toBe(201);
    expect(made.body.title).toBe("from curl -d");
    const bad = await send(
      "POST",
      "/repos/acme/api/issues",
      "title=x",
      "application/x-www-form-urlencoded",
    );
    expect(bad).toMatchObject({ status: 400, body: { message: "Problems parsing JSON" } });
  });

  it("a text/plain body where GitHub takes one (POST /markdown/raw) is not parsed as JSON; the sandbox says it does not render Markdown", async () => {
    const md = await send("POST", "/markdown/raw", "# Hello *world*", "text/plain");
    expect(md.status).toBe(501);
    expect(md.body.message).toContain("markdown/render-raw");
  });
});
