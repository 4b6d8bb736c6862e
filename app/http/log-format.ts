export type LogFormat = "json" | "pretty";
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal";

const LEVELS: LogLevel[] = ["trace", "debug", "info", "warn", "error", "fatal"];

/**
 * How the server logs: `LOG_FORMAT` (`json` or `pretty`) when set; otherwise JSON lines unless
 * standard output is a terminal (containers and log collectors get JSON). `LOG_LEVEL` defaults
 * to `info`. Throws with the fix when a value is not one of these.
 */
export function logSettings(
  env: Record<string, string | undefined>,
  isTTY: boolean,
): { format: LogFormat; level: LogLevel } {
  const format = env.LOG_FORMAT || (isTTY ? "pretty" : "json");
  if (format !== "json" && format !== "pretty")
    throw new Error(`LOG_FORMAT must be json or pretty, not "${format}"`);
  const level = (env.LOG_LEVEL || "info") as LogLevel;
  if (!LEVELS.includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")}, not "${env.LOG_LEVEL}"`);
  return { format, level };
}
