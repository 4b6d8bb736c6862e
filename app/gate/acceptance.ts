/** One `- [ ]` / `- [x]` line of a pull request's checklist. */
export interface ChecklistItem {
  text: string;
  checked: boolean;
}

const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/;
const ITEM = /^\s*[-*+]\s+\[([ xX])\]\s+(.*?)\s*$/;

/**
 * The checklist under the body's `## Acceptance` heading (any level, "Acceptance criteria"
 * too), up to the next heading. Null when the body has no such heading.
 */
export function acceptanceChecklist(body: string): ChecklistItem[] | null {
  let inside = false;
  let found = false;
  const items: ChecklistItem[] = [];
  for (const line of body.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    if (heading) {
      inside = /^acceptance\b/i.test(heading[1] ?? "");
      found ||= inside;
      continue;
    }
    const item = inside ? ITEM.exec(line) : null;
    if (item) items.push({ text: item[2] ?? "", checked: item[1] !== " " });
  }
  return found ? items : null;
}

/** Compares criteria as people retype them: case, spacing, backticks and a final period aside. */
export function sameCriterion(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/[`*_]/g, "")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[.;:]$/, "")
      .toLowerCase();
  return norm(a) === norm(b);
}

export interface AcceptanceResult {
  checked: number;
  total: number;
  /** What keeps the checklist from being done, one line each. */
  missing: string[];
}

/** The task's criteria against the pull request's checklist: each must be there and ticked. */
export function checkAcceptance(criteria: readonly string[], body: string): AcceptanceResult {
  const list = acceptanceChecklist(body);
  if (list === null) {
    return {
      checked: 0,
      total: criteria.length,
      missing: [
        `the pull request has no \`## Acceptance\` checklist; add one with the task's ${criteria.length} criteria as \`- [x]\` items`,
      ],
    };
  }
  const missing: string[] = [];
  let checked = 0;
  for (const c of criteria) {
    const item = list.find((i) => sameCriterion(i.text, c));
    if (!item) missing.push(`“${c}” is not in the pull request's checklist`);
    else if (!item.checked) missing.push(`“${c}” is not checked`);
    else checked++;
  }
  for (const extra of list.filter(
    (i) => !i.checked && !criteria.some((c) => sameCriterion(c, i.text)),
  ))
    missing.push(`“${extra.text}” is not checked`);
  return { checked, total: criteria.length, missing };
}
