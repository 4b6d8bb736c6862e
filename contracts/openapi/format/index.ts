import type { Finding } from "../finding.ts";
import type { LoadedSpec } from "../load.ts";
import { formatGithub } from "./github.ts";
import { formatJson } from "./json.ts";
import { formatMarkdown } from "./markdown.ts";
import { formatText } from "./text.ts";

export const FORMATS = ["text", "json", "markdown", "github"] as const;
export type Format = (typeof FORMATS)[number];

export function formatFindings(
  findings: readonly Finding[],
  format: Format,
  base: LoadedSpec,
  head: LoadedSpec,
): string {
  switch (format) {
    case "text":
      return formatText(findings, base.label, head.label);
    case "json":
      return formatJson(findings, base.label, head.label);
    case "markdown":
      return formatMarkdown(findings, base.label, head.label);
    case "github":
      return formatGithub(findings, base, head);
  }
}
