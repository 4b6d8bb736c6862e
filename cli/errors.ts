/** An error the CLI reports as a message (no stack) with the exit code given. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Errors from any module that carry a code and a hint print as `error[CODE]: message\n  hint`. */
export function formatError(err: unknown): string {
  if (err instanceof Error) {
    const e = err as Error & { code?: unknown; hint?: unknown };
    const code = typeof e.code === "string" ? `[${e.code}]` : "";
    const hint = typeof e.hint === "string" ? `\n  ${e.hint}` : "";
    return `havun: error${code}: ${e.message}${hint}`;
  }
  return `havun: error: ${String(err)}`;
}
