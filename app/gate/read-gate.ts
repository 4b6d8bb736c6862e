import { readControl } from "../core/control.ts";
import type { GitHubClient } from "../gateway/client.ts";
import { readAcceptanceSection } from "../spec/agent-pull.ts";
import { parseSpecBlock } from "../spec/spec-block.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";
import { CONTRACTS_APP } from "./contract-rule.ts";
import { acceptancesInComments } from "./contract-waivers.ts";
import { hasWriteAccess } from "./editor-permission.ts";
import type {
  GateActor,
  GateCheckRun,
  GateInputs,
  GatePull,
  GateTaskInput,
} from "./gate-inputs.ts";
import {
  CLOSING_LIMIT,
  type ActorNode,
  type GateCheckNode,
  type GateQueryResult,
} from "./gate-query.ts";
import { sharedGateQuery } from "./shared-gate-read.ts";
import { isAppActor, siblingTasks } from "./sibling-tasks.ts";

export const GATE_CHECK = "havun/gate";

export interface GateOptions {
  appSlug: string;
  /** The App's signer: only specs and control state it signed are trusted. */
  signer: MarkerSigner;
  /** The App whose `havun/contracts` runs count (GitHub Actions unless said otherwise). */
  contractsApp?: string;
}

/** When the asker's event was received: a shared read that started later answers it. */
export interface ReadSince {
  since?: number;
}

export interface GateRead {
  inputs: GateInputs;
  state: "OPEN" | "CLOSED" | "MERGED";
  /** The gate's own latest check run on the head commit, if any. */
  own: GateCheckRun | null;
}

const actor = (a: ActorNode | null): GateActor | null =>
  a ? { login: a.login, bot: a.__typename === "Bot" } : null;

/**
 * Reads a pull request's gate inputs with one GraphQL request (and, when its checklist has a
 * tick saved by a person, one permission check of that person); null when it does not exist.
 */
export async function readGate(
  octokit: GitHubClient,
  repo: string,
  number: number,
  o: GateOptions & ReadSince,
): Promise<GateRead | null> {
  const data = await sharedGateQuery(octokit, repo, number, o.since);
  const pr = data.repository?.pullRequest;
  if (!pr) return null;
  const read = gateFromQuery(repo, pr, o);
  const { pull, tasks } = read.inputs;
  const ticked = readAcceptanceSection(pull.body)?.some((i) => i.checked) ?? false;
  if (tasks.length && ticked && pull.editor && !pull.editor.bot)
    pull.editor.canWrite = await hasWriteAccess(octokit, repo, pull.editor.login);
  return read;
}

type PullNode = NonNullable<NonNullable<GateQueryResult["repository"]>["pullRequest"]>;

/**
 * The gate's inputs from the query's answer, trusting only what the App signed: a closed issue's
 * task counts when its spec verifies, the App's bot wrote it and it sits under its hub issue;
 * breaking changes come from the hub's signed control state. The editor's permission is left
 * unasked (null).
 */
export function gateFromQuery(repo: string, pr: PullNode, o: GateOptions): GateRead {
  const tasks: GateTaskInput[] = [];
  const problems: string[] = [];
  for (const issue of pr.closingIssuesReferences.nodes) {
    const parsed = parseSpecBlock(issue.body, o.signer);
    if (!parsed) continue;
    const ref = `[${issue.repository.nameWithOwner}#${issue.number}](${issue.url})`;
    const byApp = isAppActor(issue.author, o.appSlug);
    if ("error" in parsed || parsed.authentic !== true || !byApp) {
      const why =
        "error" in parsed
          ? parsed.error
          : !byApp
            ? "not written by the App"
            : "its signature does not verify: it was edited or copied";
      problems.push(
        `the sub-issue ${ref} carries no intact task spec written by HavunCore (${why}): restore its spec block from the edit history, or \`/retry\` the task there for a fresh sub-issue body`,
      );
      continue;
    }
    const { spec } = parsed;
    const hub = issue.parent;
    if (
      !hub ||
      hub.repository.nameWithOwner.toLowerCase() !== spec.hub.toLowerCase() ||
      hub.number !== spec.hub_issue
    ) {
      problems.push(
        `the sub-issue ${ref} of task \`${spec.task.id}\` is not a sub-issue of its hub issue ${spec.hub}#${spec.hub_issue}: add it back there`,
      );
      continue;
    }
    tasks.push({
      spec,
      issue: { repo: issue.repository.nameWithOwner, number: issue.number, url: issue.url },
      hubUrl: hub.url,
      siblings: siblingTasks(hub.subIssues.nodes, spec.hub, spec.hub_issue, o.appSlug, o.signer),
      breaking: readControl(hub.body, o.signer).breaking,
    });
  }
  const closing = pr.closingIssuesReferences;
  if (closing.totalCount > closing.nodes.length)
    problems.push(
      `the pull request closes ${closing.totalCount} issues, more than the ${CLOSING_LIMIT} the gate reads: a task's pull request closes only its own sub-issue`,
    );
  const pull: GatePull = {
    repo,
    number: pr.number,
    url: pr.url,
    headSha: pr.headRefOid,
    body: pr.body,
    author: actor(pr.author),
    headRef: pr.headRefName,
    headRepo: pr.isCrossRepository ? (pr.headRepository?.nameWithOwner ?? null) : repo,
    editor: pr.editor ? { ...actor(pr.editor)!, canWrite: null } : null,
  };
  const accepted = acceptancesInComments(pr.comments?.nodes ?? [], { repo, number: pr.number }, o);
  const runs = (pr.statusCheckRollup?.contexts.nodes ?? []).flatMap(checkRun);
  const mine = (r: GateCheckRun) => r.name === GATE_CHECK && r.app === o.appSlug;
  return {
    state: pr.state,
    own: runs.filter(mine).pop() ?? null,
    inputs: {
      pull,
      trust: { appSlug: o.appSlug, contractsApp: o.contractsApp ?? CONTRACTS_APP },
      tasks,
      problems,
      checks: runs.filter((r) => !mine(r)),
      accepted,
    },
  };
}

/**
 * A commit status as the gate weighs a check: its context is the name, the App is its creator's
 * when an App's bot created it (GraphQL names the bot by the App's slug), pending until it
 * reports, and `error` or `failure` a failing conclusion.
 */
function statusCheck(n: GateCheckNode): GateCheckRun[] {
  if (!n.context || !n.state) return [];
  const done = n.state !== "PENDING" && n.state !== "EXPECTED";
  return [
    {
      id: 0,
      name: n.context,
      app: n.creator?.__typename === "Bot" ? n.creator.login.replace(/\[bot\]$/, "") : null,
      status: done ? "COMPLETED" : "PENDING",
      conclusion: done ? n.state : null,
      title: n.description ?? null,
      summary: null,
      url: n.targetUrl ?? "",
    },
  ];
}

function checkRun(n: GateCheckNode | null): GateCheckRun[] {
  if (!n) return [];
  if (n.__typename === "StatusContext") return statusCheck(n);
  if (n.__typename !== "CheckRun" || n.databaseId === undefined || !n.name) return [];
  return [
    {
      id: n.databaseId,
      name: n.name,
      app: n.checkSuite?.app?.slug ?? null,
      status: (n.status ?? "QUEUED") as GateCheckRun["status"],
      conclusion: n.conclusion ?? null,
      title: n.title ?? null,
      summary: n.summary ?? null,
      url: n.url ?? "",
    },
  ];
}
