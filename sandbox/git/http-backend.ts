import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, isAbsolute, join, relative } from "node:path";
import { runCgi } from "./cgi-run.ts";
import { GitError } from "./errors.ts";
import { gitEnv } from "./git-env.ts";
import { serviceOf } from "./http-service.ts";
import { hooksDir, pushLogPath, takePushLog } from "./push-log.ts";
import { runGit, text } from "./run-git.ts";
import type { RefUpdate } from "./types.ts";

export interface GitHttpOptions {
  /** The bare repository, e.g. `${root}/42.git`. */
  gitDir: string;
  /** The path after the repository, e.g. `/info/refs` or `/git-upload-pack`. */
  pathInfo: string;
  /** The query string without `?`. */
  query: string;
  /** Who is authenticated (git records it as the pusher). */
  remoteUser: string;
  /** The directory holding the repositories; defaults to gitDir's parent. */
  projectRoot?: string;
}

let backendPath: Promise<string> | undefined;

/** `$(git --exec-path)/git-http-backend`, looked up once. */
function httpBackend(): Promise<string> {
  backendPath ??= runGit(["--exec-path"]).then((r) => join(text(r), "git-http-backend"));
  backendPath.catch(() => (backendPath = undefined));
  return backendPath;
}

/**
 * Serves git's smart HTTP protocol for one repository through `git http-backend` (CGI). Check permissions first
 * with `serviceOf`. Resolves, after the response is done, with the refs a push changed (empty for reads and
 * failed pushes). A failing git answers 500; a client that disconnects ends the git process.
 */
export async function serveGitHttp(
  req: IncomingMessage,
  res: ServerResponse,
  opts: GitHttpOptions,
): Promise<RefUpdate[]> {
  const root = opts.projectRoot ?? dirname(opts.gitDir);
  const repoPath = relative(root, opts.gitDir);
  if (repoPath === "" || repoPath.startsWith("..") || isAbsolute(repoPath)) {
    throw new GitError("invalid_input", `${opts.gitDir} is not inside ${root}`);
  }
  const pushing = req.method === "POST" && serviceOf(opts.pathInfo, opts.query) === "receive-pack";
  const log = pushing ? pushLogPath() : undefined;
  const env = gitEnv({
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: "1",
    PATH_INFO: `/${repoPath.split("\\").join("/")}${opts.pathInfo}`,
    REQUEST_METHOD: req.method ?? "GET",
    QUERY_STRING: opts.query,
    CONTENT_TYPE: req.headers["content-type"],
    CONTENT_LENGTH: req.headers["content-length"],
    HTTP_CONTENT_ENCODING: req.headers["content-encoding"],
    GIT_PROTOCOL: header(req, "git-protocol"),
    REMOTE_USER: opts.remoteUser,
    REMOTE_ADDR: req.socket.remoteAddress ?? "127.0.0.1",
    GIT_CONFIG_COUNT: "2",
    GIT_CONFIG_KEY_0: "http.receivepack",
    GIT_CONFIG_VALUE_0: "true",
    GIT_CONFIG_KEY_1: "core.hooksPath",
    GIT_CONFIG_VALUE_1: pushing ? await hooksDir(root) : "/dev/null",
    HAVUN_PUSH_LOG: log,
  });
  try {
    await runCgi(req, res, await httpBackend(), env);
  } catch (err) {
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(`git http-backend failed: ${(err as Error).message}\n`);
  }
  return log ? takePushLog(log) : [];
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}
