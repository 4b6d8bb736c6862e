import { z } from "zod";
import { agentSchema, plannerSchema } from "./agent-schema.ts";
import { agentsConfigSchema } from "./agents-config-schema.ts";
import { projectBoardSchema } from "./board-schema.ts";
import { dispatchSchema } from "./dispatch.ts";
import { withFix } from "./fixes.ts";
import { projectsSchema } from "./project-schema.ts";
import { snippetsConfigSchema } from "../../snippets/library-config.ts";
import { deploySchema } from "../deploy/deploy-config.ts";
import { integrationSchema } from "../integration/integration-config.ts";

const label = z.string().min(1).max(50);

const labelsSchema = z
  .strictObject({
    prefix: label.default("havun").describe("Prefix of every label HavunCore sets."),
    ready: label.optional().describe('Marks a task ready to run; default "<prefix>:ready".'),
  })
  .transform((l) => ({ prefix: l.prefix, ready: l.ready ?? `${l.prefix}:ready` }))
  .prefault({})
  .describe("Label names.");

/** `.github/havun.yml` in the hub repository. */
export const hubConfigSchema = z
  .strictObject({
    version: withFix(z.literal(1), {
      fix: "this App reads version 1 files; set `version: 1`",
    })
      .default(1)
      .describe("The file format's version."),
    projects: projectsSchema,
    planner: plannerSchema,
    agent: agentSchema,
    agents: agentsConfigSchema,
    dispatch: dispatchSchema,
    approval: z
      .enum(["auto", "required", "risky"])
      .default("risky")
      .describe(
        "When a plan waits for an /approve comment before any task starts. risky: when it attaches sealed secrets or puts tasks in projects the request does not name; required: always; auto: never.",
      ),
    labels: labelsSchema,
    project_board: projectBoardSchema,
    snippets: snippetsConfigSchema,
    integration: integrationSchema,
    deploy: deploySchema,
  })
  .meta({
    title: "HavunCore hub configuration (.github/havun.yml)",
    description: "Projects, planner, agent limits and dispatch of a HavunCore hub repository.",
  });

/** The configuration with every default filled in. */
export type HubConfig = z.output<typeof hubConfigSchema>;
/** What a person may write in `.github/havun.yml`. */
export type HubConfigInput = z.input<typeof hubConfigSchema>;
