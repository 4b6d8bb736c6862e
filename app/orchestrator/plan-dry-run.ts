import Anthropic from "@anthropic-ai/sdk";
import { VIEW_ONLY_SIGNER } from "../trust/marker-signer.ts";
import { approvalNeed } from "../planner/approval.ts";
import { createRestClient } from "../gateway/rest-client.ts";
import { renderPlanComment } from "../render/plan-comment.ts";
import type { Plan } from "../spec/task-schema.ts";
import { loadHubConfig } from "./load-config.ts";
import { planFeature } from "./plan-feature.ts";

export type DryRunResult = { ok: true; plan: Plan; text: string } | { ok: false; message: string };

const silent = { info() {}, warn() {}, error() {} };

/** Plans a request for a hub exactly as the App would, reading only; nothing is written. */
export async function planDryRun(input: {
  baseUrl: string;
  token: string;
  hub: string;
  request: string;
}): Promise<DryRunResult> {
  const octokit = createRestClient({ token: input.token, baseUrl: input.baseUrl });
  const deps = {
    octokit,
    anthropic: new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY ?? "sk-ant-local" }),
    appSlug: "havuncore",
    // A dry run writes nothing and has no App key: nothing it reads is acted on.
    signer: VIEW_ONLY_SIGNER,
    log: silent,
  };
  const config = await loadHubConfig(deps, input.hub);
  if (!config.ok) return { ok: false, message: config.comment };
  const outcome = await planFeature(deps, {
    hub: input.hub,
    hubIssue: 1,
    request: input.request,
    config: config.config,
  });
  if (!outcome.ok) {
    const lines = outcome.problems.map((p) => `  ${p.path}: ${p.message} — ${p.fix}`);
    return {
      ok: false,
      message: `havun: the model's plan stayed invalid after one repair round:\n${lines.join("\n")}`,
    };
  }
  const usage = outcome.usage;
  const text = [
    renderPlanComment(outcome.plan, {
      hub: input.hub,
      issueNumber: 0,
      approval: config.config.approval,
      need:
        config.config.approval === "risky"
          ? approvalNeed(outcome.plan.tasks, input.request, config.config)
          : null,
    }),
    "",
    `(dry run: nothing was written · ${outcome.rounds} model round(s) · ${usage.inputTokens} input, ${usage.outputTokens} output, ${usage.cacheReadTokens} cache-read tokens)`,
  ].join("\n");
  return { ok: true, plan: outcome.plan, text };
}
