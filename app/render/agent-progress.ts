import { marker } from "../spec/markers.ts";
import { inertBlock } from "../text/inert.ts";

/** The key of a sub-issue's progress comment (one per sub-issue, updated in place). */
export const AGENT_PROGRESS_KEY = "agent-progress";
export const AGENT_PROGRESS_MARKER = marker("comment", { key: AGENT_PROGRESS_KEY });

/**
 * A sub-issue's progress comment, written by the App while the agent runs and by the publish
 * job at the end (both as the App's bot). The agent's steps are its own words: shown inert.
 * The transcript is the run's `havun-agent` artifact (`transcript.jsonl`), listed on the run's page.
 */
export function renderAgentProgress(o: {
  taskId: string;
  state: string;
  runUrl: string;
  steps: string[];
}): string {
  const steps = o.steps.slice(-40);
  return [
    `**HavunCore agent** — task \`${o.taskId}\` · ${o.state} · [run](${o.runUrl}) · [transcript](${o.runUrl}#artifacts)`,
    "",
    steps.length
      ? inertBlock(steps.map((s) => `✓ ${s}`).join("\n"), { maxChars: 6000 })
      : "_starting…_",
    "",
    AGENT_PROGRESS_MARKER,
  ].join("\n");
}
