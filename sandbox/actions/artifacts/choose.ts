import { nameMatcher } from "./file-glob.ts";
import type { ListedArtifact } from "./remote.ts";

/**
 * Which of a run's artifacts download-artifact takes: the one `name`d, those in `artifact-ids`,
 * those whose names match `pattern`, or all of them.
 */
export function chooseArtifacts(
  inputs: Record<string, string>,
  all: ListedArtifact[],
): ListedArtifact[] {
  if (inputs.name) {
    const found = all.find((a) => a.name === inputs.name);
    if (!found) throw new Error(`Artifact '${inputs.name}' not found`);
    return [found];
  }
  if (inputs["artifact-ids"]) {
    const ids = inputs["artifact-ids"]
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (!ids.length) throw new Error(`No valid artifact IDs provided in 'artifact-ids' input`);
    const wanted = ids.map((id) => {
      const n = Number.parseInt(id, 10);
      if (Number.isNaN(n)) throw new Error(`Invalid artifact ID: '${id}'. Must be a number.`);
      return n;
    });
    const found = all.filter((a) => wanted.includes(a.id));
    if (!found.length) throw new Error(`None of the provided artifact IDs were found`);
    return found;
  }
  if (inputs.pattern) {
    const matches = nameMatcher(inputs.pattern);
    return all.filter((a) => matches(a.name));
  }
  return all;
}
