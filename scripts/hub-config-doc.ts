/** Writes docs/hub-config.md from the hub config's JSON Schema: `npx tsx scripts/hub-config-doc.ts`. */
import { writeFileSync } from "node:fs";
import { HUB_CONFIG_DOC, hubConfigDoc } from "./hub-config-doc-text.ts";

writeFileSync(HUB_CONFIG_DOC, await hubConfigDoc());
console.log(`wrote ${HUB_CONFIG_DOC}`);
