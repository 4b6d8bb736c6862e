import { taskMarker } from "../spec/markers.ts";
import { renderSpecBlock } from "../spec/spec-block.ts";
import { taskSpecSchema, type TaskSpec, type TaskSpecInput } from "../spec/task-spec.ts";
import { VIEW_ONLY_SIGNER, type MarkerSigner } from "../trust/marker-signer.ts";
import type { IssueRef } from "./issue-ref.ts";
import { GITHUB_BODY_LIMIT } from "./markdown.ts";
import * as section from "./sub-issue-sections.ts";

export interface SubIssueContext {
  hubIssueUrl: string;
  /** Signs the spec block (the App's key). */
  signer: MarkerSigner;
  snippets?: section.SnippetAttachment[];
  contracts?: section.ContractAttachment[];
  /** Issues of dependencies already filed, by task id; linked when known. */
  dependencies?: Record<string, IssueRef>;
}

export interface FittedBody {
  body: string;
  /** The length of the body with nothing left out. */
  fullLength: number;
  /** What was left out to fit GitHub's limit, in words; [] when nothing. */
  omitted: string[];
}

export class BodyTooLargeError extends Error {
  constructor(
    readonly taskId: string,
    readonly length: number,
  ) {
    super(
      `the sub-issue of task ${taskId} cannot fit GitHub's ${GITHUB_BODY_LIMIT} characters ` +
        `(its spec alone needs ${length}); shorten its instructions or split the task`,
    );
    this.name = "BodyTooLargeError";
  }
}

/**
 * How much of the readable part to show: snippet texts and contract details (1 shown, 0 not),
 * and how many instruction steps and acceptance criteria.
 */
type Lever =
  "agentInstructions" | "snippetTexts" | "contractDetails" | "instructions" | "acceptance";
type Shape = Record<Lever, number>;

/** What is left out first when the body is too long, in words for the reader. */
const LEVERS: Array<[Lever, string]> = [
  ["agentInstructions", "the agent's instructions"],
  ["snippetTexts", "snippet texts"],
  ["contractDetails", "contract details"],
  ["instructions", "instruction steps"],
  ["acceptance", "acceptance criteria"],
];

function render(spec: TaskSpec, ctx: SubIssueContext, shape: Shape, specBlock: string): string {
  const t = spec.task;
  const parts = [
    taskMarker(spec.hub, spec.hub_issue, t.id),
    section.header(spec, ctx.hubIssueUrl),
    section.agent(spec, shape.agentInstructions > 0),
    section.instructions(t.instructions, shape.instructions),
    section.acceptance(t.acceptance, shape.acceptance),
    section.dependencies(t.dependencies, ctx.dependencies ?? {}),
    section.secrets(t.secrets),
    section.snippets(snippetsOf(spec, ctx), shape.snippetTexts > 0, spec.hub_commit),
    section.contracts(spec, ctx.contracts ?? [], shape.contractDetails > 0),
    section.FOOTER,
    specBlock,
  ];
  return `${parts.filter((p) => p !== "").join("\n\n")}\n`;
}

function snippetsOf(spec: TaskSpec, ctx: SubIssueContext): section.SnippetAttachment[] {
  return spec.task.snippets.map((id) => ctx.snippets?.find((s) => s.id === id) ?? { id });
}

/** The body's length with nothing left out (what validatePlan checks against the limit). */
export function subIssueBodyLength(spec: TaskSpec, ctx: Omit<SubIssueContext, "signer">): number {
  // A signature has the same length whoever signs, so the length needs no key.
  const c = { ...ctx, signer: VIEW_ONLY_SIGNER };
  return render(spec, c, fullShape(spec), renderSpecBlock(spec, VIEW_ONLY_SIGNER)).length;
}

function fullShape(spec: TaskSpec): Shape {
  const { instructions, acceptance } = spec.task;
  return {
    agentInstructions: 1,
    snippetTexts: 1,
    contractDetails: 1,
    instructions: instructions.length,
    acceptance: acceptance.length,
  };
}

/**
 * The sub-issue body, fitted to GitHub's limit by leaving out, in turn: the agent's instructions,
 * snippet texts, contract details, then instruction steps and acceptance criteria from the end (the spec block always
 * carries them all). Throws BodyTooLargeError when even that does not fit.
 */
export function fitSubIssueBody(input: TaskSpecInput, ctx: SubIssueContext): FittedBody {
  const spec = taskSpecSchema.parse(input);
  const block = renderSpecBlock(spec, ctx.signer);
  const shape = fullShape(spec);
  const full = render(spec, ctx, shape, block);
  if (full.length <= GITHUB_BODY_LIMIT) return { body: full, fullLength: full.length, omitted: [] };
  const least: Shape = {
    agentInstructions: 0,
    snippetTexts: 0,
    contractDetails: 0,
    instructions: 0,
    acceptance: 0,
  };
  const smallest = render(spec, ctx, least, block).length;
  if (smallest > GITHUB_BODY_LIMIT) throw new BodyTooLargeError(spec.task.id, smallest);
  const omitted: string[] = [];
  let body = full;
  for (const [lever, what] of LEVERS) {
    while (body.length > GITHUB_BODY_LIMIT && shape[lever] > 0) {
      shape[lever] -= 1;
      const shorter = render(spec, ctx, shape, block);
      if (shorter.length < body.length && !omitted.includes(what)) omitted.push(what);
      body = shorter;
    }
  }
  return { body, fullLength: full.length, omitted };
}

/** The sub-issue body: readable task, acceptance checklist, and the hidden spec block. */
export function renderSubIssueBody(spec: TaskSpecInput, ctx: SubIssueContext): string {
  return fitSubIssueBody(spec, ctx).body;
}
