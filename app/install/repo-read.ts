import { splitRepo } from "../gateway/client.ts";
import type { RestClient } from "../gateway/rest-client.ts";

/** The HTTP status of an Octokit error (0 when it has none). */
export function statusOf(err: unknown): number {
  const s = (err as { status?: unknown } | null)?.status;
  return typeof s === "number" ? s : 0;
}

/** Runs a read; 404 (and, with `also`, other statuses) becomes null. */
export async function orNull<T>(read: () => Promise<T>, also: number[] = []): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (statusOf(err) === 404 || also.includes(statusOf(err))) return null;
    throw err;
  }
}

/** A file's text at a ref (default branch when none), or null when it does not exist. */
export async function readText(
  gh: RestClient,
  repo: string,
  path: string,
  ref?: string,
): Promise<{ text: string; sha: string } | null> {
  const r = await orNull(() =>
    gh.rest.repos.getContent({ ...splitRepo(repo), path, ...(ref ? { ref } : {}) }),
  );
  if (!r || Array.isArray(r.data) || r.data.type !== "file" || !("content" in r.data)) return null;
  return { text: Buffer.from(r.data.content, "base64").toString("utf8"), sha: r.data.sha };
}

/** The names in a directory (empty when it does not exist). */
export async function listDir(
  gh: RestClient,
  repo: string,
  path: string,
  ref?: string,
): Promise<{ name: string; path: string; type: string }[]> {
  const r = await orNull(() =>
    gh.rest.repos.getContent({ ...splitRepo(repo), path, ...(ref ? { ref } : {}) }),
  );
  if (!r || !Array.isArray(r.data)) return [];
  return r.data.map((e) => ({ name: e.name, path: e.path, type: e.type }));
}

/** Every workflow file of a repository (`.github/workflows/*.yml|yaml`) with its text. */
export async function readWorkflows(
  gh: RestClient,
  repo: string,
  ref?: string,
): Promise<{ path: string; text: string }[]> {
  const files = (await listDir(gh, repo, ".github/workflows", ref)).filter(
    (e) => e.type === "file" && /\.ya?ml$/.test(e.name),
  );
  const out: { path: string; text: string }[] = [];
  for (const f of files) {
    const file = await readText(gh, repo, f.path, ref);
    if (file) out.push({ path: f.path, text: file.text });
  }
  return out;
}
