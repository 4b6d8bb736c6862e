/**
 * Scattered edits to GitHub's REST description for the diff benchmark. Targets are found by
 * shape (the n-th operation, the first component with an enum, …) so the edits keep applying as
 * @octokit/openapi moves on. Three edits are refactors that must produce no finding.
 */
type Json = Record<string, any>;
interface Op {
  path: string;
  method: string;
  op: Json;
}
interface Mutation {
  label: string;
  /** The object to edit, or undefined when this version of the description has none. */
  find: (doc: Json) => any;
  change: (target: any, doc: Json) => void;
}

const METHODS = ["get", "put", "post", "delete", "patch"];

function operations(doc: Json): Op[] {
  const out: Op[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const method of METHODS) if (item[method]) out.push({ path, method, op: item[method] });
  }
  return out;
}

const nthOp = (n: number) => (d: Json) => operations(d)[n];
const param = (name: string) => (d: Json) => d.components.parameters[name];
const schema = (name: string, property?: string) => (d: Json) => {
  const s = d.components.schemas[name];
  return property ? s?.properties?.[property] : s;
};

/** Inline object request bodies (application/json), the n-th of them. */
const inlineBody = (n: number) => (d: Json) =>
  operations(d)
    .map((o) => o.op.requestBody?.content?.["application/json"]?.schema)
    .filter((s) => s && !s.$ref && s.type === "object" && s.properties)[n];

const stringEnum = (s: Json | undefined, min: number): Json | undefined =>
  Object.values<Json>(s?.properties ?? {}).find(
    (p) => p.type === "string" && Array.isArray(p.enum) && p.enum.length >= min,
  );

const withStatus200 = (n: number, media?: string) => (d: Json) =>
  operations(d).filter((o) => o.op.responses?.["200"]?.[media ? "content" : "description"])[n];

