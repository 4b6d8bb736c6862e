/** Writes docs/commands.md from the code: `npx tsx scripts/commands-doc.ts`. */
import { writeFileSync } from "node:fs";
import { COMMANDS_DOC, commandsDoc } from "./commands-doc-text.ts";

writeFileSync(COMMANDS_DOC, await commandsDoc());
console.log(`wrote ${COMMANDS_DOC}`);
