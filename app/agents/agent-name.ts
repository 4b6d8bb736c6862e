import { z } from "zod";
import { withFix } from "../config/fixes.ts";

/** An agent's name: the file `.github/havun/agents/<name>.md` and what a plan's task names. */
export const agentNameSchema = withFix(
  z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,39}$/)
    .describe("An agent's name: 2 to 40 lower-case letters, digits and -, like backend-engineer."),
  {
    form: "an agent name",
    fix: "use 2–40 lower-case letters, digits and -, starting with a letter, like backend-engineer",
  },
);

/** Where a hub keeps its agents, one Markdown file each. */
export const AGENTS_DIR = ".github/havun/agents";
