/**
 * Writes app/config/havun.schema.json (the hub config) and app/agents/agent.schema.json (an agent
 * file's front matter) from their zod schemas: `npm run schema`.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { agentJsonSchemaText } from "../agents/agent-schema.ts";
import { hubConfigJsonSchemaText } from "./json-schema.ts";

for (const [file, text] of [
  [new URL("./havun.schema.json", import.meta.url), hubConfigJsonSchemaText()],
  [new URL("../agents/agent.schema.json", import.meta.url), agentJsonSchemaText()],
] as const) {
  const target = fileURLToPath(file);
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
