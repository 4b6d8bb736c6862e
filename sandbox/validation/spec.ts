import { createRequire } from "node:module";
import { toJsonSchema } from "./nullable.ts";

const require = createRequire(import.meta.url);

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: unknown;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  category: string;
  subcategory: string;
  parameters: SpecParameter[];
  requestBody?: { required?: boolean; schema?: unknown; mediaType: string };
  /** status → JSON schema of the body (undefined: no JSON body documented). */
  responses: Record<string, unknown>;
}

export interface LoadedSpec {
  components: Record<string, unknown>;
  operations: SpecOperation[];
}

let cached: LoadedSpec | undefined;

function resolveRef<T>(root: Record<string, unknown>, value: unknown): T {
  let v = value as Record<string, unknown>;
  while (v && typeof v.$ref === "string") {
    const parts = (v.$ref as string).replace(/^#\//, "").split("/");
    v = parts.reduce<Record<string, unknown>>((o, p) => o[p] as Record<string, unknown>, root);
  }
  return v as T;
}

/** GitHub's published REST description, normalised to plain JSON Schema, loaded once. */
export function loadSpec(): LoadedSpec {
  if (cached) return cached;
  const raw = require("@octokit/openapi/generated/api.github.com.json") as Record<string, any>;
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(raw.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!op?.operationId) continue;
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) =>
        resolveRef<SpecParameter>(raw, p),
      );
      const body = op.requestBody ? resolveRef<any>(raw, op.requestBody) : undefined;
      const mediaType = body ? (Object.keys(body.content ?? {})[0] ?? "application/json") : "";
      const responses: Record<string, unknown> = {};
      for (const [status, r] of Object.entries<any>(op.responses ?? {})) {
        const resolved = resolveRef<any>(raw, r);
        responses[status] = resolved?.content?.["application/json"]?.schema;
      }
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        category: op["x-github"]?.category ?? "",
        subcategory: op["x-github"]?.subcategory ?? "",
        parameters: parameters.map((p) => ({ ...p, schema: toJsonSchema(p.schema) })),
        requestBody: body
          ? {
              required: body.required,
              schema: toJsonSchema(body.content?.[mediaType]?.schema),
              mediaType,
            }
          : undefined,
        responses: Object.fromEntries(
          Object.entries(responses).map(([k, v]) => [
            k,
            v === undefined ? undefined : toJsonSchema(v),
          ]),
        ),
      });
    }
  }
  cached = { components: toJsonSchema(raw.components) as Record<string, unknown>, operations };
  return cached;
}
