import { ACCEPTANCE_SECTION, readAcceptanceSection } from "../spec/agent-pull.ts";
import type { GatePull } from "./gate-inputs.ts";

/**
 * Who ticked the checklist. The gate reads only HavunCore's managed `acceptance` section of the
 * pull request's body (the publish job writes it with every criterion unticked; text the agent
 * wrote elsewhere in the body, ticked or not, is not read), and counts its ticks only when the
 * body's last editor is a person with write, maintain or admin permission on the repository.
 *
 * Why that suffices: on GitHub only a pull request's author (here the App's bot) and people with
 * write access can edit its body, and the App always writes the boxes unticked. So a box that is
 * ticked in the body a writer saved last was ticked, or kept ticked, by that writer. A body last
 * saved by a bot (a workflow's token) or by anyone else counts no ticks.
 */
export const WHY_TICKS_COUNT =
  "only people with write access and the pull request's author (HavunCore, which writes every box unticked) can edit its body, so ticks count when a person with write access saved the body last";

export interface AcceptanceResult {
  missing: string[];
  /** The passed line, when every criterion counts as ticked. */
  passed: string | null;
  notes: string[];
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const count = (body: string, needle: string) => body.split(needle).length - 1;

/** The task's criteria against HavunCore's checklist section, in order, ticked by a writer. */
export function checkAcceptance(criteria: readonly string[], pull: GatePull): AcceptanceResult {
  const out: AcceptanceResult = { missing: [], passed: null, notes: [] };
  const begins = count(pull.body, `<!-- havun:begin ${ACCEPTANCE_SECTION} -->`);
  const ends = count(pull.body, `<!-- havun:end ${ACCEPTANCE_SECTION} -->`);
  const items = begins === 1 && ends === 1 ? readAcceptanceSection(pull.body) : null;
  if (items === null) {
    out.missing.push(
      begins + ends === 0
        ? "the pull request's body has no HavunCore checklist (the section HavunCore writes when it opens the pull request): restore the body from its edit history, or comment `/retry` on the sub-issue"
        : `the pull request's body has ${Math.max(begins, ends)} HavunCore checklist markers where HavunCore writes one section: a person with write access removes the copies (restore the body from its edit history)`,
    );
    return out;
  }
  const differs =
    items.length !== criteria.length
      ? `it has ${items.length} item${items.length === 1 ? "" : "s"}, the task ${criteria.length} criteri${criteria.length === 1 ? "on" : "a"}`
      : criteria
          .map((c, i) => [norm(c), norm(items[i]!.text), i] as const)
          .filter(([c, t]) => c !== t)
          .map(([c, t, i]) => `item ${i + 1} reads “${t}” where the task says “${c}”`)[0];
  if (differs) {
    out.missing.push(
      `HavunCore's checklist does not list the task's acceptance criteria as HavunCore wrote them (${differs}): restore the body from its edit history`,
    );
    return out;
  }
  const editor = pull.editor;
  const counts = !!editor && !editor.bot && editor.canWrite === true;
  const ticked = items.filter((i) => i.checked).length;
  if (counts) {
    for (const [i, c] of criteria.entries())
      if (!items[i]!.checked) out.missing.push(`“${c}” is not ticked`);
    if (!out.missing.length)
      out.passed = `Acceptance: all ${criteria.length} criteria ticked, the body last saved by \`${editor.login}\` (write access)`;
    return out;
  }
  for (const c of criteria) out.missing.push(`“${c}” is not ticked by a person with write access`);
  if (ticked > 0)
    out.notes.push(
      `The checklist has ${ticked} tick${ticked === 1 ? "" : "s"}, but the body was last saved by ${whoEdited(pull)}, so ${ticked === 1 ? "it does" : "they do"} not count: ${WHY_TICKS_COUNT}.`,
    );
  out.notes.push(
    `A person with write access to ${pull.repo} ticks each criterion in HavunCore's checklist once it is verified.`,
  );
  return out;
}

function whoEdited(pull: GatePull): string {
  const e = pull.editor;
  if (!e) return "nobody since HavunCore opened the pull request";
  if (e.bot) return `\`${e.login}\`, a bot`;
  return `\`${e.login}\`, who has no write access to ${pull.repo}`;
}
