import { splitRepo, type GitHubClient } from "./client.ts";
import { conditionalReads } from "./conditional.ts";
import type { HubConfig } from "../config/hub-config-schema.ts";
import type { RepoContext } from "../planner/planner-prompt.ts";
import { secretFromPath } from "../../vault/layout.ts";
import { DEFAULT_LIBRARY_DIR } from "../../snippets/library-config.ts";
import type { Snippet } from "../../snippets/snippet.ts";
import { readHubSnippets, type LibraryEntry } from "./hub-snippets.ts";

/** A project repository's description, top-level files and README head, through the API. */
export async function readRepoContext(
  octokit: GitHubClient,
  project: HubConfig["projects"][number],
): Promise<RepoContext> {
  conditionalReads(octokit);
  const where = splitRepo(project.repo);
  const files = await octokit.rest.repos.getContent({ ...where, path: "" }).then(
    (r) =>
      Array.isArray(r.data) ? r.data.map((e) => (e.type === "dir" ? `${e.name}/` : e.name)) : [],
    () => [] as string[],
  );
  const readmeName = files.find((f) => /^readme(\.md|\.txt)?$/i.test(f));
  const readmeHead = readmeName
    ? await octokit.rest.repos.getContent({ ...where, path: readmeName }).then(
        (r) =>
          "content" in r.data
            ? Buffer.from(r.data.content, "base64")
                .toString("utf8")
                .split("\n")
                .slice(0, 40)
                .join("\n")
                .slice(0, 3000)
            : "",
        () => "",
      )
    : "";
  return {
    repo: project.repo,
    description: project.description,
    stack: project.stack ?? [],
    files,
    readmeHead,
  };
}

export interface HubCatalog {
  sealedSecrets: Record<string, string[]>;
  contracts: string[];
  /** The snippet library's snippets that parse (the planner searches them), by id. */
  snippets: readonly Snippet[];
}

/**
 * The hub's tree once: sealed secret names per repository (never values), contract names, and
 * the snippet library in `snippetsDir` (the config's `snippets.dir`; null: not read), whose
 * files are read once per blob (hub-snippets.ts).
 */
export async function readHubCatalog(
  octokit: GitHubClient,
  hub: string,
  snippetsDir: string | null = DEFAULT_LIBRARY_DIR,
): Promise<HubCatalog> {
  conditionalReads(octokit);
  const where = splitRepo(hub);
  const sealedSecrets: Record<string, string[]> = {};
  const contracts = new Set<string>();
  const library: LibraryEntry[] = [];
  const prefix = `${snippetsDir}/`;
  let snippets: readonly Snippet[] = [];
  try {
    const repo = await octokit.rest.repos.get(where);
    const tree = await octokit.rest.git.getTree({
      ...where,
      tree_sha: repo.data.default_branch,
      recursive: "1",
    });
    for (const entry of tree.data.tree) {
      const path = entry.path ?? "";
      const secret = path.startsWith("vault/")
        ? secretFromPath(path.slice("vault/".length))
        : undefined;
      if (secret) (sealedSecrets[secret.repo.toLowerCase()] ??= []).push(secret.name);
      const contract = /^contracts\/([^/]+)\/contract\.ya?ml$/.exec(path);
      if (contract?.[1]) contracts.add(contract[1]);
      if (snippetsDir !== null && entry.type === "blob" && path.startsWith(prefix))
        library.push({
          path: path.slice(prefix.length),
          sha: entry.sha ?? "",
          size: entry.size ?? 0,
        });
    }
    if (snippetsDir !== null)
      snippets = await readHubSnippets(
        octokit,
        hub,
        snippetsDir,
        repo.data.default_branch,
        library,
      );
  } catch (err) {
    if ((err as { status?: number }).status !== 404 && (err as { status?: number }).status !== 409)
      throw err;
  }
  return { sealedSecrets, contracts: [...contracts], snippets };
}

/** `.github/havun.yml` of the hub's default branch; null when there is none. */
export async function readHubConfigText(
  octokit: GitHubClient,
  hub: string,
  path: string,
): Promise<string | null> {
  conditionalReads(octokit);
  try {
    const r = await octokit.rest.repos.getContent({ ...splitRepo(hub), path });
    return "content" in r.data ? Buffer.from(r.data.content, "base64").toString("utf8") : null;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}
