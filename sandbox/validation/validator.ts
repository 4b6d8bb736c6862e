import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { LENIENT_EMAIL } from "./lenient-email.ts";
import addFormatsModule from "ajv-formats";
import { isErratum } from "./errata.ts";
import { loadSpec, type SpecOperation } from "./spec.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    coerceTypes: coerce,
    validateFormats: true,
  });
  addFormats(ajv);
  ajv.addFormat("email", LENIENT_EMAIL);
  // GitHub's own format names in its description: "owner/name" repository references.
  ajv.addFormat("repo.nwo", /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/);
  ajv.addSchema({ components: loadSpec().components }, "gh");
  return ajv;
}

/** Points `#/components/…` refs of an operation's schema at the shared components document. */
function rooted(schema: unknown): object {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"$ref":"#/components/', '"$ref":"gh#/components/'),
  );
}

/** Validates requests and responses against GitHub's REST description; compiles lazily. */
export class SpecValidator {
  private strictAjv?: Ajv;
  private coercingAjv?: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  private compile(key: string, schema: unknown, coerce: boolean): ValidateFunction {
    let fn = this.compiled.get(key);
    if (!fn) {
      const ajv = coerce
        ? (this.coercingAjv ??= makeAjv(true))
        : (this.strictAjv ??= makeAjv(false));
      fn = ajv.compile(rooted(schema));
      this.compiled.set(key, fn);
    }
    return fn;
  }

  /** Coerces and checks path and query parameters in place; returns problems found. */
  checkParameters(
    op: SpecOperation,
    where: "path" | "query",
    values: Record<string, unknown>,
  ): string[] {
    const problems: string[] = [];
    for (const p of op.parameters.filter((x) => x.in === where)) {
      if (values[p.name] === undefined) {
        if (p.required) problems.push(`"${p.name}" wasn't supplied.`);
        continue;
      }
      if (!p.schema) continue;
      const holder = { v: values[p.name] };
      const fn = this.compile(
        `${op.operationId}:${where}:${p.name}`,
        {
          type: "object",
          properties: { v: anyOfForParameters(p.schema) },
        },
        true,
      );
      if (!fn(holder)) problems.push(...describe(fn.errors, p.name, values[p.name]));
      else values[p.name] = holder.v;
    }
    return problems;
  }

  checkBody(op: SpecOperation, body: unknown): string[] {
    const schema = op.requestBody?.schema;
    if (!schema) return [];
    const fn = this.compile(`${op.operationId}:body`, schema, false);
    return fn(body) ? [] : describe(fn.errors, undefined, body);
  }

  /** Problems with a response body; [] when it matches or nothing is documented for it. */
  checkResponse(op: SpecOperation, status: number, body: unknown): string[] {
    const schema = op.responses[String(status)];
    if (schema === undefined) {
      const documented = Object.keys(op.responses);
      return documented.includes(String(status)) || status >= 400 || status === 304
        ? []
        : [`status ${status} is not documented (documented: ${documented.join(", ")})`];
    }
    const fn = this.compile(`${op.operationId}:response:${status}`, schema, false);
    if (fn(body)) return [];
    return (fn.errors ?? [])
      .filter((e) => !isErratum(op.operationId, e.instancePath))
      .slice(0, 10)
      .map((e) => `${e.instancePath || "/"} ${e.message}`);
  }
}

/** Messages in the style GitHub uses for schema failures ("Invalid request.\n\n…"). */
function describe(
  errors: ErrorObject[] | null | undefined,
  name: string | undefined,
  value: unknown,
): string[] {
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    const at = name ?? e.instancePath.replace(/^\//, "").replaceAll("/", ".");
    if (e.keyword === "required") {
      seen.add(`"${(e.params as { missingProperty: string }).missingProperty}" wasn't supplied.`);
    } else if (e.keyword === "type") {
      const v = name ? value : e.data;
      seen.add(
        `For '${at || "body"}', ${JSON.stringify(v)} is not ${article((e.params as { type: string }).type)}.`,
      );
    } else if (e.keyword === "enum") {
      seen.add(
        `For '${at}', ${JSON.stringify(e.data)} is not a possible value (${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}).`,
      );
    } else if (e.keyword === "additionalProperties") {
      seen.add(
        `"${(e.params as { additionalProperty: string }).additionalProperty}" is not a permitted key.`,
      );
    } else if (e.keyword !== "anyOf" && e.keyword !== "oneOf") {
      seen.add(`For '${at || "body"}', ${e.message}.`);
    }
  }
  if (seen.size === 0 && errors?.length) seen.add('No subschema in "oneOf" matched.');
  return [...seen];
}

function article(type: string): string {
  const t = String(type).split(",")[0] ?? type;
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

/**
 * A path or query parameter arrives as text and is coerced: "42" then satisfies both branches
 * of GitHub's `oneOf: [integer, string]` (a workflow id or file name), which `oneOf` forbids.
 * For parameters, any branch matching is what GitHub means.
 */
function anyOfForParameters(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema ?? {}).replaceAll('"oneOf":', '"anyOf":'));
}
