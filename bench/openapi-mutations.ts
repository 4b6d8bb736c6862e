/**
 * Scattered edits to GitHub's REST description for the diff benchmark. Targets are found by
 * shape (first operation with a query parameter, first component with an enum, …) so the edits
 * keep applying as @octokit/openapi moves on.
 */
type Json = Record<string, any>;
type Mutation = [label: string, apply: (doc: Json) => boolean];

const METHODS = ["get", "put", "post", "delete", "patch"];

function operations(doc: Json): { path: string; method: string; op: Json }[] {
  const out = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const method of METHODS)
      if (item[method]) out.push({ path, method, op: item[method] as Json });
  }
  return out;
}

function nth<T>(list: T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

function jsonBody(op: Json): Json | undefined {
  return op.requestBody?.content?.["application/json"]?.schema;
}

function inlineObjectBodies(doc: Json): Json[] {
  return operations(doc)
    .map((o) => jsonBody(o.op))
    .filter((s): s is Json => !!s && !s.$ref && s.type === "object" && !!s.properties);
}

function enumProperty(schema: Json, minValues: number): Json | undefined {
  return Object.values<Json>(schema.properties ?? {}).find(
    (p) => Array.isArray(p.enum) && p.enum.length >= minValues && p.type === "string",
  );
}

const MUTATIONS: Mutation[] = [
  [
    "remove an operation",
    (d) => {
      const o = nth(operations(d), 10);
      return !!o && delete d.paths[o.path][o.method];
    },
  ],
  [
    "remove another operation",
    (d) => {
      const o = nth(operations(d), 400);
      return !!o && delete d.paths[o.path][o.method];
    },
  ],
  [
    "remove a whole path",
    (d) => {
      const o = nth(operations(d), 700);
      return !!o && delete d.paths[o.path];
    },
  ],
  [
    "add a required query parameter",
    (d) => {
      const o = nth(operations(d), 20);
      if (!o) return false;
      (o.op.parameters ??= []).push({
        name: "tenant",
        in: "query",
        required: true,
        schema: { type: "string" },
      });
      return true;
    },
  ],
  [
    "add an optional query parameter",
    (d) => {
      const o = nth(operations(d), 21);
      if (!o) return false;
      (o.op.parameters ??= []).push({ name: "trace", in: "query", schema: { type: "boolean" } });
      return true;
    },
  ],
  [
    "make a shared parameter required (per-page)",
    (d) =>
      !!d.components.parameters["per-page"] &&
      (d.components.parameters["per-page"].required = true),
  ],
  [
    "change a shared parameter's default (page 1 → 0)",
    (d) => {
      const p = d.components.parameters.page?.schema;
      return !!p && (p.default = 0) === 0;
    },
  ],
  [
    "lower a parameter maximum (per_page max 50)",
    (d) => {
      const p = d.components.parameters["per-page"]?.schema;
      return !!p && (p.maximum = 50) === 50;
    },
  ],
  [
    "change a parameter type (direction string → integer)",
    (d) => {
      const p = d.components.parameters.direction?.schema;
      if (!p) return false;
      p.type = "integer";
      delete p.enum;
      return true;
    },
  ],
  [
    "change a parameter's serialization (explode false)",
    (d) => {
      const p = d.components.parameters.since;
      return !!p && (p.explode = false) === false;
    },
  ],
  [
    "rename a path parameter (no finding)",
    (d) => {
      const path = Object.keys(d.paths).find((p) => p.includes("{gist_id}") && !p.endsWith("}"));
      if (!path) return false;
      const item = d.paths[path];
      delete d.paths[path];
      d.paths[path.replace("{gist_id}", "{id}")] = JSON.parse(
        JSON.stringify(item).replace(
          /#\/components\/parameters\/gist-id/g,
          "#/components/parameters/gist-id-renamed",
        ),
      );
      d.components.parameters["gist-id-renamed"] = {
        ...d.components.parameters["gist-id"],
        name: "id",
      };
      return true;
    },
  ],
  [
    "add a response enum value (first component enum)",
    (d) => {
      const s = Object.values<Json>(d.components.schemas).find((c) => enumProperty(c, 2));
      const p = s && enumProperty(s, 2);
      return !!p && p.enum.push("quantum") > 0;
    },
  ],
  [
    "make simple-user.login optional (shared response schema)",
    (d) => {
      const s = d.components.schemas["simple-user"];
      return !!s && (s.required = s.required.filter((r: string) => r !== "login")).length > 0;
    },
  ],
  [
    "make a response property nullable (milestone.title)",
    (d) => {
      const p = d.components.schemas.milestone?.properties?.title;
      return !!p && p.nullable !== true && (p.nullable = true);
    },
  ],
  [
    "remove a required response property (license-simple.spdx_id)",
    (d) => {
      const s = d.components.schemas["license-simple"];
      if (!s?.properties?.spdx_id) return false;
      delete s.properties.spdx_id;
      return true;
    },
  ],
  [
    "change a response property type (integer → string)",
    (d) => {
      const p = d.components.schemas.milestone?.properties?.open_issues;
      return !!p && (p.type = "string") === "string";
    },
  ],
  [
    "add a oneOf variant to a response schema",
    (d) => {
      const s = Object.values<Json>(d.components.schemas).find((c) => Array.isArray(c.oneOf));
      return !!s && s.oneOf.push({ type: "string", title: "legacy" }) > 0;
    },
  ],
  [
    "remove a request enum value",
    (d) => {
      const body = inlineObjectBodies(d).find((b) => enumProperty(b, 3));
      const p = body && enumProperty(body, 3);
      return !!p && p.enum.pop() !== undefined;
    },
  ],
  [
    "add a required request property",
    (d) => {
      const body = nth(inlineObjectBodies(d), 5);
      if (!body) return false;
      body.properties.reason = { type: "string" };
      (body.required ??= []).push("reason");
      return true;
    },
  ],
  [
    "add an optional request property",
    (d) => {
      const body = nth(inlineObjectBodies(d), 6);
      return !!body && !!(body.properties.note = { type: "string" });
    },
  ],
  [
    "set maxLength on a request string",
    (d) => {
      const body = nth(inlineObjectBodies(d), 7);
      const p = body && Object.values<Json>(body.properties).find((x) => x.type === "string");
      return !!p && (p.maxLength = 10) === 10;
    },
  ],
  [
    "make a request body required",
    (d) => {
      const o = operations(d).find(
        (x) => x.op.requestBody && x.op.requestBody.required !== true && !x.op.requestBody.$ref,
      );
      return !!o && (o.op.requestBody.required = true);
    },
  ],
  [
    "remove a request media type",
    (d) => {
      const o = operations(d).find((x) => Object.keys(x.op.requestBody?.content ?? {}).length > 1);
      if (!o) return false;
      delete o.op.requestBody.content[Object.keys(o.op.requestBody.content)[1] as string];
      return true;
    },
  ],
  [
    "remove a success status (200)",
    (d) => {
      const o = nth(
        operations(d).filter((x) => x.op.responses?.["200"]),
        90,
      );
      return !!o && delete o.op.responses["200"];
    },
  ],
  [
    "add a success status (202)",
    (d) => {
      const o = nth(
        operations(d).filter((x) => x.op.responses?.["200"]),
        91,
      );
      return !!o && !!(o.op.responses["202"] = { description: "Accepted" });
    },
  ],
  [
    "remove a response media type",
    (d) => {
      const o = nth(
        operations(d).filter((x) => x.op.responses?.["200"]?.content?.["application/json"]),
        120,
      );
      return !!o && delete o.op.responses["200"].content["application/json"];
    },
  ],
  [
    "add a security requirement",
    (d) => {
      const o = nth(operations(d), 30);
      return !!o && !!(o.op.security = [{ oauth2: ["repo"] }]);
    },
  ],
  [
    "deprecate an operation",
    (d) => {
      const o = operations(d)
        .slice(31)
        .find((x) => x.op.deprecated !== true);
      return !!o && (o.op.deprecated = true);
    },
  ],
  [
    "rename an operationId",
    (d) => {
      const o = nth(operations(d), 32);
      return !!o && !!(o.op.operationId = `${o.op.operationId}-v2`);
    },
  ],
  [
    "add an operation",
    (d) =>
      !!(d.paths["/havun/ping"] = {
        get: { operationId: "havun/ping", responses: { "204": { description: "pong" } } },
      }),
  ],
  [
    "inline a component (no finding)",
    (d) => {
      const o = operations(d).find(
        (x) =>
          x.op.responses?.["200"]?.content?.["application/json"]?.schema?.$ref ===
          "#/components/schemas/code-of-conduct",
      );
      if (!o) return false;
      o.op.responses["200"].content["application/json"].schema = structuredClone(
        d.components.schemas["code-of-conduct"],
      );
      return true;
    },
  ],
  [
    "split a component into allOf of two objects (no finding)",
    (d) => {
      const s = d.components.schemas["reaction-rollup"];
      if (!s?.properties) return false;
      const names = Object.keys(s.properties);
      const half = names.slice(0, names.length >> 1);
      const pick = (keep: string[]): Json => ({
        type: "object",
        properties: Object.fromEntries(keep.map((n) => [n, s.properties[n]])),
        required: (s.required ?? []).filter((r: string) => keep.includes(r)),
      });
      d.components.schemas["reaction-rollup"] = {
        allOf: [pick(half), pick(names.filter((n) => !half.includes(n)))],
      };
      return true;
    },
  ],
];

/** Applies every edit to a copy of the description; returns the new text and what applied. */
export function mutateGithubDescription(text: string): { text: string; applied: string[] } {
  const doc = JSON.parse(text) as Json;
  const applied = MUTATIONS.filter(([, apply]) => apply(doc)).map(([label]) => label);
  return { text: JSON.stringify(doc), applied };
}
