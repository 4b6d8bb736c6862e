import type { z } from "zod";
import { fixHints } from "./fixes.ts";
import { formatPath, kindOf, show, type Problem } from "./problem.ts";
import { keysAt, schemaAt } from "./schema-at.ts";
import { closest } from "./suggest.ts";

type Issue = z.core.$ZodIssue & { input?: unknown; params?: { fix?: string } };

/** A problem together with the raw path, so a caller can point into its source document. */
export interface LocatedProblem extends Problem {
  at: PropertyKey[];
}

const EXPECTED: Record<string, string> = {
  object: "a mapping (key: value)",
  array: "a list",
  string: "text",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
};

/**
 * Turns zod's issues (parsed with `reportInput: true`) into problems that say what is wrong in
 * the reader's terms and what to do, using fix hints registered beside the schema.
 */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  root: z.core.$ZodType,
): LocatedProblem[] {
  return issues.flatMap((raw) => {
    const issue = raw as Issue;
    const at = [...issue.path];
    if (issue.code === "unrecognized_keys") {
      const allowed = keysAt(root, at);
      return issue.keys.map((key) => unknownKey([...at, key], key, allowed));
    }
    const path = formatPath(at);
    const hint = schemaAt(root, at)
      .map((s) => fixHints.get(s))
      .find((h) => h !== undefined);
    const problem = (message: string, fix: string): LocatedProblem => ({
      path,
      at,
      message,
      fix: issue.params?.fix ?? hint?.fix ?? fix,
    });
    const subject = path === "" ? "the document " : "";
    switch (issue.code) {
      case "invalid_type": {
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        if (issue.input === undefined) {
          const key = String(at.at(-1) ?? "");
          return [problem(`${key} is required but missing`, `add \`${key}:\` with ${expected}`)];
        }
        return [
          problem(
            `${subject}should be ${expected}, not ${kindOf(issue.input)}`,
            `write ${expected}`,
          ),
        ];
      }
      case "invalid_value": {
        const values = issue.values.map((v) => String(v));
        const near = typeof issue.input === "string" ? closest(issue.input, values) : undefined;
        const fix =
          near === undefined ? `use one of: ${values.join(", ")}` : `did you mean ${near}?`;
        return [problem(`${subject}cannot be ${show(issue.input)}`, fix)];
      }
      case "invalid_format": {
        const form = hint?.form ?? `the ${issue.format} format`;
        return [problem(`${show(issue.input)} is not ${form}`, `write ${form}`)];
      }
      case "too_small":
      case "too_big":
        return [problem(sizeMessage(issue), sizeFix(issue))];
      default:
        return [problem(issue.message, "see the JSON Schema for what this field allows")];
    }
  });
}

function unknownKey(at: PropertyKey[], key: string, allowed: string[]): LocatedProblem {
  const near = closest(key, allowed);
  return {
    path: formatPath(at),
    at,
    message: `unknown key \`${key}\``,
    fix:
      near === undefined
        ? `remove it; the keys allowed here are: ${allowed.join(", ")}`
        : `did you mean \`${near}\`?`,
  };
}

type SizeIssue = z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig;

function bound(issue: SizeIssue): number {
  return Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
}

/** "at least 1", "more than 0", "at most 100". */
function limitText(issue: SizeIssue): string {
  const small = issue.code === "too_small";
  const word =
    issue.inclusive === false
      ? small
        ? "more than"
        : "less than"
      : small
        ? "at least"
        : "at most";
  return `${word} ${bound(issue)}`;
}

function sizeMessage(issue: SizeIssue & { input?: unknown }): string {
  const { input } = issue;
  if (issue.origin === "array" && Array.isArray(input)) {
    const items = `${input.length} item${input.length === 1 ? "" : "s"}`;
    return `has ${items}; ${limitText(issue)} allowed`;
  }
  if (issue.origin === "string" && typeof input === "string") {
    return `is ${input.length} characters long; ${limitText(issue)} allowed`;
  }
  return `is ${show(input)}; it must be ${limitText(issue)}`;
}

function sizeFix(issue: SizeIssue): string {
  if (issue.origin === "array") return `list ${limitText(issue)} item(s)`;
  if (issue.origin === "string") return `write ${limitText(issue)} character(s)`;
  return `use a number that is ${limitText(issue)}`;
}
