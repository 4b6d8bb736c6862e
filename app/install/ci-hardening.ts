import { isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLMap } from "yaml";

/** One change `havun init` makes to a workflow that runs on `pull_request`. */
export type HardeningChange =
  { kind: "permissions" } | { kind: "persist-credentials"; job: string; step: number };

export interface HardeningResult {
  /** The workflow runs on `pull_request`, so agent-written code runs in it. */
  onPullRequest: boolean;
  /** The workflow with the changes (the same text when there are none). */
  text: string;
  changes: HardeningChange[];
  /** What a person should look at that init does not change (secrets the workflow uses). */
  secrets: string[];
}

interface Edit {
  at: number;
  insert: string;
}

const offsetOf = (node: unknown): number | undefined =>
  (node as { range?: [number, number, number] } | null)?.range?.[0];

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

function runsOnPullRequest(on: unknown): boolean {
  if (on === "pull_request") return true;
  if (Array.isArray(on)) return on.includes("pull_request");
  return on !== null && typeof on === "object" && "pull_request" in on;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

/** The edit that makes one `actions/checkout` step keep no credentials, or null if it need not. */
function checkoutEdit(text: string, step: YAMLMap): Edit | null | "unreadable" {
  const uses = pairOf(step, "uses");
  if (!uses || !isScalar(uses.value) || !/^actions\/checkout@/.test(String(uses.value.value)))
    return null;
  const withPair = pairOf(step, "with");
  if (!withPair) {
    const keyAt = offsetOf(uses.key);
    const valueEnd = (uses.value as { range?: [number, number, number] }).range?.[1];
    if (keyAt === undefined || valueEnd === undefined) return "unreadable";
    const nl = text.indexOf("\n", valueEnd);
    const sp = " ".repeat(column(text, keyAt));
    return {
      at: nl < 0 ? text.length : nl,
      insert: `\n${sp}with:\n${sp}  persist-credentials: false`,
    };
  }
  const value = withPair.value;
  if (!isMap(value)) return "unreadable";
  if (pairOf(value, "persist-credentials")) return null;
  const start = offsetOf(value);
  if (start === undefined) return "unreadable";
  if (value.flow)
    return {
      at: start + 1,
      insert: value.items.length ? " persist-credentials: false," : "persist-credentials: false",
    };
  const firstKey = offsetOf(value.items[0]?.key);
  if (firstKey === undefined) return "unreadable";
  return {
    at: firstKey,
    insert: `persist-credentials: false\n${" ".repeat(column(text, firstKey))}`,
  };
}

/**
 * The CI hardening HavunCore recommends for a workflow that runs agent-written code on
 * `pull_request`: a read-only token by default (`permissions: contents: read` at the top, unless
 * the workflow or every job already sets permissions) and checkouts that keep no credentials
 * (`persist-credentials: false`, unless the step already says). Edits are made as text, so every
 * other byte (comments, order, quoting) stays as it was.
 */
export function hardenWorkflow(text: string): HardeningResult {
  const doc = parseDocument(text);
  const data = doc.errors.length ? null : (doc.toJS() as Record<string, unknown> | null);
  const none = { onPullRequest: false, text, changes: [], secrets: [] };
  if (!data || !runsOnPullRequest(data.on)) return none;
  const secrets = [
    ...new Set([...text.matchAll(/secrets\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!)),
  ]
    .filter((s) => s !== "GITHUB_TOKEN")
    .sort();
  const edits: Edit[] = [];
  const changes: HardeningChange[] = [];
  const jobs = doc.get("jobs", true);
  if (!isMap(jobs)) return { ...none, onPullRequest: true, secrets };
  const jobMaps = jobs.items.filter((p) => isMap(p.value)) as Pair<unknown, YAMLMap>[];
  const unset = jobMaps.some((p) => !pairOf(p.value!, "permissions"));
  const jobsKey = offsetOf(pairOf(doc.contents as YAMLMap, "jobs")?.key);
  if (!doc.has("permissions") && unset && jobsKey !== undefined) {
    const sp = " ".repeat(column(text, jobsKey));
    edits.push({
      at: jobsKey - column(text, jobsKey),
      insert: `${sp}permissions:\n${sp}  contents: read\n`,
    });
    changes.push({ kind: "permissions" });
  }
  for (const job of jobMaps) {
    const steps = job.value!.get("steps", true);
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, i) => {
      if (!isMap(step)) return;
      const edit = checkoutEdit(text, step);
      if (edit === null || edit === "unreadable") return;
      edits.push(edit);
      changes.push({
        kind: "persist-credentials",
        job: String((job.key as { value?: unknown }).value),
        step: i + 1,
      });
    });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at))
    out = out.slice(0, e.at) + e.insert + out.slice(e.at);
  if (edits.length && parseDocument(out).errors.length)
    throw new Error("hardening a workflow produced invalid YAML; it is left unchanged");
  return { onPullRequest: true, text: out, changes, secrets };
}
