import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { VaultError } from "./errors.ts";
import { secretPath } from "./layout.ts";
import { normalizeRepo, validateSecretName } from "./names.ts";
import { hubOf, parseSealedFile } from "./sealed-file.ts";

const run = promisify(execFile);

/** One change to a sealed file, read from git history. */
export interface AuditEntry {
  commit: string;
  date: string;
  author: string;
  email: string;
  subject: string;
  action: "sealed" | "re-sealed" | "rotated" | "deleted" | "moved" | "changed";
  /** The file's version after the change (null when deleted or unreadable). */
  version: number | null;
  /** The hub that version is bound to (null when deleted, unreadable or v1, bound to none). */
  hub: string | null;
  /** The key id of the sealer who signed that version, if signed. */
  sealer: string | null;
}

interface Commit {
  commit: string;
  author: string;
  email: string;
  date: string;
  subject: string;
  status: string;
  path: string;
}

/** The audit trail of one secret: who sealed, re-sealed, rotated or deleted it, newest first. */
export async function auditLog(
  dir: string,
  repoInput: string,
  nameInput: string,
): Promise<AuditEntry[]> {
  const file = secretPath(normalizeRepo(repoInput), validateSecretName(nameInput));
  await git(dir, ["rev-parse", "--show-toplevel"]).catch(() => {
    throw new VaultError(
      "VAULT_NOT_GIT",
      `${dir} is not inside a git repository, so there is no audit trail`,
      "run `havun vault log` with --dir pointing into the hub checkout (the trail is its git history)",
    );
  });
  const format = "%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s";
  const out = await git(dir, [
    "log",
    "--follow",
    "--name-status",
    `--format=${format}`,
    "--",
    file,
  ]);
  const commits = parseLog(out);
  if (commits.length === 0) {
    throw new VaultError(
      "VAULT_NO_HISTORY",
      `no commit touches ${file}`,
      "commit the vault after sealing; the audit trail is the file's git history",
    );
  }
  const entries: AuditEntry[] = [];
  let previousRecipients: string | undefined;
  for (const c of [...commits].reverse()) {
    const content = c.status === "D" ? undefined : await readAt(dir, c.commit, c.path);
    const recipients = content?.recipients.map((r) => r.keyId).join(",");
    entries.push({
      commit: c.commit,
      date: c.date,
      author: c.author,
      email: c.email,
      subject: c.subject,
      action: actionOf(c.status, content === undefined, previousRecipients, recipients),
      version: content?.version ?? null,
      hub: content === undefined ? null : hubOf(content),
      sealer: content?.signature?.keyId ?? null,
    });
    previousRecipients = recipients ?? previousRecipients;
  }
  return entries.reverse();
}

function actionOf(
  status: string,
  unreadable: boolean,
  before: string | undefined,
  after: string | undefined,
): AuditEntry["action"] {
  if (status === "D") return "deleted";
  if (status.startsWith("R")) return "moved";
  if (unreadable) return "changed";
  if (status === "A" || before === undefined) return "sealed";
  return before === after ? "re-sealed" : "rotated";
}

function parseLog(out: string): Commit[] {
  return out
    .split("\x1e")
    .filter((record) => record.trim() !== "")
    .map((record) => {
      const [header = "", ...rest] = record.split("\n");
      const [commit = "", author = "", email = "", date = "", subject = ""] = header.split("\x1f");
      const change = rest.find((line) => line.trim() !== "")?.split("\t") ?? [];
      return {
        commit,
        author,
        email,
        date,
        subject,
        status: change[0] ?? "",
        path: change.at(-1) ?? "",
      };
    });
}

async function readAt(dir: string, commit: string, file: string) {
  try {
    return parseSealedFile(await git(dir, ["show", `${commit}:${file}`]));
  } catch {
    return undefined;
  }
}

async function git(dir: string, args: string[]): Promise<string> {
  const { stdout } = await run("git", args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
