/** Why a workflow or action file cannot run on the sandbox runner. */
export type WorkflowErrorCode =
  "WORKFLOW_YAML" | "WORKFLOW_INVALID" | "WORKFLOW_UNSUPPORTED" | "WORKFLOW_UNKNOWN_KEY";

/**
 * A typed error pointing at the file and the place in it:
 * ".github/workflows/ci.yml: jobs.build: 'services' is not supported by the sandbox runner".
 * `path` is where the problem is (dots and [n]); `construct` names the refused key or value.
 */
export class WorkflowError extends Error {
  readonly file: string;
  readonly path: string;
  readonly construct?: string;

  constructor(
    readonly code: WorkflowErrorCode,
    file: string,
    path: string,
    problem: string,
    construct?: string,
  ) {
    super(`${file}: ${path || "(top level)"}: ${problem}`);
    this.name = "WorkflowError";
    this.file = file;
    this.path = path;
    if (construct !== undefined) this.construct = construct;
  }
}
