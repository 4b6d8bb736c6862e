import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetConditionalReads } from "../../app/gateway/conditional.ts";
import { forgetHubConfigFiles, readHubConfigFiles } from "../../app/gateway/hub-config-files.ts";
import { createRestClient } from "../../app/gateway/rest-client.ts";
import { agentRegistry } from "../../app/agents/registry.ts";
import { loadHubConfig } from "../../app/orchestrator/load-config.ts";
import { VIEW_ONLY_SIGNER } from "../../app/trust/marker-signer.ts";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import type Anthropic from "@anthropic-ai/sdk";

const CONFIG = "version: 1\nprojects: [{ repo: acme/api, description: API }]\n";
const AGENT = (name: string, kinds = "[implementation, analysis, testing, review, docs]") =>
  `---\nname: ${name}\ndescription: ${name} work.\nkinds: ${kinds}\n---\nInstructions of ${name}.\n`;

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({
    secondaryRateLimit: 0,
    actions: false,
    seed: {
      users: [{ login: "alice" }],
      orgs: [{ login: "acme", members: { alice: "admin" } }],
      repos: [
        {
          owner: "acme",
          name: "hub",
          files: {
            ".github/havun.yml": CONFIG,
            ".github/havun/agents/builder.md": AGENT("builder"),
            ".github/havun/agents/notes.txt": "not an agent",
            ".github/workflows/ci.yml": "on: push\n",
          },
        },
        { owner: "acme", name: "bare", files: { ".github/havun.yml": CONFIG } },
      ],
    },
  });
}, 60_000);
afterAll(() => sb?.stop());

const gh = () => createRestClient({ token: sb.token("alice"), baseUrl: sb.apiUrl });
const deps = () => ({
  octokit: gh(),
  anthropic: {} as Anthropic,
  appSlug: "havuncore",
  signer: VIEW_ONLY_SIGNER,
  log: { info() {}, warn() {}, error() {} },
});

describe("the hub config and its agent files, read together", () => {
  it("reads .github/havun.yml and the Markdown files in .github/havun/agents", async () => {
    forgetConditionalReads();
    forgetHubConfigFiles();
    const files = await readHubConfigFiles(gh(), "acme/hub");
    expect(files).toEqual({
      config: CONFIG,
      agents: [{ path: ".github/havun/agents/builder.md", text: AGENT("builder") }],
    });
    expect(await readHubConfigFiles(gh(), "acme/bare")).toEqual({ config: CONFIG, agents: [] });
    const loaded = await loadHubConfig(deps(), "acme/hub");
    expect(loaded.ok && agentRegistry(loaded.config).map((a) => a.name)).toEqual(["builder"]);
  });

  it("when nothing changed, makes the one conditional request a read of the config alone made", async () => {
    await readHubConfigFiles(gh(), "acme/hub");
    const mark = sb.log.mark();
    await readHubConfigFiles(gh(), "acme/hub");
    const again = sb.log.counts(mark);
    expect(again.byRoute).toEqual({ "GET /repos/{owner}/{repo}/contents/{path}": 1 });
    expect(again.notModified).toBe(1);
  });

  it("reads an agent file again only when it changed, and tells what is wrong in it", async () => {
    const where = { owner: "acme", repo: "hub", path: ".github/havun/agents/builder.md" };
    const cur = await gh().rest.repos.getContent(where);
    await gh().rest.repos.createOrUpdateFileContents({
      ...where,
      message: "a kind nobody has",
      sha: (cur.data as { sha: string }).sha,
      content: Buffer.from(AGENT("builder", "[implementaton]")).toString("base64"),
    });
    const mark = sb.log.mark();
    const loaded = await loadHubConfig(deps(), "acme/hub");
    // The folder listings changed, then the one changed file; havun.yml is known by its blob.
    expect(sb.log.counts(mark).requests).toBe(3);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.comment).toContain(
      '**`.github/havun/agents/builder.md` `kinds[0]` (line 4, column 9)** — cannot be "implementaton"',
    );
    expect(loaded.comment).toContain("**Fix:** did you mean implementation?");
  });

  it("is null without .github/havun.yml", async () => {
    await gh().rest.repos.createOrUpdateFileContents({
      owner: "acme",
      repo: "bare",
      path: "README.md",
      message: "x",
      content: Buffer.from("x").toString("base64"),
    });
    const where = { owner: "acme", repo: "bare", path: ".github/havun.yml" };
    const cur = await gh().rest.repos.getContent(where);
    await gh().rest.repos.deleteFile({
      ...where,
      message: "no config",
      sha: (cur.data as { sha: string }).sha,
    });
    expect(await readHubConfigFiles(gh(), "acme/bare")).toBeNull();
  });
});
