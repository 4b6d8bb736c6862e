import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { escape, serverBasePaths, templatePattern } from "../gate/consumer-impact.ts";
import { closeObjects } from "./close-objects.ts";

/** One way a consumer's pact asks for what the provider's description does not promise. */
export interface CompatProblem {
  consumer: string;
  /** The interaction's description. */
  interaction: string;
  /** `GET /installment-plans`. */
  call: string;
  message: string;
}

export interface CompatReport {
  interactions: number;
  problems: CompatProblem[];
}

interface PactRequest {
  method?: unknown;
  path?: unknown;
  body?: unknown;
}
interface PactResponse {
  status?: unknown;
  body?: unknown;
}

type Doc = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * A consumer's pact read against the provider's OpenAPI description, without running the
 * provider (the comparison PactFlow calls bi-directional): every HTTP interaction must call an
 * operation the description has, expect a status it documents, and expect a JSON body its
 * response schema allows — where a property the consumer reads must be one the schema declares
 * (an undeclared one is not promised). A request body is checked against the request schema.
 * Message interactions have no request and are left out.
 */
export function pactCompat(pact: unknown, consumer: string, doc: Doc): CompatReport {
  const interactions = Array.isArray((pact as { interactions?: unknown })?.interactions)
    ? ((pact as { interactions: unknown[] }).interactions as Record<string, unknown>[])
    : [];
  const schemas = new SchemaCache(doc);
  const bases = ["", ...serverBasePaths(doc).filter((p) => p !== "/")];
  const problems: CompatProblem[] = [];
  let count = 0;
  for (const i of interactions) {
    const request = i["request"] as PactRequest | undefined;
    const response = i["response"] as PactResponse | undefined;
    if (typeof request?.method !== "string" || typeof request.path !== "string") continue;
    count++;
    const method = request.method.toLowerCase();
    const call = `${method.toUpperCase()} ${request.path}`;
    const say = (message: string) =>
      problems.push({ consumer, interaction: String(i["description"] ?? call), call, message });
    const found = findOperation(doc, method, request.path, bases);
    if (!found) {
      say(`the provider's description has no operation for ${call}`);
      continue;
    }
    const { pointer, operation } = found;
    if (request.body !== undefined) {
      const at = jsonSchemaPointer(operation["requestBody"], `${pointer}/requestBody`, doc);
      if (!at) say(`it sends a body, and ${found.label} describes no JSON request body`);
      else for (const e of schemas.check(at, request.body, false)) say(`request body ${e}`);
    }
    const status = typeof response?.status === "number" ? response.status : 200;
    const responses = (operation["responses"] ?? {}) as Doc;
    const key = [String(status), `${String(status)[0]}XX`, "default"].find((k) => k in responses);
    if (!key) {
      say(`it expects status ${status}, which ${found.label} does not document`);
      continue;
    }
    if (response?.body === undefined) continue;
    const at = jsonSchemaPointer(responses[key], `${pointer}/responses/${esc(key)}`, doc);
    if (!at) {
      say(`it expects a body with ${status}, and ${found.label} describes no JSON body for it`);
      continue;
    }
    for (const e of schemas.check(at, response.body, true)) say(`response ${status} body ${e}`);
  }
  return { interactions: count, problems };
}

const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

function deref(value: unknown, doc: Doc): { node: Doc; pointer?: string } | null {
  let node = value as Doc | undefined;
  let pointer: string | undefined;
  for (let hops = 0; node && typeof node["$ref"] === "string" && hops < 10; hops++) {
    pointer = (node["$ref"] as string).replace(/^#/, "");
    node = resolvePointer(doc, pointer) as Doc | undefined;
  }
  return node && typeof node === "object" ? { node, ...(pointer ? { pointer } : {}) } : null;
}

function resolvePointer(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = node && typeof node === "object" ? (node as Doc)[part] : undefined;
  }
  return node;
}

/** The pointer of the JSON schema of a request body or response (following `$ref`s). */
function jsonSchemaPointer(value: unknown, pointer: string, doc: Doc): string | null {
  const r = deref(value, doc);
  if (!r) return null;
  const base = r.pointer ?? pointer;
  const content = (r.node["content"] ?? {}) as Doc;
  const type = Object.keys(content).find((t) => /^application\/([\w.+-]*\+)?json\b/i.test(t));
  if (!type || !(content[type] as Doc)?.["schema"]) return null;
  return `${base}/content/${esc(type)}/schema`;
}

function findOperation(
  doc: Doc,
  method: string,
  path: string,
  bases: string[],
): { pointer: string; operation: Doc; label: string } | null {
  if (!METHODS.includes(method)) return null;
  const bare = path.split("?")[0] ?? path;
  const paths = (doc["paths"] ?? {}) as Doc;
  for (const [template, item] of Object.entries(paths)) {
    const pattern = templatePattern(template);
    if (!bases.some((b) => new RegExp(`^${escape(b.replace(/\/$/, ""))}${pattern}/?$`).test(bare)))
      continue;
    const resolved = deref(item, doc);
    const operation = resolved?.node[method] as Doc | undefined;
    if (!operation) continue;
    return {
      pointer: `/paths/${esc(template)}/${method}`,
      operation,
      label: `${method.toUpperCase()} ${template}`,
    };
  }
  return null;
}

/** Compiles each schema once, from a copy of the description Ajv can read (closed objects). */
class SchemaCache {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: Doc) {
    (addFormats as unknown as (a: Ajv2020) => void)(this.ajv);
    this.ajv.addSchema(jsonSchemaCopy(doc, false), "open");
    this.ajv.addSchema(jsonSchemaCopy(doc, true), "closed");
  }

  /** What is wrong with `value` for the schema at `pointer` ("" when nothing). */
  check(pointer: string, value: unknown, closed: boolean): string[] {
    const key = `${closed ? "closed" : "open"}#${pointer}`;
    let v = this.compiled.get(key);
    if (!v) this.compiled.set(key, (v = this.ajv.compile({ $ref: key })));
    if (v(value)) return [];
    return (v.errors ?? []).slice(0, 5).map((e) => {
      const where = e.instancePath ? `at ${e.instancePath}` : "";
      const extra = (e.params as { unevaluatedProperty?: string }).unevaluatedProperty;
      return extra
        ? `${where ? `${where} ` : ""}reads "${extra}", which the provider's schema does not declare`
        : `${where ? `${where} ` : ""}${e.message ?? "does not match"}`;
    });
  }
}

/**
 * The description as JSON Schema 2020-12 for Ajv: OpenAPI 3.0's `nullable` as a type list, and
 * (closed) objects that declare properties without saying anything of others made closed, so
 * a property the consumer expects but the provider never declared is reported.
 */
function jsonSchemaCopy(doc: Doc, closed: boolean): Doc {
  const copy = structuredClone(doc);
  delete copy["$schema"];
  delete copy["$id"];
  return closeObjects(copy, closed) as Doc;
}
