import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RefUpdate } from "./types.ts";

/** The post-receive hook: appends git's `old new ref` lines to the file $HAVUN_PUSH_LOG names. */
const hook = `#!/bin/sh
if [ -n "$HAVUN_PUSH_LOG" ]; then cat >>"$HAVUN_PUSH_LOG"; else cat >/dev/null; fi
`;

/** A hooks directory under `root` holding the post-receive hook (written if missing). */
export async function hooksDir(root: string): Promise<string> {
  const dir = join(root, ".havun-hooks");
  const present = await access(join(dir, "post-receive"), constants.X_OK).then(
    () => true,
    () => false,
  );
  return present ? dir : writeHook(dir);
}

async function writeHook(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.post-receive-${randomUUID()}`);
  await writeFile(temp, hook, { mode: 0o755 });
  await rename(temp, join(dir, "post-receive"));
  return dir;
}

/** A fresh file path for one push's log. */
export function pushLogPath(): string {
  return join(tmpdir(), `havun-push-${randomUUID()}.log`);
}

/** Reads and deletes a push log; no file means no ref changed. */
export async function takePushLog(path: string): Promise<RefUpdate[]> {
  const text = await readFile(path, "utf8").catch(() => "");
  await rm(path, { force: true });
  return text
    .split("\n")
    .map((line) => line.trim().split(" "))
    .filter((parts): parts is [string, string, string] => parts.length === 3)
    .map(([oldSha, newSha, ref]) => ({ ref, oldSha, newSha }));
}
