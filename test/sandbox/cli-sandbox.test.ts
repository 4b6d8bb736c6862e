import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Octokit } from "@octokit/rest";
import { graphql } from "@octokit/graphql";
import { afterAll, describe, expect, it } from "vitest";

interface Ready {
  apiUrl: string;
  graphqlUrl: string;
  serverUrl: string;
  token: string;
  owner: string;
  webhookSecret: string;
}

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

async function startCli(...args: string[]): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, ["cli/bin/havun.js", "sandbox", "--json", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return { child, ready: JSON.parse(line) as Ready };
}

function stopped(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGINT");
  });
}

describe("npx havun sandbox --json", () => {
  it("prints one line of JSON and serves GitHub's API until interrupted", async () => {
    const { child, ready } = await startCli();
    expect(Object.keys(ready).sort()).toEqual([
      "apiUrl",
      "graphqlUrl",
      "owner",
      "serverUrl",
      "token",
      "webhookSecret",
    ]);
    const gh = new Octokit({
      auth: ready.token,
      baseUrl: ready.apiUrl,
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
    const repo = await gh.repos.createInOrg({ org: ready.owner, name: "new-one" });
    expect(repo.data.owner.login).toBe(ready.owner);
    const issue = await gh.issues.create({ owner: ready.owner, repo: "new-one", title: "hello" });
    const q = graphql.defaults({
      baseUrl: ready.apiUrl,
      headers: { authorization: `token ${ready.token}` },
    });
    const data = await q<{ repository: { issue: { title: string } } }>(
      `query($n: Int!) { repository(owner: "${ready.owner}", name: "new-one") { issue(number: $n) { title } } }`,
      { n: issue.data.number },
    );
    expect(data.repository.issue.title).toBe("hello");
    await expect(
      q(`{ repository(owner: "${ready.owner}", name: "new-one") { noSuchField } }`),
    ).rejects.toThrow(/noSuchField/);
    expect(await stopped(child)).toBe(0);
  });

  it("keeps its state in --state across restarts", async () => {
    const dir = await mkdtemp(join(tmpdir(), "havun-state-"));
    try {
      const file = join(dir, "state.json");
      const first = await startCli("--state", file);
      const gh1 = new Octokit({ auth: first.ready.token, baseUrl: first.ready.apiUrl });
      const created = await gh1.issues.create({ owner: "havun", repo: "hub", title: "persist me" });
      await stopped(first.child);
      const second = await startCli("--state", file);
      const gh2 = new Octokit({ auth: second.ready.token, baseUrl: second.ready.apiUrl });
      const got = await gh2.issues.get({
        owner: "havun",
        repo: "hub",
        issue_number: created.data.number,
      });
      expect(got.data.title).toBe("persist me");
      expect(second.ready.token).toBe(first.ready.token);
      await stopped(second.child);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a bad --port with a clear message", async () => {
    const child = spawn(process.execPath, ["cli/bin/havun.js", "sandbox", "--port", "http"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr!.on("data", (c) => (err += c));
    const code = await new Promise<number | null>((r) => child.once("exit", r));
    expect(code).toBe(2);
    expect(err).toContain("--port must be a port number");
  });
});
