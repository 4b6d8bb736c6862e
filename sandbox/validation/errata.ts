/**
 * Places where GitHub's published REST description contradicts what api.github.com answers.
 * A response mismatch at one of these paths is not a sandbox bug and is not reported.
 */
export const RESPONSE_ERRATA: { operationId: string; path: RegExp; why: string }[] = [
  {
    operationId: "apps/list-installations",
    path: /^\/\d+\/account(\/|$)/,
    why: "the description says an installation's account is a user AND an enterprise (allOf of both); it is one of them",
  },
  ...[
    "pulls/list-review-comments",
    "pulls/list-review-comments-for-repo",
    "pulls/list-comments-for-review",
    "pulls/get-review-comment",
    "pulls/create-review-comment",
    "pulls/create-reply-for-review-comment",
    "pulls/update-review-comment",
  ].map((operationId) => ({
    operationId,
    path: /^(\/\d+)?\/(line|original_line|position)$/,
    why: "a review comment's line and position are null once outdated (and for comments on a whole file); the description types them as integers",
  })),
  ...[
    "repos/create-deployment-status",
    "repos/list-deployment-statuses",
    "repos/get-deployment-status",
  ].map((operationId) => ({
    operationId,
    path: /^(\/\d+)?\/(target_url|log_url|environment_url)$/,
    why: 'a deployment status\'s URLs default to "" (the description says so) while it types them as URIs',
  })),
];

export function isErratum(operationId: string, instancePath: string): boolean {
  return RESPONSE_ERRATA.some((e) => e.operationId === operationId && e.path.test(instancePath));
}

/**
 * Places where GitHub's published webhook descriptions contradict what GitHub sends: before a
 * payload is checked, such a value is replaced by one the description allows (the rest of the
 * payload is checked as it is).
 */
export const WEBHOOK_ERRATA: {
  event: string;
  /** JSON pointers into the payload. */
  paths: string[];
  /** Whether the value is the documented contradiction, and what the description would take. */
  applies: (v: unknown) => boolean;
  allowed: (v: unknown) => unknown;
  why: string;
}[] = [
  {
    event: "projects_v2_item.edited",
    paths: ["/changes/field_value/from", "/changes/field_value/to"],
    applies: (v) => typeof v === "number" && Number.isFinite(v) && !Number.isInteger(v),
    allowed: (v) => Math.trunc(v as number),
    why: "a number field holds decimals (GraphQL's ProjectV2FieldValue.number is a Float); the description types a change's from/to as integer",
  },
];

/** The payload as the published description would take it (a copy when an erratum applies). */
export function withWebhookErrata(event: string, payload: unknown): unknown {
  const errata = WEBHOOK_ERRATA.filter((x) => x.event === event);
  if (!errata.length) return payload;
  const out = structuredClone(payload);
  for (const e of errata)
    for (const path of e.paths) {
      const keys = path.split("/").slice(1);
      const parent = keys
        .slice(0, -1)
        .reduce<unknown>((n, k) => (n as Record<string, unknown> | null)?.[k], out) as
        Record<string, unknown> | undefined;
      const last = keys.at(-1)!;
      if (parent && e.applies(parent[last])) parent[last] = e.allowed(parent[last]);
    }
  return out;
}
