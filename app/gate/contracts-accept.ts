import { renderAcceptance } from "../../contracts/gate/acceptance-marker.ts";
import { acceptedOnPull } from "../../contracts/gate/fetch-acceptances.ts";
import { readVerdicts } from "../../contracts/gate/result-marker.ts";
import type { ContractsCommand } from "../commands/contracts-command.ts";
import { keyedComment } from "../gateway/apply-actions.ts";
import { splitRepo, type GitHubClient } from "../gateway/client.ts";
import { findMarkers } from "../spec/markers.ts";
import { inertInline, stripHidden } from "../text/index.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";
import { CONTRACTS_APP, isContractsCheck } from "./contract-rule.ts";
import { hasWriteAccess } from "./editor-permission.ts";
import { runGate } from "./run-gate.ts";

/** A `/contracts` comment on a pull request (an `issue_comment` on it). */
export interface ContractsComment {
  repo: string;
  pull: number;
  commentId: number;
  author: string;
  command: ContractsCommand;
}

export interface AcceptOptions {
  appSlug: string;
  signer: MarkerSigner;
  contractsApp?: string;
  /** Refuses the command of someone without write access (👎, as for every command). */
  refuse: () => Promise<void>;
}

/**
 * `/contracts accept <change id> <reason>` by a person with write access on the pull request's
 * repository: the change must be a breaking change the latest `havun/contracts` check on the head
 * lists. The App records the acceptance — who, why, at which commit — in a comment of its own
 * with a signed line (only that counts: the contracts check and the gate verify it), then gates
 * the pull request again. Anyone else's command is refused; a wrong one is answered with the fix.
 */
export async function acceptContractChange(
  octokit: GitHubClient,
  ev: ContractsComment,
  o: AcceptOptions,
): Promise<"accepted" | "answered" | "refused"> {
  const where = splitRepo(ev.repo);
  // Every answer is keyed by the command: a redelivered command finds it and does nothing more.
  const key = `contracts-${ev.commentId}`;
  const reply = async (text: string) => {
    await octokit.rest.issues.createComment({
      ...where,
      issue_number: ev.pull,
      body: keyedComment(key, text),
    });
    return "answered" as const;
  };
  if (!(await hasWriteAccess(octokit, ev.repo, ev.author))) {
    await o.refuse();
    return "refused";
  }
  const bot = `${o.appSlug}[bot]`;
  const comments = (await allComments(octokit, ev.repo, ev.pull)).filter(
    (c) => c.user?.login === bot,
  );
  if (comments.some((c) => findMarkers(c.body ?? "", "comment").some((m) => m.fields.key === key)))
    return "answered";
  const { command } = ev;
  if (command.kind === "invalid") return reply(`${command.message}: ${command.fix}.`);
  const { data: pr } = await octokit.rest.pulls.get({ ...where, pull_number: ev.pull });
  if (pr.state !== "open") return reply("This pull request is closed: there is nothing to accept.");
  const sha = pr.head.sha;
  const listed = await breakingOnHead(octokit, ev.repo, sha, o.contractsApp ?? CONTRACTS_APP);
  const already = (
    await acceptedOnPull(async () => comments, {
      repo: ev.repo,
      pull: ev.pull,
      appSlug: o.appSlug,
      signer: o.signer,
    })
  ).find((a) => a.changeId === command.changeId);
  if (already)
    return reply(
      `\`${command.changeId}\` is already accepted, by \`${already.by}\` at ${already.sha.slice(0, 7)}.`,
    );
  const service = listed.find((l) => l.ids.includes(command.changeId))?.service;
  if (!service)
    return reply(
      listed.length === 0
        ? `No \`havun/contracts\` check on ${sha.slice(0, 7)} lists breaking changes yet, so \`${command.changeId}\` cannot be accepted: wait for the contracts check to finish and accept a change id it lists.`
        : `\`${command.changeId}\` is not one of the breaking changes the \`havun/contracts\` check on ${sha.slice(0, 7)} lists (${listed.flatMap((l) => l.ids.map((id) => `\`${id}\``)).join(", ")}). Copy the change id from the check's summary.`,
    );
  const reason = stripHidden(command.reason).replace(/\s+/g, " ").trim().slice(0, 500);
  const acceptance = {
    repo: ev.repo,
    pull: ev.pull,
    changeId: command.changeId,
    by: ev.author,
    sha,
    reason,
  };
  await octokit.rest.issues.createComment({
    ...where,
    issue_number: ev.pull,
    body: keyedComment(
      key,
      [
        `✅ **Breaking change \`${command.changeId}\` of \`${service}\` accepted** by @${ev.author} at ${sha.slice(0, 7)}: ${inertInline(reason, 500)}`,
        "",
        "The contracts check and the merge gate let this change through from now on, in this pull request only; any other breaking change still fails them.",
        "",
        renderAcceptance(acceptance, o.signer),
      ].join("\n"),
    ),
  });
  await octokit.rest.reactions.createForIssueComment({
    ...where,
    comment_id: ev.commentId,
    content: "+1",
  });
  await runGate(
    octokit,
    { repo: ev.repo, number: ev.pull },
    {
      appSlug: o.appSlug,
      signer: o.signer,
      ...(o.contractsApp ? { contractsApp: o.contractsApp } : {}),
    },
  );
  return "accepted";
}

/** The breaking change ids each `havun/contracts` check of the contracts App on `sha` lists. */
async function breakingOnHead(
  octokit: GitHubClient,
  repo: string,
  sha: string,
  contractsApp: string,
): Promise<{ service: string; ids: string[] }[]> {
  const { data } = await octokit.rest.checks.listForRef({
    ...splitRepo(repo),
    ref: sha,
    per_page: 100,
  });
  return data.check_runs
    .filter((r) => isContractsCheck(r) && r.app?.slug === contractsApp)
    .flatMap((r) => readVerdicts(r.output.summary))
    .filter((v) => v.openapi === "breaking" && v.changes?.length)
    .map((v) => ({ service: v.service, ids: v.changes ?? [] }));
}

/** Every comment of the pull request, a page of 100 at a time. */
async function allComments(octokit: GitHubClient, repo: string, pull: number) {
  const out = [];
  for (let page = 1; ; page++) {
    const { data } = await octokit.rest.issues.listComments({
      ...splitRepo(repo),
      issue_number: pull,
      per_page: 100,
      page,
    });
    out.push(...data);
    if (data.length < 100) return out;
  }
}
