import { z } from "zod";
import { OPENAPI_STATUSES, PACT_STATUSES } from "./result-marker.ts";

/** Bumped when the file's shape changes; readers refuse other versions. */
export const RESULT_FILE_VERSION = 1;

/** Bounds on what a result file may hold; the writer clips to them, readers refuse more. */
export const RESULT_LIMITS = { text: 10_000, name: 1_000, list: 1_000, findings: 100_000 };

const text = z.string().max(RESULT_LIMITS.text);
const name = z.string().max(RESULT_LIMITS.name);
const list = <T extends z.ZodType>(item: T, max = RESULT_LIMITS.list) => z.array(item).max(max);

const problem = z.strictObject({ step: z.enum(["openapi", "pacts"]), message: text, hint: text });

const finding = z.strictObject({
  id: name,
  changeId: name.optional(),
  level: z.enum(["ERR", "WARN", "INFO"]),
  operation: text,
  method: name,
  path: text,
  location: text,
  detail: text,
  message: text,
  pointer: text,
  doc: z.enum(["base", "head"]),
  basePointer: text.optional(),
  headPointer: text.optional(),
});

const pactVerification = z.strictObject({
  consumer: name,
  file: name,
  ok: z.boolean(),
  interactions: list(z.strictObject({ description: name, ok: z.boolean() })),
  failures: list(z.strictObject({ interaction: name, problems: list(text) })),
  missingStates: list(name),
});

const verifyReport = z.strictObject({
  service: name,
  providerUrl: name,
  ok: z.boolean(),
  pacts: list(pactVerification),
});

const resultShape = z.strictObject({
  version: z.literal(RESULT_FILE_VERSION),
  service: z.string().min(1).max(200),
  /** The commit checked (the pull request's head), when the writer was told. */
  headSha: z
    .string()
    .regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, "a full commit sha")
    .optional(),
  conclusion: z.enum(["success", "failure"]),
  verdict: z.strictObject({
    service: z.string().min(1).max(200),
    openapi: z.enum(OPENAPI_STATUSES),
    pacts: z.enum(PACT_STATUSES),
    changes: list(name).optional(),
  }),
  openapi: z
    .strictObject({
      status: z.enum(["compatible", "breaking", "accepted", "new"]),
      findings: list(finding, RESULT_LIMITS.findings),
    })
    .nullable(),
  pacts: verifyReport.nullable(),
  problems: list(problem, 10),
});

/**
 * The machine-readable result of `havun contracts check --result-file`: the verdict, the
 * OpenAPI findings, the Pact report and what could not run. The contracts workflow's `verify`
 * job writes one (Pact only) and its `report` job reads the Pact half back, so this schema is
 * the boundary between the job that runs the pull request's code and the one that publishes.
 */
export const contractsResultSchema = resultShape.superRefine((r, ctx) => {
  for (const why of inconsistencies(r)) ctx.addIssue({ code: "custom", message: why });
});

export type ContractsResultFile = z.infer<typeof resultShape>;

/** What makes a well-formed result contradict itself (a writer never produces these). */
function inconsistencies(r: ContractsResultFile): string[] {
  const out: string[] = [];
  const { verdict: v } = r;
  const failedSteps = new Set(r.problems.map((p) => p.step));
  if (v.service !== r.service) out.push(`verdict.service ${v.service} is not ${r.service}`);
  const ranDiff = ["compatible", "breaking", "accepted", "new"].includes(v.openapi);
  if (ranDiff !== (r.openapi !== null) || (r.openapi && r.openapi.status !== v.openapi))
    out.push(`openapi does not match verdict.openapi=${v.openapi}`);
  if ((v.openapi === "error") !== failedSteps.has("openapi"))
    out.push("verdict.openapi is error exactly when a problem has step openapi");
  const verified = v.pacts === "verified" || v.pacts === "broken";
  if (verified !== (r.pacts !== null)) out.push(`pacts does not match verdict.pacts=${v.pacts}`);
  if (r.pacts) {
    if (r.pacts.service !== r.service) out.push(`pacts.service is not ${r.service}`);
    if (r.pacts.ok !== r.pacts.pacts.every((p) => p.ok))
      out.push("pacts.ok does not match its pacts");
    if (v.pacts === "verified" && (!r.pacts.ok || r.pacts.pacts.length === 0))
      out.push("verdict.pacts=verified needs at least one pact, every one ok");
    if (v.pacts === "broken" && r.pacts.ok) out.push("verdict.pacts=broken but pacts.ok");
  }
  if ((v.pacts === "error") !== failedSteps.has("pacts"))
    out.push("verdict.pacts is error exactly when a problem has step pacts");
  const failed = r.problems.length > 0 || v.openapi === "breaking" || v.pacts === "broken";
  if (r.conclusion !== (failed ? "failure" : "success"))
    out.push(`conclusion ${r.conclusion} does not follow from the verdict`);
  return out;
}

/** Validates parsed JSON as a result file: the file, or the first reason it is not one. */
export function parseResultFile(
  data: unknown,
): { ok: true; file: ContractsResultFile } | { ok: false; reason: string } {
  const parsed = contractsResultSchema.safeParse(data);
  if (parsed.success) return { ok: true, file: parsed.data };
  const [first, ...rest] = parsed.error.issues;
  const at = first?.path.length ? `${first.path.join(".")}: ` : "";
  const more = rest.length ? ` (and ${rest.length} more)` : "";
  return { ok: false, reason: `${at}${first?.message ?? "invalid"}${more}` };
}
