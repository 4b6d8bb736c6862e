import { aliasedMutation } from "./aliased-mutation.ts";
import type { GitHubClient } from "./client.ts";
import type { Create } from "./create-sub-issues.ts";

/** A repository's node id and labels, as the sub-issue filing reads them. */
export interface RepoLabels {
  id: string;
  labels: { nodes: { id: string; name: string }[] };
}

const COLORS: Record<string, string> = {
  ready: "0e8a16",
  blocked: "d93f0b",
  failed: "b60205",
  running: "fbca04",
};

/** Label colours by meaning, so boards read at a glance. */
function colorFor(name: string): string {
  return COLORS[name.split(":").pop() ?? ""] ?? "5319e7";
}

/** GitHub weighs each mutation; 20 a request keeps well inside its limits. */
const PER_REQUEST = 20;

/** A label some sub-issue needs that its repository lacks. */
interface Missing {
  repo: string;
  labels: RepoLabels;
  name: string;
}

function has(labels: RepoLabels, name: string): boolean {
  return labels.labels.nodes.some((l) => l.name.toLowerCase() === name.toLowerCase());
}

export function missingLabels(info: Map<string, RepoLabels>, creates: Create[]): Missing[] {
  const out: Missing[] = [];
  for (const c of creates) {
    const labels = info.get(c.task.repo.toLowerCase())!;
    for (const name of [...c.labels, ...(c.later ?? [])]) {
      const seen = out.some(
        (m) => m.labels === labels && m.name.toLowerCase() === name.toLowerCase(),
      );
      if (!seen && !has(labels, name)) out.push({ repo: c.task.repo, labels, name });
    }
  }
  return out;
}

/**
 * Makes the missing labels, all in one aliased `createLabel` request (20 a request at most). A
 * name taken meanwhile (someone made the label since the read) is read again by name, in one
 * more request; any other failure is thrown.
 */
export async function makeLabels(octokit: GitHubClient, missing: Missing[]): Promise<void> {
  for (let start = 0; start < missing.length; start += PER_REQUEST) {
    const chunk = missing.slice(start, start + PER_REQUEST);
    const params = chunk.map((_, i) => `$n${i}: String!`).join(", ");
    const fields = chunk.map(
      (m, i) =>
        `l${i}: createLabel(input: { repositoryId: ${JSON.stringify(m.labels.id)}, name: $n${i}, color: ${JSON.stringify(colorFor(m.name))} }) { label { id name } }`,
    );
    const variables = Object.fromEntries(chunk.map((m, i) => [`n${i}`, m.name]));
    const { data, failed } = await aliasedMutation(
      octokit,
      `mutation CreateLabels(${params}) {\n${fields.join("\n")}\n}`,
      variables,
    );
    const taken: (Missing & { refused: string })[] = [];
    chunk.forEach((m, i) => {
      const made = (data[`l${i}`] as { label: { id: string; name: string } } | null)?.label;
      if (made) return void m.labels.labels.nodes.push(made);
      const failure = failed.get(`l${i}`);
      if (failure?.type !== "UNPROCESSABLE")
        throw new Error(
          `Could not make label ${m.name} in ${m.repo}: ${failure?.message ?? "no answer"}`,
        );
      taken.push({ ...m, refused: failure.message });
    });
    if (taken.length) await readLabels(octokit, taken);
  }
}

/** The labels by name (GitHub matches names regardless of case), in one GraphQL request. */
async function readLabels(
  octokit: GitHubClient,
  wanted: (Missing & { refused: string })[],
): Promise<void> {
  const params = wanted.map((_, i) => `$n${i}: String!`).join(", ");
  const fields = wanted.map((m, i) => {
    const [owner, name] = m.repo.split("/");
    return `q${i}: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) { label(name: $n${i}) { id name } }`;
  });
  const data = await octokit.graphql<
    Record<string, { label: { id: string; name: string } | null }>
  >(
    `query LabelsByName(${params}) {\n${fields.join("\n")}\n}`,
    Object.fromEntries(wanted.map((m, i) => [`n${i}`, m.name])),
  );
  wanted.forEach((m, i) => {
    const label = data[`q${i}`]?.label;
    if (!label)
      throw new Error(
        `Could not make label ${m.name} in ${m.repo}: ${m.refused}, and no label has that name`,
      );
    m.labels.labels.nodes.push(label);
  });
}
