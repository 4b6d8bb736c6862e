import { z } from "zod";
import { hubConfigSchema } from "./hub-config-schema.ts";

/** The JSON Schema of what a person may write in `.github/havun.yml` (defaults optional). */
export function hubConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(hubConfigSchema, { io: "input", target: "draft-2020-12" });
}

/** The committed file's exact text: two-space JSON with a trailing newline. */
export function hubConfigJsonSchemaText(): string {
  return `${JSON.stringify(hubConfigJsonSchema(), null, 2)}\n`;
}
