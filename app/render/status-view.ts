/** A task's state as the hub issue shows it. */
export type TaskStatus =
  | "pending"
  | "blocked"
  | "ready"
  | "dispatched"
  | "running"
  | "review"
  | "done"
  | "failed"
  | "cancelled";

/** One task as the status renderers need it: plain data. */
export interface StatusTask {
  id: string;
  title: string;
  repo: string;
  status: TaskStatus;
  issue?: { number: number; url: string };
  pr?: { number: number; url: string; merged: boolean };
  costUsd?: number;
  /** Attempts made so far (1 for the first run). */
  attempts?: number;
  /** Attempts allowed (the config's agent.attempts, plus any /retry). */
  maxAttempts?: number;
  /** The current fix round on its pull request, when one ran. */
  round?: { n: number; kind: "checks" | "review" | "conflict" };
  estimateMinutes: number;
  dependencies: readonly string[];
}

export interface StatusView {
  tasks: readonly StatusTask[];
  maxParallel: number;
}

/** The final report also says how long the whole orchestration took (ISO 8601 times). */
export interface ReportView extends StatusView {
  startedAt?: string;
  finishedAt?: string;
  /** The orchestration's own figures (agent pull requests, merge time, cost per merge). */
  metricsLine?: string;
}

export const STATUS_EMOJI: Record<TaskStatus, string> = {
  pending: "⏳",
  blocked: "⛔",
  ready: "🟢",
  dispatched: "🚀",
  running: "🔄",
  review: "👀",
  done: "✅",
  failed: "❌",
  cancelled: "🚫",
};

/** Mermaid node styles per status (GitHub's Primer colours). */
export const STATUS_CLASS_DEFS: Record<TaskStatus, string> = {
  pending: "fill:#f6f8fa,stroke:#d0d7de,color:#1f2328",
  blocked: "fill:#fff8c5,stroke:#d4a72c,color:#1f2328",
  ready: "fill:#ddf4ff,stroke:#54aeff,color:#1f2328",
  dispatched: "fill:#ddf4ff,stroke:#0969da,color:#1f2328",
  running: "fill:#b6e3ff,stroke:#0969da,color:#1f2328",
  review: "fill:#fbefff,stroke:#8250df,color:#1f2328",
  done: "fill:#dafbe1,stroke:#1a7f37,color:#1f2328",
  failed: "fill:#ffebe9,stroke:#cf222e,color:#1f2328",
  cancelled: "fill:#eaeef2,stroke:#6e7781,color:#6e7781,stroke-dasharray:4 3",
};

/** `$0.42`. */
export function formatUsd(usd: number): string {
  return `$${usd.toFixed(2)}`;
}
