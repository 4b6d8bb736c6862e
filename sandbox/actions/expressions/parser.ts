import type { BinaryOp, Node } from "./ast.ts";
import { ExpressionError } from "./errors.ts";
import { tokenize, type Token } from "./lexer.ts";

/** Binding power per GitHub's table: `!` > comparison > equality > `&&` > `||`. */
const BINARY: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
};
/** GitHub refuses expressions nested deeper than this. */
const MAX_DEPTH = 50;

/** Parses the inside of `${{ }}` to a tree (precedence climbing over a hand-written lexer). */
export function parse(expression: string): Node {
  return new Parser(expression).parseAll();
}

class Parser {
  private readonly tokens: Token[];
  private pos = 0;
  private depth = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  parseAll(): Node {
    if (this.peek().kind === "end") throw this.error("Expected an expression", this.peek());
    const node = this.expression(0);
    const rest = this.peek();
    if (rest.kind !== "end") throw this.unexpected(rest);
    return node;
  }

  private expression(minPower: number): Node {
    this.enter();
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const power = t.kind === "operator" ? BINARY[t.text] : undefined;
      if (power === undefined || power <= minPower) break;
      this.pos++;
      const right = this.expression(power);
      left = { type: "binary", op: t.text as BinaryOp, left, right, start: t.start };
    }
    this.depth--;
    return left;
  }

  private unary(): Node {
    const t = this.peek();
    if (t.kind === "operator" && t.text === "!") {
      this.pos++;
      this.enter();
      const operand = this.unary();
      this.depth--;
      return { type: "not", operand, start: t.start };
    }
    return this.postfix(this.primary());
  }

  private primary(): Node {
    const t = this.next();
    switch (t.kind) {
      case "null":
      case "boolean":
      case "number":
      case "string":
        return { type: "literal", value: t.value ?? null, start: t.start };
      case "word":
        if (this.peekIs("punct", "(")) return this.call(t);
        return { type: "context", name: t.text, start: t.start };
      case "punct":
        if (t.text === "(") {
          const inner = this.expression(0);
          this.expect(")", "to close '('");
          return inner;
        }
    }
    throw this.unexpected(t);
  }

  private call(name: Token): Node {
    this.pos++; // (
    const args: Node[] = [];
    if (!this.peekIs("punct", ")")) {
      do args.push(this.expression(0));
      while (this.accept(","));
    }
    this.expect(")", `to close the arguments of '${name.text}'`);
    return { type: "call", name: name.text, args, start: name.start };
  }

  private postfix(target: Node): Node {
    for (;;) {
      const t = this.peek();
      if (t.kind === "punct" && t.text === ".") {
        this.pos++;
        const p = this.next();
        if (p.kind === "wildcard") target = { type: "index", target, key: "*", start: p.start };
        else if (p.kind === "property") {
          const key: Node = { type: "literal", value: p.text, start: p.start };
          target = { type: "index", target, key, start: p.start };
        } else throw this.unexpected(p);
      } else if (t.kind === "punct" && t.text === "[") {
        this.pos++;
        if (this.peek().kind === "wildcard") {
          this.pos++;
          target = { type: "index", target, key: "*", start: t.start };
        } else target = { type: "index", target, key: this.expression(0), start: t.start };
        this.expect("]", "to close '['");
      } else return target;
    }
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      throw new ExpressionError(
        "EXPR_TOO_DEEP",
        `Exceeded max expression depth ${MAX_DEPTH}`,
        this.source,
        this.peek().start + 1,
      );
    }
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== "end") this.pos++;
    return t;
  }

  private peekIs(kind: Token["kind"], text: string): boolean {
    const t = this.peek();
    return t.kind === kind && t.text === text;
  }

  private accept(text: string): boolean {
    if (!this.peekIs("punct", text)) return false;
    this.pos++;
    return true;
  }

  private expect(text: string, why: string): void {
    if (this.accept(text)) return;
    const t = this.peek();
    if (t.kind === "end") throw this.error(`Expected '${text}' ${why}`, t);
    throw this.unexpected(t);
  }

  private unexpected(t: Token): ExpressionError {
    if (t.kind === "end") return this.error("Unexpected end of expression", t);
    return this.error(`Unexpected symbol: '${t.text}'`, t);
  }

  private error(problem: string, t: Token): ExpressionError {
    return new ExpressionError("EXPR_SYNTAX", problem, this.source, t.start + 1);
  }
}
