import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, matchesGlob, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_MANIFEST } from "../../sandbox/default-seed.ts";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { envOf, execForm, parseDockerfile } from "./dockerfile.ts";
import { closedPort, killAll, startHavunApp } from "./havun-app-process.ts";

// No Docker engine runs here: the image is not built. These tests hold the Dockerfile to its
// rules and follow its steps by hand — its COPY lines (minus .dockerignore) into a directory,
// only the production dependencies beside them — and run that as the image would.

const ROOT = join(import.meta.dirname, "../..");
const stages = parseDockerfile(join(ROOT, "Dockerfile"));
const final = stages.at(-1)!;
const ignore = readFileSync(join(ROOT, ".dockerignore"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
const arg = (stage: typeof final, cmd: string) => stage.filter((i) => i.cmd === cmd);

describe("the Dockerfile", () => {
  it("builds on Node 24 and installs production dependencies only, with npm ci", () => {
    for (const s of stages) expect(s[0]!.args).toMatch(/^node:24(-[a-z]+)?( AS \w+)?$/i);
    const installs = stages.flatMap((s) => arg(s, "RUN")).map((i) => i.args);
    expect(installs.some((r) => /\bnpm ci --omit=dev\b/.test(r))).toBe(true);
    expect(installs.some((r) => /npm (i|install)\b(?! --omit)/.test(r))).toBe(false);
  });

  it("runs `havun app` as a non-root user, on 0.0.0.0, with JSON logs", () => {
    const users = arg(final, "USER");
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)!.args).not.toMatch(/^(root|0)(:|$)/);
    expect(execForm(arg(final, "CMD").at(-1)!.args)).toEqual(["havun", "app"]);
    const env = envOf(final);
    expect(env.HOST).toBe("0.0.0.0");
    expect(env.LOG_FORMAT).toBe("json");
    expect(arg(final, "EXPOSE").map((i) => i.args)).toEqual([env.PORT]);
  });

  it("checks health with GET /healthz on the server's port", () => {
    const check = arg(final, "HEALTHCHECK").at(-1)!;
    const cmd = execForm(check.args);
    expect(cmd.join(" ")).toContain("/healthz");
    expect(cmd.join(" ")).toContain("process.env.PORT");
  });

  it("keeps credentials and the rest out of the build context", () => {
    for (const p of [".env", ".env.*", "*.pem", ".git", "node_modules", "**/*.test.ts"])
      expect(ignore).toContain(p);
  });
});

describe("the image's contents, assembled by hand", () => {
  let sb: Sandbox;
  let image: string;
  let data: string;
  beforeAll(async () => {
    sb = await startSandbox({
      secondaryRateLimit: 0,
      actions: false,
      seed: {
        users: [{ login: "alice" }],
        orgs: [{ login: "acme", members: { alice: "admin" } }],
        apps: [{ slug: "havuncore", owner: "acme", manifest: APP_MANIFEST }],
      },
    });
    image = mkdtempSync(join(tmpdir(), "havun-image-"));
    data = join(image, "var-lib-havun");
    mkdirSync(data);
    const ignored = (rel: string) =>
      ignore.some((p) => matchesGlob(rel, p) || matchesGlob(rel, `${p}/**`));
    const code = join(image, "opt-havuncore");
    for (const copy of arg(final, "COPY").filter((i) => !i.args.startsWith("--from"))) {
      const parts = copy.args.split(/\s+/);
      const dest = parts.pop()!;
      for (const src of parts)
        cpSync(join(ROOT, src), join(code, dest === "./" ? src : dest), {
          recursive: true,
          filter: (from) => {
            const rel = relative(ROOT, from);
            return rel === "" || !ignored(rel);
          },
        });
    }
    // `npm ci --omit=dev`: the lockfile's packages that are not dev-only, taken from this checkout.
    const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { dev?: boolean }>;
    };
    for (const [path, pkg] of Object.entries(lock.packages)) {
      if (!/^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) || pkg.dev) continue;
      mkdirSync(dirname(join(code, path)), { recursive: true });
      symlinkSync(join(ROOT, path), join(code, path));
    }
  });
  afterAll(async () => {
    killAll();
    await sb.stop();
    rmSync(image, { recursive: true, force: true });
  });

  it("serves `havun app` with production dependencies only, and the HEALTHCHECK passes", async () => {
    const r = sb.seeded.apps.havuncore!.app;
    const port = String(await closedPort());
    const env = {
      ...envOf(final),
      HOST: "127.0.0.1", // not 0.0.0.0 on a shared machine
      PORT: port,
      APP_ID: String(r.id),
      PRIVATE_KEY: r.privateKeyPem,
      WEBHOOK_SECRET: r.webhookSecret,
      GITHUB_API_URL: sb.apiUrl,
      ANTHROPIC_API_KEY: "sk-ant-test",
    };
    const app = startHavunApp([], {
      cwd: data,
      env,
      bin: join(image, "opt-havuncore/cli/bin/havun.js"),
    });
    await app.line(/HavunCore App listening/);
    const [command, ...args] = execForm(arg(final, "HEALTHCHECK").at(-1)!.args);
    expect(command).toBe("node");
    // Asynchronously: the sandbox answering the App's GET /app runs in this process.
    const healthcheck = () =>
      new Promise<number | null>((resolve) =>
        spawn(process.execPath, args, { env: { PORT: port }, stdio: "ignore" }).once(
          "exit",
          resolve,
        ),
      );
    expect(await healthcheck()).toBe(0);
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
    expect(await healthcheck()).toBe(1);
  });
});
