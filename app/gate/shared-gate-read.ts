import type { GitHubClient } from "../gateway/client.ts";
import { toleratingHiddenStatuses } from "../gateway/partial-read.ts";
import { tick } from "../orchestrator/read-clock.ts";
import { GATE_QUERY, type GateQueryResult } from "./gate-query.ts";

interface Read {
  /** The clock's tick when the request started (app/orchestrator/read-clock.ts). */
  started: number;
  answer: Promise<GateQueryResult>;
}

const reads = new Map<string, Read>();
const MAX_KEYS = 500;

/**
 * A pull request's `Gate` query, shared by the handlers of one event burst: the gate and the
 * routing of the pull request's events to their orchestrations both need it. A read that
 * started after `since` (the tick taken when the asker's event was received) saw that event's
 * change, so its answer, in flight or done, serves the asker; otherwise a new read starts.
 * Nothing else is kept: an event after the read gets a read of its own.
 */
export function sharedGateQuery(
  octokit: GitHubClient,
  repo: string,
  number: number,
  since: number | undefined,
): Promise<GateQueryResult> {
  const key = `${repo.toLowerCase()}#${number}`;
  const known = reads.get(key);
  if (known && since !== undefined && known.started > since) return known.answer;
  const [owner = "", name = ""] = repo.split("/");
  const read: Read = {
    started: tick(),
    answer: toleratingHiddenStatuses(() =>
      octokit.graphql<GateQueryResult>(GATE_QUERY, { owner, name, number }),
    ),
  };
  reads.delete(key);
  reads.set(key, read);
  if (reads.size > MAX_KEYS) reads.delete(reads.keys().next().value!);
  // A failed read serves nobody later: the next asker reads again.
  read.answer.catch(() => {
    if (reads.get(key) === read) reads.delete(key);
  });
  return read.answer;
}
