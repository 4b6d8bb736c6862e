import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

function unquote(raw: string): string {
  if (raw.startsWith('"')) {
    const end = raw.lastIndexOf('"');
    const inner = end > 0 ? raw.slice(1, end) : raw.slice(1);
    return inner.replace(/\\([nr"\\])/g, (_, c: string) =>
      c === "n" ? "\n" : c === "r" ? "\r" : c,
    );
  }
  if (raw.startsWith("'")) {
    const end = raw.lastIndexOf("'");
    return end > 0 ? raw.slice(1, end) : raw.slice(1);
  }
  return raw.replace(/\s+#.*$/, "");
}

/** A `.env` file's variables (`KEY=value`, `export KEY=…`, quoted values, `#` comments). */
export function parseEnv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const m = LINE.exec(line);
    if (m) out.set(m[1]!, unquote(m[2]!));
  }
  return out;
}

/**
 * One `KEY=value` line. A value is written as it is when every reader takes it literally (no
 * surrounding spaces, quotes, ` #` or line breaks: dotenv, `docker run --env-file`, this file);
 * otherwise double-quoted and escaped.
 */
export function formatEnvLine(key: string, value: string): string {
  if (!/^\s|\s$|^["']|\s#|[\r\n]/.test(value)) return `${key}=${value}`;
  const escaped = value
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\r/g, "\\r")
    .replace(/\n/g, "\\n");
  return `${key}="${escaped}"`;
}

/**
 * Loads a `.env` file into `env` without overriding what is already set (the environment wins;
 * an empty variable counts as unset). Returns the keys it set, or null when there is no file.
 */
export function loadEnvFile(
  path: string,
  env: Record<string, string | undefined> = process.env,
): string[] | null {
  if (!existsSync(path)) return null;
  const set: string[] = [];
  for (const [key, value] of parseEnv(readFileSync(path, "utf8"))) {
    if (env[key]) continue;
    env[key] = value;
    set.push(key);
  }
  return set;
}

export class EnvFileConflict extends Error {
  constructor(
    readonly path: string,
    readonly appId: string,
  ) {
    super(`refusing to overwrite ${path}: it already holds APP_ID=${appId}`);
    this.name = "EnvFileConflict";
  }
}

/**
 * Writes `values` into the `.env` at `path`, readable by its owner only (0600): other lines
 * (comments too) are kept, keys already there are replaced in place, new ones appended.
 * Refuses (EnvFileConflict) when the file already holds a non-empty APP_ID.
 */
export function writeEnvValues(path: string, values: Record<string, string>): void {
  const before = existsSync(path) ? readFileSync(path, "utf8") : "";
  const existing = parseEnv(before).get("APP_ID");
  if (existing) throw new EnvFileConflict(path, existing);
  const pending = new Map(Object.entries(values));
  const lines = before === "" ? [] : before.replace(/\r?\n$/, "").split(/\r?\n/);
  const kept: string[] = [];
  for (const line of lines) {
    const key = LINE.exec(line)?.[1];
    if (key && values[key] !== undefined && !/^\s*#/.test(line)) {
      if (pending.has(key)) kept.push(formatEnvLine(key, values[key]));
      pending.delete(key);
      continue;
    }
    kept.push(line);
  }
  for (const [key, value] of pending) kept.push(formatEnvLine(key, value));
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, kept.join("\n") + "\n", { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}
