import { WorkflowError } from "./errors.ts";

export type YamlMap = Record<string, unknown>;

/** `a.b` for keys, `a[2]` for indices. */
export function at(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** Typed reads of parsed YAML that throw a WorkflowError naming the file and the path. */
export class Reader {
  constructor(readonly file: string) {}

  fail(path: string, problem: string, construct?: string): WorkflowError {
    return new WorkflowError("WORKFLOW_INVALID", this.file, path, problem, construct);
  }

  unsupported(path: string, construct: string, why: string): WorkflowError {
    const problem = `'${construct}' is not supported by the sandbox runner (${why})`;
    return new WorkflowError("WORKFLOW_UNSUPPORTED", this.file, path, problem, construct);
  }

  isMap(v: unknown): v is YamlMap {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  map(v: unknown, path: string): YamlMap {
    if (!this.isMap(v)) throw this.fail(path, `expected a mapping, got ${describe(v)}`);
    return v;
  }

  /** Refuses keys the runner would otherwise silently ignore. */
  keys(m: YamlMap, path: string, allowed: readonly string[], refused: Record<string, string> = {}) {
    for (const key of Object.keys(m)) {
      const why = refused[key];
      if (why !== undefined) throw this.unsupported(path, key, why);
      if (!allowed.includes(key)) {
        const problem = `unknown key '${key}' (expected one of: ${allowed.join(", ")})`;
        throw new WorkflowError("WORKFLOW_UNKNOWN_KEY", this.file, path, problem, key);
      }
    }
  }

  /** A scalar as text: strings as they are, numbers and booleans as YAML wrote them. */
  text(v: unknown, path: string): string {
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    throw this.fail(path, `expected a string, got ${describe(v)}`);
  }

  optText(v: unknown, path: string): string | undefined {
    return v === undefined || v === null ? undefined : this.text(v, path);
  }

  /** A string or a list of strings. */
  list(v: unknown, path: string): string[] {
    if (typeof v === "string") return [v];
    if (!Array.isArray(v)) throw this.fail(path, `expected a string or a list, got ${describe(v)}`);
    return v.map((item, i) => this.text(item, at(path, i)));
  }

  optList(v: unknown, path: string): string[] | undefined {
    return v === undefined || v === null ? undefined : this.list(v, path);
  }

  bool(v: unknown, path: string): boolean {
    if (typeof v !== "boolean") throw this.fail(path, `expected true or false, got ${describe(v)}`);
    return v;
  }

  /** A boolean, or an expression to evaluate at run time. */
  boolOrExpr(v: unknown, path: string): boolean | string {
    if (typeof v === "boolean") return v;
    if (typeof v === "string" && v.includes("${{")) return v;
    throw this.fail(path, `expected true, false or a \${{ }} expression, got ${describe(v)}`);
  }

  number(v: unknown, path: string): number {
    const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
    if (typeof n !== "number" || !Number.isFinite(n) || n <= 0) {
      throw this.fail(path, `expected a positive number, got ${describe(v)}`);
    }
    return n;
  }

  /** `env:`/`with:`: a mapping of scalars, kept as text. */
  textMap(v: unknown, path: string): Record<string, string> {
    if (v === undefined || v === null) return {};
    const m = this.map(v, path);
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(m))
      out[k] = val === null ? "" : this.text(val, at(path, k));
    return out;
  }

  /** An `if:` value: a string or a YAML boolean, as text. */
  condition(v: unknown, path: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === "boolean" || typeof v === "number") return String(v);
    return this.text(v, path);
  }
}

export function describe(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}
