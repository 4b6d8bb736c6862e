/** Why an expression could not be parsed or evaluated. */
export type ExpressionErrorCode =
  | "EXPR_SYNTAX"
  | "EXPR_UNKNOWN_CONTEXT"
  | "EXPR_UNKNOWN_FUNCTION"
  | "EXPR_ARGUMENTS"
  | "EXPR_FORMAT"
  | "EXPR_JSON"
  | "EXPR_TOO_DEEP";

/**
 * A typed error naming the problem and where it is, worded like GitHub's own
 * ("Unexpected symbol: '&'. Located at position 3 within expression: a & b").
 * `position` is 1-based, as in GitHub's message.
 */
export class ExpressionError extends Error {
  readonly expression: string;
  readonly position?: number;

  constructor(
    readonly code: ExpressionErrorCode,
    problem: string,
    expression: string,
    position?: number,
  ) {
    const where =
      position === undefined
        ? ` Within expression: ${expression}`
        : ` Located at position ${position} within expression: ${expression}`;
    super(`${problem}.${where}`);
    this.name = "ExpressionError";
    this.expression = expression;
    if (position !== undefined) this.position = position;
  }
}
