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
];

export function isErratum(operationId: string, instancePath: string): boolean {
  return RESPONSE_ERRATA.some((e) => e.operationId === operationId && e.path.test(instancePath));
}
