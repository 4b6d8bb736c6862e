import { at, type Reader } from "./reader.ts";
import type {
  Concurrency,
  Defaults,
  PermissionLevel,
  PermissionsSpec,
  RunDefaults,
  Shell,
} from "./types.ts";

/** GITHUB_TOKEN scopes a `permissions:` map may name. */
export const PERMISSION_SCOPES = [
  "actions",
  "attestations",
  "checks",
  "contents",
  "deployments",
  "discussions",
  "id-token",
  "issues",
  "models",
  "packages",
  "pages",
  "pull-requests",
  "repository-projects",
  "security-events",
  "statuses",
] as const;

export const SHELLS: readonly Shell[] = ["bash", "sh", "node"];

/** `permissions:` as `read-all`, `write-all`, or a map of scope → read/write/none (`{}` = none). */
export function readPermissions(r: Reader, v: unknown, path: string): PermissionsSpec | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === "read-all" || v === "write-all") return v;
  if (typeof v === "string")
    throw r.fail(path, `expected read-all, write-all or a mapping, got '${v}'`);
  const m = r.map(v, path);
  r.keys(m, path, PERMISSION_SCOPES);
  const out: Record<string, PermissionLevel> = {};
  for (const [scope, level] of Object.entries(m)) {
    if (level !== "read" && level !== "write" && level !== "none") {
      throw r.fail(at(path, scope), `expected read, write or none, got ${JSON.stringify(level)}`);
    }
    out[scope] = level;
  }
  return out;
}

/** `concurrency:` as a group string or `{ group, cancel-in-progress }`. */
export function readConcurrency(r: Reader, v: unknown, path: string): Concurrency | undefined {
  if (v === undefined || v === null) return undefined;
  if (!r.isMap(v)) return { group: r.text(v, path), cancelInProgress: false };
  r.keys(v, path, ["group", "cancel-in-progress"]);
  const group = r.text(v.group, at(path, "group"));
  const cancel = v["cancel-in-progress"];
  return {
    group,
    cancelInProgress:
      cancel === undefined ? false : r.boolOrExpr(cancel, at(path, "cancel-in-progress")),
  };
}

/** `defaults: run: { shell, working-directory }`. */
export function readDefaults(r: Reader, v: unknown, path: string): Defaults | undefined {
  if (v === undefined || v === null) return undefined;
  const m = r.map(v, path);
  r.keys(m, path, ["run"]);
  const runPath = at(path, "run");
  const run = r.map(m.run, runPath);
  r.keys(run, runPath, ["shell", "working-directory"]);
  const out: RunDefaults = {};
  if (run.shell !== undefined) out.shell = readShell(r, run.shell, at(runPath, "shell"));
  const wd = r.optText(run["working-directory"], at(runPath, "working-directory"));
  if (wd !== undefined) out.workingDirectory = wd;
  return { run: out };
}

export function readShell(r: Reader, v: unknown, path: string): Shell {
  const s = r.text(v, path);
  if ((SHELLS as readonly string[]).includes(s)) return s as Shell;
  throw r.unsupported(path, `shell: ${s}`, `the sandbox runner has ${SHELLS.join(", ")}`);
}