const MUTATIONS: Mutation[] = [
  {
    label: "remove an operation",
    find: nthOp(10),
    change: (o: Op, d) => delete d.paths[o.path][o.method],
  },
  {
    label: "remove another operation",
    find: nthOp(400),
    change: (o: Op, d) => delete d.paths[o.path][o.method],
  },
  { label: "remove a whole path", find: nthOp(700), change: (o: Op, d) => delete d.paths[o.path] },
  {
    label: "add a required query parameter",
    find: nthOp(20),
    change: (o: Op) =>
      (o.op.parameters ??= []).push({
        name: "tenant",
        in: "query",
        required: true,
        schema: { type: "string" },
      }),
  },
  {
    label: "add an optional query parameter",
    find: nthOp(21),
    change: (o: Op) =>
      (o.op.parameters ??= []).push({ name: "trace", in: "query", schema: { type: "boolean" } }),
  },
  {
    label: "make a shared parameter required (per_page)",
    find: param("per-page"),
    change: (p) => (p.required = true),
  },
  {
    label: "lower a shared parameter's maximum (per_page ≤ 50)",
    find: param("per-page"),
    change: (p) => (p.schema.maximum = 50),
  },
  {
    label: "change a shared parameter's default (page 1 → 0)",
    find: param("page"),
    change: (p) => (p.schema.default = 0),
  },
  {
    label: "change a shared parameter's type (direction string → integer)",
    find: param("direction"),
    change: (p) => (p.schema = { type: "integer" }),
  },
  {
    label: "change a parameter's serialization (since: explode false)",
    find: param("since"),
    change: (p) => (p.explode = false),
  },
  {
    label: "rename a path parameter (no finding)",
    find: (d) => Object.keys(d.paths).find((p) => p.includes("{gist_id}") && !p.endsWith("}")),
    change: (path: string, d) => {
      const item = JSON.stringify(d.paths[path]).replaceAll(
        "/parameters/gist-id",
        "/parameters/gist-id-renamed",
      );
      delete d.paths[path];
      d.paths[path.replace("{gist_id}", "{id}")] = JSON.parse(item);
      d.components.parameters["gist-id-renamed"] = {
        ...d.components.parameters["gist-id"],
        name: "id",
      };
    },
  },
  {
    label: "add a response enum value (first component with a string enum)",
    find: (d) =>
      stringEnum(
        Object.values<Json>(d.components.schemas).find((s) => stringEnum(s, 2)),
        2,
      ),
    change: (p) => p.enum.push("quantum"),
  },
  {
    label: "make simple-user.login optional (shared response schema)",
    find: schema("simple-user"),
    change: (s) => (s.required = s.required.filter((r: string) => r !== "login")),
  },
  {
    label: "make a response property nullable (milestone.title)",
    find: schema("milestone", "title"),
    change: (p) => (p.nullable = true),
  },
  {
    label: "remove a required response property (license-simple.spdx_id)",
    find: schema("license-simple"),
    change: (s) => delete s.properties.spdx_id,
  },
  {
    label: "change a response property type (milestone.open_issues → string)",
    find: schema("milestone", "open_issues"),
    change: (p) => (p.type = "string"),
  },
  {
    label: "add a oneOf variant to a response schema",
    find: (d) => Object.values<Json>(d.components.schemas).find((s) => Array.isArray(s.oneOf)),
    change: (s) => s.oneOf.push({ type: "string", title: "legacy" }),
  },
  {
    label: "remove a request enum value",
    find: (d) => {
      const bodies = operations(d).map(
        (o) => o.op.requestBody?.content?.["application/json"]?.schema,
      );
      return stringEnum(
        bodies.find((s) => s && !s.$ref && stringEnum(s, 3)),
        3,
      );
    },
    change: (p) => p.enum.pop(),
  },
  {
    label: "add a required request property",
    find: inlineBody(5),
    change: (s) => {
      s.properties.reason = { type: "string" };
      (s.required ??= []).push("reason");
    },
  },
  {
    label: "add an optional request property",
    find: inlineBody(6),
    change: (s) => (s.properties.note = { type: "string" }),
  },
  {
    label: "set maxLength on a request string",
    find: (d) =>
      Object.values<Json>(inlineBody(7)(d)?.properties ?? {}).find((p) => p.type === "string"),
    change: (p) => (p.maxLength = 10),
  },
  {
    label: "make a request body required",
    find: (d) =>
      operations(d).find(
        (o) => o.op.requestBody && !o.op.requestBody.$ref && o.op.requestBody.required !== true,
      ),
    change: (o: Op) => (o.op.requestBody.required = true),
  },
  {
    label: "remove a request media type",
    find: (d) => operations(d).find((o) => Object.keys(o.op.requestBody?.content ?? {}).length > 1),
    change: (o: Op) =>
      delete o.op.requestBody.content[Object.keys(o.op.requestBody.content)[1] as string],
  },
  {
    label: "remove a success status (200)",
    find: withStatus200(90),
    change: (o: Op) => delete o.op.responses["200"],
  },
  {
    label: "add a success status (202)",
    find: withStatus200(91),
    change: (o: Op) => (o.op.responses["202"] = { description: "Accepted" }),
  },
  {
    label: "remove a response media type",
    find: withStatus200(120, "content"),
    change: (o: Op) =>
      delete o.op.responses["200"].content[Object.keys(o.op.responses["200"].content)[0] as string],
  },
  {
    label: "add a security requirement",
    find: nthOp(30),
    change: (o: Op) => (o.op.security = [{ oauth2: ["repo"] }]),
  },
  {
    label: "deprecate an operation",
    find: (d) =>
      operations(d)
        .slice(31)
        .find((o) => o.op.deprecated !== true),
    change: (o: Op) => (o.op.deprecated = true),
  },
  {
    label: "rename an operationId",
    find: nthOp(32),
    change: (o: Op) => (o.op.operationId += "-v2"),
  },
  {
    label: "add an operation",
    find: (d) => d.paths,
    change: (paths) =>
      (paths["/havun/ping"] = {
        get: { operationId: "havun/ping", responses: { "204": { description: "pong" } } },
      }),
  },
  {
    label: "inline a component (no finding)",
    find: (d) =>
      operations(d).find(
        (o) =>
          o.op.responses?.["200"]?.content?.["application/json"]?.schema?.$ref ===
          "#/components/schemas/code-of-conduct",
      ),
    change: (o: Op, d) =>
      (o.op.responses["200"].content["application/json"].schema = structuredClone(
        d.components.schemas["code-of-conduct"],
      )),
  },
  {
    label: "split a component into allOf of two objects (no finding)",
    find: schema("reaction-rollup"),
    change: (s, d) => {
      const names = Object.keys(s.properties);
      const pick = (keep: string[]): Json => ({
        type: "object",
        properties: Object.fromEntries(keep.map((n) => [n, s.properties[n]])),
        required: (s.required ?? []).filter((r: string) => keep.includes(r)),
      });
      const half = names.length >> 1;
      d.components.schemas["reaction-rollup"] = {
        allOf: [pick(names.slice(0, half)), pick(names.slice(half))],
      };
    },
  },
];

/** Applies every edit to a copy of the description; returns the new text and what applied. */
export function mutateGithubDescription(text: string): { text: string; applied: string[] } {
  const doc = JSON.parse(text) as Json;
  const applied: string[] = [];
  for (const m of MUTATIONS) {
    const target = m.find(doc);
    if (target === undefined) continue;
    m.change(target, doc);
    applied.push(m.label);
  }
  return { text: JSON.stringify(doc, null, 2), applied };
}
