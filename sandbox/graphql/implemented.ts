import { connectionTypeDefs } from "./connection.ts";
import { typeDefs } from "./type-defs.ts";

/** `Type.field` for every field the sandbox serves (`*Connection.nodes` stands for all connections). */
export function implementedFields(): string[] {
  const out: string[] = [];
  for (const def of [...typeDefs.values(), ...connectionTypeDefs]) {
    for (const field of Object.keys(def.fields)) out.push(`${def.name}.${field}`);
  }
  return out.sort();
}
