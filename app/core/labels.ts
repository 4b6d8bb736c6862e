import type { HubConfig } from "../config/hub-config-schema.ts";
import type { Task } from "../spec/task-schema.ts";

/** The label names an orchestration uses, from the hub's `labels` config. */
export function labelNames(config: HubConfig) {
  const p = config.labels.prefix;
  return {
    base: p,
    orchestration: `${p}:orchestration`,
    ready: config.labels.ready,
    blocked: `${p}:blocked`,
    running: `${p}:running`,
    failed: `${p}:failed`,
    kind: (t: Task) => `${p}:${t.kind}`,
    priority: (t: Task) => `${p}:priority:${t.priority}`,
  };
}

export type LabelNames = ReturnType<typeof labelNames>;
