import { z } from "zod";
import { withFix } from "../config/fixes.ts";
import { repoSchema } from "../config/repo-name.ts";

const workflowFile = withFix(
  z
    .string()
    .regex(/^[A-Za-z0-9._-]+\.ya?ml$/)
    .describe("A workflow file name in the repository's .github/workflows/, e.g. deploy.yml."),
  {
    form: "a file name like deploy.yml",
    fix: "name the file in .github/workflows/, like deploy.yml",
  },
);

/** One repository's deployment after a green integration check. */
export const deployTargetSchema = z
  .strictObject({
    repo: repoSchema,
    environment: z
      .string()
      .min(1)
      .max(255)
      .default("production")
      .describe("The GitHub environment name the deployment is for."),
    workflow: workflowFile
      .optional()
      .describe(
        "A workflow the App dispatches (workflow_dispatch) with inputs deployment_id, environment and ref; it reports the deployment's statuses.",
      ),
    github_deployments_only: z
      .literal(true)
      .optional()
      .describe(
        "Only create the GitHub Deployment: a workflow `on: deployment` or an outside system reports its statuses.",
      ),
    approval: z
      .boolean()
      .default(false)
      .describe("Wait for a writer's /deploy on the hub issue before this deployment starts."),
  })
  .superRefine((t, ctx) => {
    if ((t.workflow === undefined) === (t.github_deployments_only === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["workflow"],
        message: "say how it deploys: either `workflow` or `github_deployments_only: true`",
        params: { fix: "add `workflow: deploy.yml` or `github_deployments_only: true` (not both)" },
      });
  })
  .describe("A repository to deploy.");

export const deploySchema = z
  .array(deployTargetSchema)
  .max(20)
  .optional()
  .describe(
    "Deployments after a green integration check, providers before their consumers (projects[].contracts), each waiting for the one before it to succeed.",
  );

export type DeployTarget = z.output<typeof deployTargetSchema>;
