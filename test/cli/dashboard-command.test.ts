import { execFile, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";

const run = promisify(execFile);

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({
    actions: false,
    seed: {
      users: [{ login: "wendy" }],
      orgs: [{ login: "havun", members: { wendy: "admin" } }],
      repos: [
        {
          owner: "havun",
          name: "hub",
          files: { ".github/havun.yml": "version: 1\nprojects:\n  - repo: havun/api\n" },
        },
      ],
    },
  });
});
afterAll(() => sb?.stop());

describe("havun dashboard", () => {
  it("prints its address with a key, serves the hub's page, and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["cli/bin/havun.js", "dashboard", "--hub", "havun/hub", "--port", "0"],
      {
        env: { ...process.env, GITHUB_TOKEN: sb.token("wendy"), GITHUB_API_URL: sb.apiUrl },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    try {
      const line = await new Promise<string>((r) =>
        createInterface({ input: child.stdout! }).once("line", r),
      );
      const url = /(http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]{32})/.exec(line)?.[1];
      expect(line).toContain("HavunCore dashboard for havun/hub:");
      const page = await fetch(url!);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(await page.text()).toContain("No orchestrations on this page.");
      expect((await fetch(new URL("/", url))).status).toBe(401);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("says what to fix for a bad port or a missing token", async () => {
    const env = { ...process.env, GITHUB_TOKEN: "", GH_TOKEN: "", GITHUB_API_URL: sb.apiUrl };
    const fail = (args: string[], e = env) =>
      run(process.execPath, ["cli/bin/havun.js", "dashboard", ...args], { env: e }).catch(
        (err: { code: number; stderr: string }) => err,
      );
    const port = await fail(["--hub", "havun/hub", "--port", "x"], {
      ...env,
      GITHUB_TOKEN: sb.token("wendy"),
    });
    expect(port).toMatchObject({ code: 2 });
    expect((port as { stderr: string }).stderr).toContain("--port must be a whole number");
    const token = await fail(["--hub", "havun/hub"]);
    expect((token as { stderr: string }).stderr).toContain(
      "no GitHub token: pass --token or set GITHUB_TOKEN",
    );
  });
});
