import type { Problem } from "./problem.ts";

/** A problem in `.github/havun.yml`; `line`/`column` (1-based) when it can be pointed at. */
export interface ConfigError extends Problem {
  line?: number;
  column?: number;
}

export type ConfigWarning = ConfigError;
