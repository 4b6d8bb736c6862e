import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { createModelApi, loadScenarioFile, type ModelApi } from "../../sandbox/model/index.ts";
import { runClaudeCode } from "./run-claude.ts";
import { createGitWorkspace, type GitWorkspace } from "./workspace.ts";

describe("the scripted model mounted in the sandbox under /anthropic", () => {
  let sb: Sandbox;
  let model: ModelApi;
  let ws: GitWorkspace;

  beforeAll(async () => {
    model = createModelApi({
      scenarios: [loadScenarioFile(join(import.meta.dirname, "scenarios/retry-write.yaml"))],
    });
    sb = await startSandbox({ extraRoutes: [model.route], seed: { users: [{ login: "alice" }] } });
    ws = createGitWorkspace({ "README.md": "# mounted\n" });
  });
  afterAll(async () => {
    await sb?.stop();
    ws?.cleanup();
  });

  it("serves Claude Code at serverUrl + /anthropic beside GitHub's routes", async () => {
    const run = await runClaudeCode({
      cwd: ws.dir,
      prompt: "HAVUN-TASK-RETRY: write hello.txt",
      baseUrl: `${sb.serverUrl}/anthropic`,
      maxTurns: 4,
      allowedTools: ["Write"],
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(ws.read("hello.txt")).toBe("hello after a retry\n");
    expect(model.recorder.forScenario("retry-write").map((r) => r.path)).toEqual([
      "/v1/messages",
      "/v1/messages",
    ]);

    const user = await fetch(`${sb.apiUrl}/user`, {
      headers: { authorization: `token ${sb.token("alice")}` },
    });
    expect(user.status).toBe(200);
    expect(((await user.json()) as { login: string }).login).toBe("alice");
  });
});
