/** ERR: breaks clients. WARN: may break clients. INFO: compatible, worth a changelog line. */
export type Level = "ERR" | "WARN" | "INFO";

export type Family =
  "operations" | "parameters" | "request-body" | "responses" | "security" | "webhooks" | "schema";

/** One entry of the rule catalogue: a stable id, its level, and what a client will see. */
export interface RuleSpec {
  id: string;
  level: Level;
  family: Family;
  /** One line for the catalogue: what changed in the description. */
  description: string;
  /** One sentence: what a client of the API experiences. */
  client: string;
}

export const LEVEL_RANK: Record<Level, number> = { ERR: 3, WARN: 2, INFO: 1 };
