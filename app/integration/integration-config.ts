import { z } from "zod";
import { withFix } from "../config/fixes.ts";
import { repoSchema } from "../config/repo-name.ts";

/**
 * Placeholders an integration workflow's inputs may use; the App fills them in when it
 * dispatches: `{hub_issue}` (owner/hub#number, for the workflow's `run-name`), `{repo_sha}`
 * (the repository's default-branch head), `{start_sha}` (its head when the orchestration
 * started), `{refs}` (JSON: each project repository's default-branch head).
 */
export const INPUT_PLACEHOLDERS = ["hub_issue", "repo_sha", "start_sha", "refs"] as const;

const inputValue = z
  .string()
  .max(1000)
  .superRefine((v, ctx) => {
    for (const [, name] of v.matchAll(/\{([a-z_]+)\}/g))
      if (!(INPUT_PLACEHOLDERS as readonly string[]).includes(name!))
        ctx.addIssue({
          code: "custom",
          message: `unknown placeholder {${name}}`,
          params: { fix: `use one of ${INPUT_PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}` },
        });
  });

export const integrationWorkflowSchema = z
  .strictObject({
    repo: repoSchema,
    workflow: withFix(z.string().regex(/^[A-Za-z0-9._-]+\.ya?ml$/), {
      form: "a file name like integration.yml",
      fix: "name the file in .github/workflows/, like integration.yml",
    }).describe("The workflow file (on: workflow_dispatch) in that repository."),
    inputs: z
      .record(z.string().min(1).max(100), inputValue)
      .default({ hub_issue: "{hub_issue}" })
      .describe(
        "The dispatch inputs. The workflow's run-name must show {hub_issue} (e.g. `run-name: integration ${{ inputs.hub_issue }}`) so that the App finds its run.",
      ),
  })
  .describe("An integration workflow the App dispatches once every task is done.");

export const integrationSchema = z
  .strictObject({
    contracts: z
      .boolean()
      .default(true)
      .describe(
        "Check the contracts the plan touched: each consumer's pacts (contracts/<service>/pacts/ in the hub) against the provider's OpenAPI description on its default branch, and that description against the one when the orchestration started. No provider code runs: the pacts are read against the description.",
      ),
    workflows: z
      .array(integrationWorkflowSchema)
      .max(20)
      .default([])
      .describe(
        "Workflows that check the merged repositories together (integration or end-to-end tests), dispatched on each repository's default branch.",
      ),
  })
  .optional()
  .describe(
    "The integration check after the last task: its result is the havun/integration check run on the hub's default branch.",
  );

export type IntegrationWorkflow = z.output<typeof integrationWorkflowSchema>;
export type IntegrationConfig = NonNullable<z.output<typeof integrationSchema>>;
