import { afterEach } from "vitest";
import { takeResponseViolations } from "../../sandbox/validation/violations.ts";

// A sandbox response that does not match GitHub's documented schema fails the test that caused it.
afterEach(() => {
  const found = takeResponseViolations();
  if (found.length === 0) return;
  const lines = found.map(
    (v) => `${v.method} ${v.route} → ${v.status}: ${v.errors.slice(0, 5).join("; ")}`,
  );
  throw new Error(`sandbox responses did not match GitHub's schema:\n${lines.join("\n")}`);
});
