import { verifyMarkdown } from "../pact/format.ts";
import type { VerifyReport } from "../pact/verify.ts";
import type { CheckProblem } from "./check-problem.ts";
import type { OpenApiStep } from "./openapi-step.ts";
import { renderVerdict, type ContractsVerdict } from "./result-marker.ts";

/** GitHub caps a check run's summary at 65,535 characters. */
const MAX = 60_000;

export function checkTitle(v: ContractsVerdict, problems: number): string {
  if (problems > 0) return `${v.service}: the contract check could not run`;
  const parts: string[] = [];
  if (v.openapi === "breaking") parts.push("breaking OpenAPI change");
  if (v.openapi === "accepted" && v.pacts !== "broken")
    return `${v.service}: breaking OpenAPI changes accepted on the pull request`;
  if (v.pacts === "broken") parts.push("a consumer's pact fails");
  if (parts.length) return `${v.service}: ${parts.join(", ")}`;
  return `${v.service}: contract kept`;
}

/** The check run's summary: verdict marker, the OpenAPI report, the Pact report, problems. */
export function checkSummary(input: {
  verdict: ContractsVerdict;
  openapi: OpenApiStep | null;
  pacts: VerifyReport | null;
  problems: CheckProblem[];
  /** Who breaks and what was accepted (impact-summary.ts), when there are breaking changes. */
  impact?: string;
}): string {
  const { verdict: v } = input;
  const out = [`## Contracts of \`${v.service}\``, ""];
  for (const p of input.problems)
    out.push(
      `> [!CAUTION]`,
      `> The ${p.step === "openapi" ? "OpenAPI diff" : "Pact verification"} could not run: ${p.message}`,
      `> **Fix:** ${p.hint}`,
      "",
    );
  if (input.openapi) out.push(input.openapi.markdown.trim(), "");
  if (input.impact) out.push(input.impact.trim(), "");
  if (v.openapi === "breaking")
    out.push(
      "> [!NOTE]",
      "> A breaking change that is intended: a person with write access comments `/contracts accept <change id> <reason>` on the pull request. That change then passes this check and the merge gate; any other breaking change still fails them.",
      "",
    );
  else if (v.openapi === "skipped") out.push("OpenAPI: not checked (no `openapi-path`).", "");
  if (input.pacts) out.push(verifyMarkdown(input.pacts).trim(), "");
  else if (v.pacts === "none")
    out.push("### Pact verification: no consumer has published a pact for this service yet", "");
  else if (v.pacts === "skipped")
    out.push("Pact: not verified (no hub or provider URL given).", "");
  // Text from the description and the pact report (both the pull request's) cannot pose as
  // a verdict marker: only the first line is one.
  const body = out.join("\n").replace(/<!--(\s*havun:)/gi, "&lt;!--$1");
  const text = `${renderVerdict(v)}\n${body}`;
  return text.length <= MAX ? text : `${text.slice(0, MAX)}\n\n… (cut to fit GitHub's limit)\n`;
}
