import { spawn } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseCgiHead } from "./cgi-headers.ts";

/**
 * Runs a CGI program for one request: streams the request body to its stdin and its response (Status line,
 * headers, body) to `res`. A program that fails before answering gives a 500 with its stderr. A client that
 * disconnects kills the program. Resolves once the program has exited (it is always reaped).
 */
export function runCgi(
  req: IncomingMessage,
  res: ServerResponse,
  program: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(program, [], { env, stdio: ["pipe", "pipe", "pipe"] });
    let head = Buffer.alloc(0);
    let answered = false;
    const stderr: Buffer[] = [];
    const fail = (message: string) => {
      if (answered || res.headersSent) return void res.destroy();
      answered = true;
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`git http-backend failed: ${message}\n`);
    };
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const parsed = parseCgiHead(head);
      if (!parsed) return;
      answered = true;
      res.writeHead(parsed.status, parsed.headers.flat());
      if (parsed.rest.length > 0) res.write(parsed.rest);
      child.stdout.off("data", onData);
      child.stdout.pipe(res);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => stderr.length < 64 && stderr.push(chunk));
    child.stdin.on("error", () => {}); // the program may exit before reading the whole body
    req.pipe(child.stdin);
    const kill = () =>
      child.exitCode === null && child.signalCode === null && child.kill("SIGTERM");
    req.on("error", kill);
    res.on("close", () => {
      if (!res.writableFinished) kill();
    });
    child.on("error", (err) => {
      fail(err.message);
      resolve();
    });
    child.on("close", (code, signal) => {
      const why = Buffer.concat(stderr).toString("utf8").trim() || `exit ${signal ?? code}`;
      if (!answered) fail(why);
      else if (code !== 0 && !res.writableEnded) res.destroy();
      else if (!res.writableEnded) res.end();
      resolve();
    });
  });
}
