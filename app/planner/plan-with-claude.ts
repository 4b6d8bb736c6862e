import type Anthropic from "@anthropic-ai/sdk";
import { withAgents } from "../agents/choose-agent.ts";
import { agentRegistry } from "../agents/registry.ts";
import { planJsonSchema } from "../spec/plan-json-schema.ts";
import { planIsValid, type PlanProblem } from "../spec/plan-problem.ts";
import { planSchema, type Plan } from "../spec/task-schema.ts";
import { validatePlan } from "../spec/validate-plan.ts";
import { calibratePlan } from "./calibration.ts";
import { PLANNER_SYSTEM, plannerUserMessage, type PlannerContext } from "./planner-prompt.ts";

export type PlanOutcome =
  | { ok: true; plan: Plan; rounds: number; warnings: PlanProblem[]; usage: Usage }
  | { ok: false; problems: PlanProblem[]; rounds: number; usage: Usage };

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

type MessageParam = Anthropic.Messages.MessageParam;

function addUsage(u: Usage, r: Anthropic.Messages.Message): void {
  u.inputTokens += r.usage.input_tokens;
  u.outputTokens += r.usage.output_tokens;
  u.cacheReadTokens += r.usage.cache_read_input_tokens ?? 0;
  u.cacheWriteTokens += r.usage.cache_creation_input_tokens ?? 0;
}

function problemsText(problems: PlanProblem[]): string {
  return problems.map((p) => `- ${p.path}: ${p.message} — ${p.fix}`).join("\n");
}

/**
 * Plans with Claude: a forced `submit_plan` tool call whose input schema is the task schema,
 * validated; an invalid plan gets one repair round with the problems listed, then gives up. A
 * valid plan gets each task's agent (the first that fits where the model named none) and its
 * estimates calibrated from the hub's finished orchestrations (`ctx.history`).
 */
export async function planWithClaude(client: Anthropic, ctx: PlannerContext): Promise<PlanOutcome> {
  const usage: Usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
  const tools: Anthropic.Messages.Tool[] = [
    {
      name: "submit_plan",
      description: "Submit the plan: every task of the feature.",
      input_schema: planJsonSchema() as Anthropic.Messages.Tool.InputSchema,
      cache_control: { type: "ephemeral" },
    },
  ];
  const messages: MessageParam[] = [{ role: "user", content: plannerUserMessage(ctx) }];
  let problems: PlanProblem[] = [];
  for (let round = 1; round <= 2; round++) {
    const response = await client.messages.create({
      model: ctx.config.planner.model,
      max_tokens: ctx.config.planner.max_tokens,
      system: [{ type: "text", text: PLANNER_SYSTEM, cache_control: { type: "ephemeral" } }],
      tools,
      tool_choice: { type: "tool", name: "submit_plan" },
      messages,
    });
    addUsage(usage, response);
    const call = response.content.find(
      (b): b is Anthropic.Messages.ToolUseBlock =>
        b.type === "tool_use" && b.name === "submit_plan",
    );
    problems = call
      ? validatePlan(call.input, {
          config: ctx.config,
          sealedSecrets: ctx.sealedSecrets,
          existingTaskIds: ctx.existingTasks?.map((t) => t.id),
          snippetIds: ctx.snippets.map((s) => s.id),
          checkAgents: true,
          hub: ctx.hub,
          hubIssue: ctx.hubIssue,
        })
      : [
          {
            level: "error",
            path: "(response)",
            message: "the model did not call submit_plan",
            fix: "call submit_plan with the plan",
          },
        ];
    if (call && planIsValid(problems)) {
      const plan = planSchema.parse(call.input);
      const agents = withAgents(plan.tasks, agentRegistry(ctx.config));
      return {
        ok: true,
        plan: calibratePlan({ ...plan, tasks: agents }, ctx.history ?? []),
        rounds: round,
        warnings: problems,
        usage,
      };
    }
    if (!call) break;
    messages.push({
      role: "assistant",
      content: response.content as Anthropic.Messages.ContentBlockParam[],
    });
    messages.push({
      role: "user",
      content: [
        {
          type: "tool_result",
          tool_use_id: call.id,
          is_error: true,
          content: `The plan is invalid. Fix these problems and call submit_plan again with the whole corrected plan:\n${problemsText(problems.filter((p) => p.level === "error"))}`,
        },
      ],
    });
  }
  return { ok: false, problems: problems.filter((p) => p.level === "error"), rounds: 2, usage };
}
