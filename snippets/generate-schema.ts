/** Writes snippets/metadata.schema.json from the zod schema: `npx tsx snippets/generate-schema.ts`. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { snippetMetaJsonSchemaText } from "./metadata.ts";

const target = fileURLToPath(new URL("./metadata.schema.json", import.meta.url));
writeFileSync(target, snippetMetaJsonSchemaText());
console.log(`wrote ${target}`);
