import { createRequire } from "node:module";
import { withWebhookErrata } from "../validation/errata.ts";
import { LENIENT_EMAIL } from "../validation/lenient-email.ts";
import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => unknown;

let community: { ajv: Ajv; definitions: Record<string, unknown> } | undefined;
let official: { ajv: Ajv2020; webhooks: Record<string, any> } | undefined;
const compiled = new Map<string, ValidateFunction | null>();

function communitySchemas() {
  if (!community) {
    const schema = require("@octokit/webhooks-schemas") as { definitions: Record<string, unknown> };
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat("email", LENIENT_EMAIL);
    ajv.addSchema({ definitions: withoutClosedObjects(schema.definitions) }, "wh");
    community = { ajv, definitions: schema.definitions };
  }
  return community;
}

/** Drops `additionalProperties: false` (see checkWebhookPayload for why). */
function withoutClosedObjects(node: unknown): any {
  if (Array.isArray(node)) return node.map(withoutClosedObjects);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !(k === "additionalProperties" && v === false))
      .map(([k, v]) => [k, withoutClosedObjects(v)]),
  );
}

function officialSchemas() {
  if (!official) {
    const spec = require("@octokit/openapi-webhooks/generated/api.github.com.json") as Record<
      string,
      any
    >;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat("email", LENIENT_EMAIL);
    const components = JSON.parse(
      JSON.stringify({ components: spec.components }).replaceAll(
        '"$ref":"#/components/',
        '"$ref":"owh#/components/',
      ),
    );
    ajv.addSchema(components, "owh");
    official = { ajv, webhooks: spec.webhooks };
  }
  return official;
}

function communityValidator(event: string, action: string | null): ValidateFunction | null {
  const key = `c:${event}.${action ?? ""}`;
  if (compiled.has(key)) return compiled.get(key) ?? null;
  const c = communitySchemas();
  const name = action ? `${event}$${action}` : `${event}$event`;
  const def = c.definitions[name]
    ? name
    : c.definitions[`${event}_event`] && !action
      ? `${event}_event`
      : null;
  const fn = def ? c.ajv.compile({ $ref: `wh#/definitions/${def.replace("$", "%24")}` }) : null;
  compiled.set(key, fn);
  return fn;
}

function officialValidator(event: string, action: string | null): ValidateFunction | null {
  const key = `o:${event}.${action ?? ""}`;
  if (compiled.has(key)) return compiled.get(key) ?? null;
  const o = officialSchemas();
  const hook = o.webhooks[[event, action].filter(Boolean).join("-").replaceAll("_", "-")];
  const schema = hook?.post?.requestBody?.content?.["application/json"]?.schema;
  const fn = schema
    ? o.ajv.compile(
        JSON.parse(
          JSON.stringify(schema).replaceAll('"$ref":"#/components/', '"$ref":"owh#/components/'),
        ),
      )
    : null;
  compiled.set(key, fn);
  return fn;
}

/**
 * Checks a payload against GitHub's published webhook schemas: @octokit/webhooks-schemas (the
 * community schemas) and GitHub's official webhook description, whichever describe the event.
 * The community schemas forbid unknown properties, but GitHub has since added fields it really
 * sends (sub_issues_summary, user_view_type, …), so only that keyword is not enforced there.
 * An event that no published schema describes is reported as a problem.
 */
export function checkWebhookPayload(
  event: string,
  action: string | null,
  payload: unknown,
): string[] {
  const community = communityValidator(event, action);
  const official = officialValidator(event, action);
  if (!community && !official)
    return [`no published schema for ${event}${action ? `.${action}` : ""}`];
  const problems: string[] = [];
  if (community && !community(payload)) {
    for (const e of community.errors ?? []) {
      if (e.keyword === "anyOf" || e.keyword === "oneOf") continue;
      problems.push(`webhooks-schemas: ${e.instancePath || "/"} ${e.message}`);
    }
  }
  if (official && !official(withWebhookErrata(`${event}.${action ?? ""}`, payload))) {
    for (const e of official.errors ?? [])
      problems.push(`openapi-webhooks: ${e.instancePath || "/"} ${e.message}`);
  }
  return [...new Set(problems)].slice(0, 10);
}
