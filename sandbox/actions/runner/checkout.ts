import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { RunnerError } from "./errors.ts";
import { runInGroup } from "./spawn-group.ts";
import type { StepIo, StepResult } from "./step-io.ts";

/** actions/checkout inputs the built-in honours; others fail the step rather than being ignored. */
const SUPPORTED = new Set([
  "repository",
  "ref",
  "token",
  "path",
  "fetch-depth",
  "persist-credentials",
  "clean",
  "fetch-tags",
  "show-progress",
  "set-safe-directory",
]);
/** Inputs that are fine at their default values. */
const HARMLESS: Record<string, string[]> = { submodules: ["false", ""], lfs: ["false", ""] };

export const isCheckout = (uses: string): boolean => /^actions\/checkout@/i.test(uses);

function authHeader(token: string): string {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
}

/**
 * actions/checkout, built in: clones the repository over the sandbox's git HTTP at the
 * event's commit (or `ref`) with the job's token, and keeps the token in the clone's config
 * (persist-credentials) so a later `git push` works.
 */
export async function checkout(io: StepIo, inputs: Record<string, string>): Promise<StepResult> {
  const { rt } = io;
  const { core, repo, trigger } = rt.setup.env;
  for (const [k, v] of Object.entries(inputs)) {
    if (SUPPORTED.has(k) || HARMLESS[k]?.includes(v)) continue;
    throw new RunnerError(
      "ACTION_UNSUPPORTED",
      `${io.file}: ${io.where}: actions/checkout input '${k}' is not supported by the sandbox runner (it has ${[...SUPPORTED].join(", ")}).`,
    );
  }
  const full = inputs.repository || core.store.fullName(repo);
  const [owner = "", name = ""] = full.split("/");
  const target = core.store.repo(owner, name);
  const token = inputs.token || rt.token.token;
  const dir = join(rt.workspace, inputs.path ?? "");
  if (relative(rt.workspace, dir).startsWith("..") || isAbsolute(inputs.path ?? ""))
    throw new RunnerError(
      "CHECKOUT_FAILED",
      `${io.file}: ${io.where}: actions/checkout path '${inputs.path}' must be inside the workspace.`,
    );
  if (!target)
    throw new RunnerError(
      "CHECKOUT_FAILED",
      `${io.file}: ${io.where}: actions/checkout: repository '${full}' not found.`,
    );
  const ownRepo = target.id === repo.id;
  let ref = inputs.ref || (ownRepo ? trigger.ref : `refs/heads/${target.defaultBranch}`);
  let sha = !inputs.ref && ownRepo ? trigger.sha : null;
  if (!sha) {
    const candidates = ref.startsWith("refs/")
      ? [ref]
      : [`refs/heads/${ref}`, `refs/tags/${ref}`, ref];
    for (const c of candidates) {
      sha = await core.git.resolve(target.id, c).catch(() => null);
      if (sha) {
        ref = c;
        break;
      }
    }
  }
  if (!sha)
    throw new RunnerError(
      "CHECKOUT_FAILED",
      `${io.file}: ${io.where}: actions/checkout: '${ref}' is not a branch, tag or commit of ${full}.`,
    );
  const depth = Number(inputs["fetch-depth"] ?? "1");
  mkdirSync(dir, { recursive: true });
  rt.masker.add(token);
  rt.masker.add(authHeader(token).slice("AUTHORIZATION: basic ".length));
  const git = async (...args: string[]) => {
    rt.log.line(`[command]git ${args.join(" ")}`);
    const r = await runInGroup("git", args, {
      cwd: dir,
      env: { ...io.env, GIT_TERMINAL_PROMPT: "0" },
      onLine: (l) => rt.log.line(l),
      signal: io.signal,
      timeoutMs: io.timeoutMs,
      groups: rt.groups,
    });
    if (r.code !== 0 || r.stopped)
      throw new RunnerError(
        "CHECKOUT_FAILED",
        `${io.file}: ${io.where}: actions/checkout: git ${args[0]} failed${r.stopped ? ` (${r.stopped})` : ` with exit code ${r.code}`}.`,
      );
  };
  const url = `${core.urls.server}/${full}.git`;
  const header = `http.${core.urls.server}/.extraheader`;
  const branch = ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : null;
  const dest = branch
    ? `refs/remotes/origin/${branch}`
    : ref.startsWith("refs/tags/")
      ? ref
      : "refs/remotes/origin/checkout";
  // As actions/checkout does: a directory already holding this repository is reused (cleaned
  // unless `clean: false`); one holding anything else is emptied first.
  const existing = existsSync(join(dir, ".git"))
    ? spawnSync("git", ["config", "--get", "remote.origin.url"], {
        cwd: dir,
        encoding: "utf8",
      }).stdout.trim()
    : null;
  if (existing === url) {
    if (inputs.clean !== "false") {
      await git("clean", "-ffdx");
      await git("reset", "--hard", "HEAD");
    }
  } else {
    for (const entry of readdirSync(dir))
      rmSync(join(dir, entry), { recursive: true, force: true });
    await git("init", "--quiet", dir);
    await git("remote", "add", "origin", url);
  }
  await git("config", "--local", header, authHeader(token));
  // As actions/checkout does: fetch-depth 0 in a shallow clone (an earlier checkout) unshallows it.
  const depthArgs =
    depth > 0
      ? [`--depth=${depth}`]
      : existsSync(join(dir, ".git", "shallow"))
        ? ["--unshallow"]
        : [];
  const refspecs =
    depth > 0
      ? [`+${sha}:${dest}`]
      : ["+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*"];
  // As actions/checkout does: a fetch that fails is tried again, three attempts in all (it
  // waits 10–20 s between them; the sandbox waits a second).
  const fetch = async (...args: string[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await git(...args);
      } catch (err) {
        if (attempt >= 3 || io.signal?.aborted) throw err;
        rt.log.line(`Waiting 1 seconds before trying again`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  };
  await fetch(
    "-c",
    "protocol.version=2",
    "fetch",
    "--no-tags",
    "--prune",
    "--no-recurse-submodules",
    ...depthArgs,
    "origin",
    ...refspecs,
  );
  if (depth === 0 && !branch) await fetch("fetch", "--no-tags", "origin", `+${sha}:${dest}`);
  if (branch) await git("checkout", "--force", "-B", branch, dest);
  else await git("checkout", "--force", "--detach", sha);
  if (inputs["persist-credentials"] === "false")
    await git("config", "--local", "--unset-all", header);
  rt.log.line(`HEAD is now at ${sha.slice(0, 7)}`);
  return { ok: true, outputs: { ref, commit: sha } };
}
