import type { HubFiles } from "./hub-files.ts";

/** What a GitHub client must offer (Octokit's REST client, the App's or a workflow job's). */
export interface ContentsClient {
  rest: {
    repos: {
      getContent(params: {
        owner: string;
        repo: string;
        path: string;
        ref?: string;
      }): Promise<{ data: unknown }>;
    };
  };
}

/** A read of the hub that GitHub refused other than with 404 (no access, rate limit, …). */
export class HubReadError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly path: string,
  ) {
    super(`the hub's ${path} cannot be read (${status ?? "error"})`);
    this.name = "HubReadError";
  }
}

type Entry = {
  name?: unknown;
  type?: unknown;
  size?: unknown;
  content?: unknown;
  encoding?: unknown;
};

/** The hub `owner/name` at `ref` (a commit; the default branch when undefined) through the contents API. */
export function githubFiles(gh: ContentsClient, hub: string, ref: string | undefined): HubFiles {
  const [owner = "", repo = ""] = hub.split("/");
  const get = async (path: string): Promise<unknown> => {
    try {
      return (await gh.rest.repos.getContent({ owner, repo, path, ...(ref ? { ref } : {}) })).data;
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 404) return null;
      throw new HubReadError(status, path);
    }
  };
  return {
    async list(path) {
      const data = await get(path);
      if (!Array.isArray(data)) return null;
      return (data as Entry[]).map((e) => ({
        name: String(e.name),
        type: String(e.type),
        size: Number(e.size ?? 0),
      }));
    },
    async read(path) {
      const data = (await get(path)) as Entry | null;
      if (data === null || Array.isArray(data) || typeof data.content !== "string") return null;
      if (data.encoding !== "base64") return null;
      return Buffer.from(data.content, "base64");
    },
  };
}
