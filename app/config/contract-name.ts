import { z } from "zod";
import { withFix } from "./fixes.ts";

/** A contract is named after its service folder in the hub's `contracts/`: kebab-case. */
export const contractNameSchema = withFix(
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/)
    .describe("A contract's name: its service folder under contracts/ in the hub, e.g. billing."),
  {
    form: "a contract name",
    fix: "use the service folder's name under contracts/ (lower case, digits, . _ -), like billing",
  },
);
