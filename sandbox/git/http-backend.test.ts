import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GitRepos } from "./git-repos.ts";
import { serviceOf } from "./http-service.ts";
import { ZERO_SHA } from "./refs.ts";
import { runGit, text } from "./run-git.ts";
import { commit, tempRepos } from "./test-support.ts";
import type { RefUpdate } from "./types.ts";

const TOKEN = "ghs_sandbox_token";
let repos: GitRepos;
let server: Server;
let base: string;
let work: string;
let pushes: RefUpdate[][];
let served: Promise<unknown>[];
let encodings: string[];

/** A stand-in for the sandbox's HTTP server: `/owner/repo.git/*` is repository 1, behind Basic auth. */
function gitServer(): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = /^\/owner\/repo\.git(\/.*)$/.exec(url.pathname);
    const pathInfo = match?.[1] ?? "";
    const query = url.search.slice(1);
    if (!match || serviceOf(pathInfo, query) === null) return void res.writeHead(404).end();
    const wanted = `Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString("base64")}`;
    if (req.headers.authorization !== wanted) {
      res.writeHead(401, { "WWW-Authenticate": 'Basic realm="GitHub"' });
      return void res.end("Bad credentials\n");
    }
    encodings.push(req.headers["content-encoding"] ?? req.headers["transfer-encoding"] ?? "");
    const done = repos.serveHttp(1, req, res, { pathInfo, query, remoteUser: "x-access-token" });
    served.push(done.then((updates) => updates.length > 0 && pushes.push(updates)));
  });
}

const client = (args: string[], cwd = work) =>
  runGit(["-C", cwd, "-c", "user.name=Client", "-c", "user.email=client@example.com", ...args]);

beforeEach(async () => {
  repos = await tempRepos();
  pushes = [];
  served = [];
  encodings = [];
  server = gitServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}/owner/repo.git`;
  work = await mkdtemp(join(tmpdir(), "havun-git-client-"));
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(work, { recursive: true, force: true });
});

describe("git over HTTP", () => {
  it("clones, pushes, creates and deletes a branch, and reports each push's ref updates", async () => {
    const seed = await commit(repos, "main", { "README.md": "seed\n" });
    await client(["clone", "-q", `http://x-access-token:${TOKEN}@${base}`, "repo"], work);
    const dir = join(work, "repo");
    expect(await readFile(join(dir, "README.md"), "utf8")).toBe("seed\n");

    await writeFile(join(dir, "pushed.txt"), "from the client\n");
    await client(["add", "pushed.txt"], dir);
    await client(["commit", "-q", "-m", "client commit"], dir);
    const local = text(await client(["rev-parse", "HEAD"], dir));
    await client(["push", "-q", "origin", "main"], dir);
    await Promise.all(served);
    expect(pushes).toEqual([[{ ref: "refs/heads/main", oldSha: seed, newSha: local }]]);
    expect(await repos.resolve(1, "main")).toBe(local);
    expect((await repos.getCommit(1, local))?.message).toBe("client commit");

    await client(["push", "-q", "origin", "HEAD:refs/heads/topic"], dir);
    await client(["push", "-q", "origin", "--delete", "topic"], dir);
    await Promise.all(served);
    expect(pushes.slice(1)).toEqual([
      [{ ref: "refs/heads/topic", oldSha: ZERO_SHA, newSha: local }],
      [{ ref: "refs/heads/topic", oldSha: local, newSha: ZERO_SHA }],
    ]);
    expect(await repos.resolve(1, "topic")).toBeNull();

    const serverSide = await commit(repos, "main", { "server.txt": "s\n" });
    await client(["pull", "-q", "--ff-only"], dir);
    expect(text(await client(["rev-parse", "HEAD"], dir))).toBe(serverSide);
    await Promise.all(served);
    expect(pushes).toHaveLength(3); // fetches report nothing
  });

  it("a rejected (non-fast-forward) push reports nothing and moves nothing", async () => {
    await commit(repos, "main", { f: "1\n" });
    await client(["clone", "-q", `http://x-access-token:${TOKEN}@${base}`, "repo"], work);
    const dir = join(work, "repo");
    const moved = await commit(repos, "main", { f: "2\n" });
    await client(["commit", "-q", "--allow-empty", "-m", "behind"], dir);
    await expect(client(["push", "-q", "origin", "main"], dir)).rejects.toThrow(/rejected|failed/);
    await Promise.all(served);
    expect(pushes).toEqual([]);
    expect(await repos.resolve(1, "main")).toBe(moved);
  });

  it("takes gzip-compressed and chunked request bodies", async () => {
    await commit(repos, "main", { f: "1\n" });
    await client(["clone", "-q", `http://x-access-token:${TOKEN}@${base}`, "repo"], work);
    const dir = join(work, "repo");
    for (let i = 0; i < 40; i++)
      await client(["commit", "-q", "--allow-empty", "-m", `c${i}`], dir);
    // An unrelated branch: the server acknowledges none of the 40 "have"s, so the requests grow and get gzipped.
    const unrelated = await repos.commitFiles(1, {
      branch: "other",
      parentSha: null,
      changes: [{ path: "g", content: "1\n" }],
      message: "unrelated",
      author: { name: "S", email: "s@example.com" },
    });
    await client(["fetch", "-q", "origin", "other"], dir);
    expect(text(await client(["rev-parse", "FETCH_HEAD"], dir))).toBe(unrelated.commit.sha);
    expect(encodings).toContain("gzip");

    await client(["checkout", "-q", "-b", "big"], dir);
    await writeFile(
      join(dir, "big.bin"),
      Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251)),
    );
    await client(["add", "big.bin"], dir);
    await client(["commit", "-q", "-m", "big"], dir);
    await client(["-c", "http.postBuffer=4096", "push", "-q", "origin", "big"], dir);
    expect(encodings).toContain("chunked");
    const pushed = await repos.readFile(1, "big", "big.bin");
    expect(pushed?.size).toBe(200_000);
  });

  it("refuses a wrong token", async () => {
    await commit(repos, "main", { f: "1\n" });
    const clone = client(["clone", "-q", `http://x-access-token:wrong@${base}`, "repo"], work);
    await expect(clone).rejects.toThrow(/Authentication failed|401/);
  });

  it("ends git when the client disconnects mid-request", async () => {
    await commit(repos, "main", { f: "1\n" });
    const [host, port] = base.split("/")[0]!.split(":");
    const auth = Buffer.from(`x-access-token:${TOKEN}`).toString("base64");
    const req = request({
      host,
      port: Number(port),
      method: "POST",
      path: "/owner/repo.git/git-upload-pack",
      headers: {
        Authorization: `Basic ${auth}`,
        "Content-Type": "application/x-git-upload-pack-request",
        "Transfer-Encoding": "chunked",
      },
    });
    req.on("error", () => {});
    req.write("0032want ");
    await new Promise((resolve) => setTimeout(resolve, 200));
    req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(served).toHaveLength(1);
    await expect(Promise.race([served[0], timeout(5000)])).resolves.not.toBe("timeout");
  });
});

const timeout = (ms: number) => new Promise((resolve) => setTimeout(() => resolve("timeout"), ms));
