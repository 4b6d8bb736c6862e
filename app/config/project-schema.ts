import { z } from "zod";
import { contractNameSchema } from "./contract-name.ts";
import { repoKey, repoSchema } from "./repo-name.ts";

export const projectSchema = z
  .strictObject({
    repo: repoSchema,
    description: z
      .string()
      .min(1)
      .max(1000)
      .describe("What the project is; the planner reads it to decide where work belongs."),
    stack: z
      .array(z.string().min(1).max(100))
      .max(30)
      .optional()
      .describe("Languages and frameworks, e.g. [laravel, vue]."),
    contracts: z
      .strictObject({
        provides: z.array(contractNameSchema).optional(),
        consumes: z.array(contractNameSchema).optional(),
      })
      .optional()
      .describe("API contracts (folders under contracts/ in the hub) it provides or consumes."),
  })
  .describe("A repository HavunCore may file tasks in.");

export const projectsSchema = z
  .array(projectSchema)
  .min(1)
  .describe("The project repositories, at least one.")
  .superRefine(
    (projects, ctx) => {
      const seen = new Map<string, number>();
      projects.forEach((project: { repo?: unknown }, index) => {
        if (typeof project?.repo !== "string") return;
        const key = repoKey(project.repo);
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, index);
          return;
        }
        ctx.addIssue({
          code: "custom",
          path: [index, "repo"],
          message: `${project.repo} is listed twice (also projects[${first}]; names ignore case)`,
          params: { fix: `remove one of the two entries for ${project.repo}` },
        });
      });
    },
    // Also when other fields of the projects are wrong, so every problem shows at once.
    { when: (payload) => Array.isArray(payload.value) },
  );

export type Project = z.infer<typeof projectSchema>;
