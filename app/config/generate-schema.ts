/** Writes app/config/havun.schema.json from the zod schema: `npm run schema`. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { hubConfigJsonSchemaText } from "./json-schema.ts";

const target = fileURLToPath(new URL("./havun.schema.json", import.meta.url));
writeFileSync(target, hubConfigJsonSchemaText());
console.log(`wrote ${target}`);
