/** Regenerates contracts/openapi/RULES.md from the catalogue: `npx tsx contracts/openapi/catalogue/write-rules.ts`. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { renderCatalogue } from "./render.ts";

const path = fileURLToPath(new URL("../RULES.md", import.meta.url));
const options = { ...(await resolveConfig(path)), parser: "markdown" };
writeFileSync(path, await format(renderCatalogue(), options));
