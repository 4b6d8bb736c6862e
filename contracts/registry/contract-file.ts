import { z } from "zod";

/** `owner/name`, the way GitHub spells a repository. */
export const repoName = z
  .string()
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/,
    "must be a repository as owner/name",
  );

const consumer = z.union([
  repoName,
  z.strictObject({ repo: repoName, description: z.string().optional() }),
]);

/** `contracts/<service>/contract.yml`: who provides the API and who consumes it. */
export const contractFileSchema = z.strictObject({
  /** The repository that implements the API. */
  provider: repoName,
  /** The description's file name inside the service folder (default: openapi.yaml/.yml/.json). */
  openapi: z
    .string()
    .regex(/^[^/\\]+\.(ya?ml|json)$/, "must be a .yaml, .yml or .json file in the same folder")
    .optional(),
  /**
   * The description's path in the provider's repository. HavunCore's integration check (after
   * an orchestration's last merge) reads it on the provider's default branch: the consumers'
   * pacts are checked against it and it is diffed against its state when the orchestration
   * started. Without it, the registry's copy in this folder is used for both.
   */
  provider_openapi: z
    .string()
    .regex(
      /^[^\\]+\.(ya?ml|json)$/,
      "must be a .yaml, .yml or .json path in the provider's repository",
    )
    .refine(
      (p) => !p.startsWith("/") && !p.split("/").includes(".."),
      "must be a relative path inside the repository",
    )
    .optional(),
  description: z.string().optional(),
  /** Repositories that call the API; their Pact files live in pacts/<repository name>/. */
  consumers: z.array(consumer).default([]),
});

export type ContractFile = z.infer<typeof contractFileSchema>;

export function consumerRepos(file: ContractFile): string[] {
  return file.consumers.map((c) => (typeof c === "string" ? c : c.repo));
}
