import { diffSpecs } from "../diff.ts";
import type { Finding } from "../finding.ts";
import { loadSpecText } from "../load.ts";

type Json = Record<string, unknown>;

/** A minimal OpenAPI document around `paths` and `components`. */
export function spec(
  paths: Json,
  components: Json = {},
  extra: Json = {},
  version = "3.0.3",
): Json {
  return { openapi: version, info: { title: "t", version: "1" }, paths, components, ...extra };
}

/** One operation at `path` with a JSON response body and optional request body/parameters. */
export function api(options: {
  path?: string;
  method?: string;
  response?: unknown;
  request?: unknown;
  requestRequired?: boolean;
  parameters?: unknown[];
  components?: Json;
  version?: string;
  op?: Json;
}): Json {
  const op: Json = {
    operationId: "op",
    responses: {
      "200": {
        description: "ok",
        ...(options.response !== undefined
          ? { content: { "application/json": { schema: options.response } } }
          : {}),
      },
    },
    ...(options.parameters ? { parameters: options.parameters } : {}),
    ...(options.request !== undefined
      ? {
          requestBody: {
            required: options.requestRequired ?? true,
            content: { "application/json": { schema: options.request } },
          },
        }
      : {}),
    ...options.op,
  };
  const path = options.path ?? "/things";
  return spec(
    { [path]: { [options.method ?? "post"]: op } },
    options.components ?? {},
    {},
    options.version,
  );
}

export async function diff(base: Json, head: Json): Promise<Finding[]> {
  const [b, h] = await Promise.all([
    loadSpecText(JSON.stringify(base), { label: "base.json", file: "base.json" }),
    loadSpecText(JSON.stringify(head), { label: "head.json", file: "head.json" }),
  ]);
  return diffSpecs(b, h);
}

export async function ids(base: Json, head: Json): Promise<string[]> {
  return (await diff(base, head)).map((f) => f.id).sort();
}

/** The rule ids for a schema change in the request body and in the response body. */
export async function bothSides(
  before: unknown,
  after: unknown,
): Promise<{ request: string[]; response: string[] }> {
  return {
    request: await ids(api({ request: before }), api({ request: after })),
    response: await ids(api({ response: before }), api({ response: after })),
  };
}
