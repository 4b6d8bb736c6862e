import { AGENTS_DIR } from "../agents/agent-name.ts";
import type { AgentFileText } from "../agents/parse-agent-file.ts";
import { MAX_AGENT_FILES } from "../agents/registry.ts";
import { splitRepo, type GitHubClient } from "./client.ts";
import { conditionalReads } from "./conditional.ts";

/** The hub's configuration as files: `.github/havun.yml` and its agents. */
export interface HubConfigFiles {
  config: string;
  agents: AgentFileText[];
}

interface Entry {
  name: string;
  path: string;
  sha: string;
  type: string;
  size?: number;
}

const MAX_CACHED = 500;
/** File texts by `hub:blob sha`, and agent sets by `hub:tree sha`: a blob or tree never changes. */
const texts = new Map<string, string>();
const agentSets = new Map<string, AgentFileText[]>();

function remember<T>(map: Map<string, T>, key: string, value: T): T {
  map.set(key, value);
  if (map.size > MAX_CACHED) map.delete(map.keys().next().value!);
  return value;
}

async function listing(octokit: GitHubClient, hub: string, path: string): Promise<Entry[] | null> {
  try {
    const r = await octokit.rest.repos.getContent({ ...splitRepo(hub), path });
    return Array.isArray(r.data) ? (r.data as Entry[]) : null;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}

async function fileText(octokit: GitHubClient, hub: string, entry: Entry): Promise<string> {
  const key = `${hub.toLowerCase()}:${entry.sha}`;
  const known = texts.get(key);
  if (known !== undefined) return known;
  const r = await octokit.rest.repos.getContent({ ...splitRepo(hub), path: entry.path });
  const text = "content" in r.data ? Buffer.from(r.data.content, "base64").toString("utf8") : "";
  // Kept only when it is the blob the listing named (the branch may have moved in between).
  return "sha" in r.data && r.data.sha === entry.sha ? remember(texts, key, text) : text;
}

/**
 * `.github/havun.yml` and the agent files (`.github/havun/agents/*.md`) of the hub's default
 * branch, read together: one conditional request for the `.github` folder's listing, which
 * names each file's blob and the `havun` folder's tree by hash. What a hash names is read once
 * per App process; when nothing changed the listing is answered 304 Not Modified and nothing
 * else is requested — the same one request a read of `.github/havun.yml` alone made. Null when
 * the hub has no `.github/havun.yml`.
 */
export async function readHubConfigFiles(
  octokit: GitHubClient,
  hub: string,
): Promise<HubConfigFiles | null> {
  conditionalReads(octokit);
  const github = await listing(octokit, hub, ".github");
  const configEntry = github?.find((e) => e.name === "havun.yml" && e.type === "file");
  if (!github || !configEntry) return null;
  const havunDir = github.find((e) => e.name === "havun" && e.type === "dir");
  const [config, agents] = await Promise.all([
    fileText(octokit, hub, configEntry),
    havunDir ? agentFiles(octokit, hub, havunDir.sha) : Promise.resolve([]),
  ]);
  return { config, agents };
}

async function agentFiles(
  octokit: GitHubClient,
  hub: string,
  treeSha: string,
): Promise<AgentFileText[]> {
  const key = `${hub.toLowerCase()}:${treeSha}`;
  const known = agentSets.get(key);
  if (known) return known;
  const entries = (await listing(octokit, hub, AGENTS_DIR)) ?? [];
  const md = entries
    .filter((e) => e.type === "file" && /\.md$/i.test(e.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  // One more than the limit is read, so the registry can say there are too many.
  const files: AgentFileText[] = [];
  for (const e of md.slice(0, MAX_AGENT_FILES + 1))
    files.push({ path: `${AGENTS_DIR}/${e.name}`, text: await fileText(octokit, hub, e) });
  return remember(agentSets, key, files);
}

/** Forgets every remembered text (tests). */
export function forgetHubConfigFiles(): void {
  texts.clear();
  agentSets.clear();
}
