import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { RequestError } from "@octokit/request-error";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../sandbox/index.ts";
import { octokitFor } from "./fixtures.ts";

export interface Hook {
  event: string;
  action: string | undefined;
  body: any;
}

/** `src/app.js` on main: twenty numbered lines. */
export const APP_JS = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n") + "\n";

/**
 * Org `acme` (alice its admin) with private repo `api` (will: write, tess: triage, ron: read) and
 * the App `reviewer`, installed on acme, that receives the pull request events at a local sink
 * (so every payload is checked against GitHub's webhook schemas).
 */
export async function reviewWorld(options: SandboxOptions = {}) {
  const hooks: Hook[] = [];
  const sink: Server = createServer((req, res) => {
    let text = "";
    req.on("data", (c: Buffer) => (text += c.toString()));
    req.on("end", () => {
      const body = JSON.parse(text);
      hooks.push({ event: String(req.headers["x-github-event"]), action: body.action, body });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => sink.listen(0, "127.0.0.1", () => r()));
  const sb: Sandbox = await startSandbox({
    secondaryRateLimit: 0,
    ...options,
    seed: {
      users: [{ login: "alice" }, { login: "will" }, { login: "tess" }, { login: "ron" }],
      orgs: [{ login: "acme", members: { alice: "admin" } }],
      repos: [
        {
          owner: "acme",
          name: "api",
          private: true,
          files: { "README.md": "# api\n", "src/app.js": APP_JS },
          collaborators: { will: "write", tess: "triage", ron: "read" },
        },
      ],
      apps: [
        {
          slug: "reviewer",
          owner: "acme",
          webhookUrl: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`,
          manifest: {
            default_permissions: { pull_requests: "write", contents: "write", issues: "write" },
            default_events: [
              "pull_request",
              "pull_request_review",
              "pull_request_review_comment",
              "pull_request_review_thread",
              "push",
            ],
          },
          installations: [{ account: "acme" }],
        },
      ],
    },
  });
  const gh = (login: string) => octokitFor(sb, sb.token(login));
  const repo = { owner: "acme", repo: "api" };

  /** An installation token of the App, by the real JWT exchange. */
  async function app(): Promise<Octokit> {
    const a = sb.seeded.apps.reviewer!.app;
    const jwt = new Octokit({
      baseUrl: sb.apiUrl,
      authStrategy: createAppAuth,
      auth: { appId: a.id, privateKey: a.privateKeyPem },
      request: { retries: 0 },
    });
    const inst = await jwt.apps.getRepoInstallation(repo);
    const token = await jwt.apps.createInstallationAccessToken({ installation_id: inst.data.id });
    return octokitFor(sb, token.data.token);
  }

  /** Writes files on a branch (created from main when missing) through the contents API. */
  async function write(branch: string, files: Record<string, string>, by = "alice") {
    const o = gh(by);
    const exists = await o.git.getRef({ ...repo, ref: `heads/${branch}` }).catch(() => null);
    if (!exists) {
      const main = await o.git.getRef({ ...repo, ref: "heads/main" });
      await o.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: main.data.object.sha });
    }
    for (const [path, content] of Object.entries(files)) {
      const current = await o.repos.getContent({ ...repo, path, ref: branch }).catch(() => null);
      const sha = current && !Array.isArray(current.data) ? current.data.sha : undefined;
      await o.repos.createOrUpdateFileContents({
        ...repo,
        branch,
        path,
        sha,
        message: `Write ${path}`,
        content: Buffer.from(content).toString("base64"),
      });
    }
  }

  /** Opens a pull request from `branch` (written first) into main. */
  async function openPull(
    branch: string,
    files: Record<string, string>,
    opts: { by?: string; draft?: boolean } = {},
  ) {
    await write(branch, files, opts.by ?? "will");
    const pr = await gh(opts.by ?? "will").pulls.create({
      ...repo,
      head: branch,
      base: "main",
      title: `Change ${branch}`,
      draft: opts.draft,
    });
    return pr.data;
  }

  /** The webhooks delivered so far of one event (and action). */
  async function delivered(event: string, action?: string): Promise<Hook[]> {
    await sb.webhooks.idle();
    return hooks.filter((h) => h.event === event && (!action || h.action === action));
  }

  return {
    sb,
    gh,
    app,
    repo,
    write,
    openPull,
    delivered,
    async stop() {
      await sb.stop();
      await new Promise<void>((r) => sink.close(() => r()));
    },
  };
}

/** The status and body GitHub answered an Octokit call with. */
export async function answer(p: Promise<{ status: number; data: unknown }>) {
  try {
    const r = await p;
    return { status: r.status, data: r.data as any };
  } catch (e) {
    if (e instanceof RequestError) return { status: e.status, data: e.response?.data as any };
    throw e;
  }
}

/** `src/app.js` with line 5 replaced and a line added after line 12. */
export const CHANGED_APP_JS = APP_JS.replace("line 5\n", "line five\n").replace(
  "line 12\n",
  "line 12\nline 12.5\n",
);
