import type { Problem } from "./problem.ts";

/** A problem in `.github/havun.yml`; `line`/`column` (1-based) when it can be pointed at. */
export interface ConfigError extends Problem {
  /** The file it is in, when not `.github/havun.yml` (an agent file: `.github/havun/agents/x.md`). */
  file?: string;
  line?: number;
  column?: number;
}

export type ConfigWarning = ConfigError;
