import type { SandboxCore } from "../core.ts";
import { nodeId } from "../state/node-id.ts";
import type { LabelRecord } from "../state/types.ts";

export function renderLabel(core: SandboxCore, l: LabelRecord): Record<string, unknown> {
  const full = core.store.fullName(core.store.repoById(l.repoId));
  return {
    id: l.id,
    node_id: nodeId("Label", l.id),
    url: `${core.urls.api}/repos/${full}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: l.default,
  };
}
