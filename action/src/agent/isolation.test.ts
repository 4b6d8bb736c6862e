import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bubblewrapWorks, confine, findBubblewrap } from "./isolation.ts";

/**
 * The confinement with the real bubblewrap (installed by `.ci/run`): a shell in it stands in for
 * Claude Code and its tools. No bubblewrap here is a failure, not a skip: agents must not run
 * unconfined.
 */
const root = mkdtempSync(join(tmpdir(), "havun-isolation-"));
const workspace = join(root, "work", "repo");
const home = join(root, "home");
const secretDir = join(root, "runner-temp");
mkdirSync(join(workspace, ".git"), { recursive: true });
mkdirSync(home);
mkdirSync(secretDir);
writeFileSync(join(workspace, ".git", "config"), "[core]\n");
writeFileSync(join(secretDir, "event.json"), '{"token":"ghs_notforyou"}');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function inside(script: string) {
  const bwrap = findBubblewrap();
  if (!bwrap) throw new Error("bubblewrap (bwrap) is not installed: run .ci/run's install step");
  const c = confine({
    bwrap,
    program: "/bin/sh",
    args: ["-c", script],
    workspace,
    home,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, TASK_SECRET: "given" },
    readOnly: [],
  });
  const r = spawnSync(c.command, c.args, {
    encoding: "utf8",
    env: { PATH: process.env.PATH, OUTSIDE_SECRET: "sk-ant-outside" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("the agent's confinement", () => {
  it("can be created on this machine", () => {
    expect(bubblewrapWorks(findBubblewrap()!)).toBe(true);
  });

  it("has only the environment it is given", () => {
    const r = inside("env");
    expect(r.out).toContain("TASK_SECRET=given");
    expect(r.out).not.toContain("OUTSIDE_SECRET");
    expect(r.out).not.toMatch(/GITHUB_|ACTIONS_|RUNNER_|INPUT_/);
  });

  it("sees none of the machine's processes: its own PID namespace and /proc", () => {
    const r = inside("ls /proc | grep -c '^[0-9]'; cat /proc/1/cmdline | tr '\\0' ' '");
    const [count = "0"] = r.out.split("\n");
    expect(Number(count)).toBeLessThan(5);
    expect(r.out).not.toContain("vitest");
    expect(inside(`cat /proc/${process.pid}/environ`).code).not.toBe(0);
  });

  it("sees the workspace and its HOME, not the runner's other directories, and cannot write .git", () => {
    expect(inside(`cat ${join(secretDir, "event.json")}`).code).not.toBe(0);
    expect(inside(`ls ${root}`).out.split("\n").filter(Boolean).sort()).toEqual(["home", "work"]);
    const writes = inside(
      `echo ok > ${join(workspace, "file.txt")} && echo ok > ${join(home, "h")} && echo pwn > ${join(workspace, ".git", "config")}`,
    );
    expect(writes.code).not.toBe(0);
    expect(writes.err).toMatch(/Read-only file system/);
    expect(inside(`cat ${join(workspace, "file.txt")}`).out).toBe("ok\n");
  });

  it("cannot raise its privileges (no new privileges)", () => {
    expect(inside("grep NoNewPrivs /proc/self/status").out).toMatch(/NoNewPrivs:\s+1/);
  });
});
