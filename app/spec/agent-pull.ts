import type { MarkerSigner } from "../trust/marker-signer.ts";
import { readManagedSection, managedSection } from "./managed-section.ts";
import type { TaskSpec } from "./task-spec.ts";

/**
 * What makes a pull request a task's own: the branch the publish job pushes, in the task's
 * repository, opened by the App's bot. Its body carries the acceptance checklist in the App's
 * managed section and the run's cost in a marker the App signed; the agent's own text sits in
 * an inert block elsewhere in the body and can form neither.
 */
export function agentBranch(spec: Pick<TaskSpec, "hub_issue"> & { task: { id: string } }): string {
  return `havun/${spec.hub_issue}-${spec.task.id}`;
}

export const ACCEPTANCE_SECTION = "acceptance";

/** The checklist as the publish job writes it: every criterion unticked. */
export function renderAcceptanceSection(criteria: string[]): string {
  const lines = criteria.map((c) => `- [ ] ${c.replace(/\s+/g, " ").trim()}`);
  return managedSection(ACCEPTANCE_SECTION, lines.join("\n") || "_No acceptance criteria._");
}

export interface ChecklistItem {
  text: string;
  checked: boolean;
}

/** The items of the App's checklist section in a PR body; null when the section is missing. */
export function readAcceptanceSection(body: string): ChecklistItem[] | null {
  const inner = readManagedSection(body, ACCEPTANCE_SECTION);
  if (inner === null) return null;
  const items: ChecklistItem[] = [];
  for (const line of inner.split(/\r?\n/)) {
    const m = /^[-*] \[([ xX])\] (.*)$/.exec(line.trim());
    if (m) items.push({ checked: m[1] !== " ", text: m[2]!.trim() });
  }
  return items;
}

/** The facts a cost marker vouches for. */
export interface CostFacts {
  /** The task's sub-issue, `owner/repo#N`. */
  issue: string;
  attempt: number;
  /** The fix round (0: the attempt's first run). */
  round: number;
  usd: number;
}

const costData = (f: CostFacts) =>
  `${f.issue.toLowerCase()}\n${f.attempt}\n${f.round}\n${f.usd.toFixed(4)}`;

/** `<!-- havun:cost issue=o/r#1 attempt=1 round=0 usd=0.1234 sig=… -->`, signed by the App. */
export function renderCostMarker(f: CostFacts, signer: MarkerSigner): string {
  const sig = signer.sign("cost", costData(f));
  return `<!-- havun:cost issue=${f.issue.toLowerCase()} attempt=${f.attempt} round=${f.round} usd=${f.usd.toFixed(4)} sig=${sig} -->`;
}

const COST =
  /<!-- havun:cost issue=([a-z0-9_.-]+\/[a-z0-9_.-]+#\d+) attempt=(\d+) round=(\d+) usd=(\d+\.\d{4}) sig=([A-Za-z0-9_-]{43}) -->/g;

/**
 * Every run's cost in a body: markers whose signature verifies and that are for `issue`, one per
 * attempt and round (a copy counts once); a forged or copied one (another issue) is ignored. The
 * body is capped at GitHub's limit before reading.
 */
export function readCostMarkers(body: string, issue: string, signer: MarkerSigner): CostFacts[] {
  const out = new Map<string, CostFacts>();
  for (const m of body.slice(0, 65_536).matchAll(COST)) {
    const f: CostFacts = {
      issue: m[1]!,
      attempt: Number(m[2]),
      round: Number(m[3]),
      usd: Number(m[4]),
    };
    if (f.issue !== issue.toLowerCase()) continue;
    if (!signer.verify("cost", costData(f), m[5]!)) continue;
    out.set(`${f.attempt}/${f.round}`, f);
  }
  return [...out.values()];
}

/** The App's section of a task PR's body that keeps one entry per run (its summary and cost). */
export const ROUNDS_SECTION = "rounds";
