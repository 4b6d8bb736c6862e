/**
 * Response-schema violations seen by sandboxes in this process. In test mode the sandbox checks
 * every response it sends against GitHub's documented schema and records mismatches here; the
 * vitest setup file fails the test that caused one.
 */
export interface ResponseViolation {
  method: string;
  route: string;
  status: number;
  errors: string[];
}

const violations: ResponseViolation[] = [];

export function recordResponseViolation(v: ResponseViolation): void {
  violations.push(v);
}

/** Returns and clears the violations recorded so far. */
export function takeResponseViolations(): ResponseViolation[] {
  return violations.splice(0, violations.length);
}
