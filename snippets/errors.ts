import { formatProblem, type SnippetProblem } from "./problem.ts";

export type SnippetsErrorCode =
  | "SNIPPETS_NO_LIBRARY"
  | "SNIPPETS_BAD_ID"
  | "SNIPPETS_UNKNOWN_ID"
  | "SNIPPETS_EXISTS"
  | "SNIPPETS_INVALID"
  | "SNIPPETS_NO_LANGUAGE"
  | "SNIPPETS_INPUT";

/** An error of the snippet library with a code and what to do (the CLI prints both). */
export class SnippetsError extends Error {
  constructor(
    readonly code: SnippetsErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "SnippetsError";
  }
}

/** A snippet that would not pass lint: every problem on its own line, nothing written. */
export function invalidSnippet(id: string, problems: SnippetProblem[]): SnippetsError {
  return new SnippetsError(
    "SNIPPETS_INVALID",
    `${id} is not a valid snippet; nothing was written:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`,
    "fix the input (or the options) and run the command again",
  );
}
