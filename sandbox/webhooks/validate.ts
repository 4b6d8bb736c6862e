import { createRequire } from "node:module";
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
    ajv.addSchema({ definitions: schema.definitions }, "wh");
    community = { ajv, definitions: schema.definitions };
  }
  return community;
}

function officialSchemas() {
  if (!official) {
    const spec = require("@octokit/openapi-webhooks/generated/api.github.com.json") as Record<
      string,
      any
    >;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
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

function validatorFor(event: string, action: string | null): ValidateFunction | null {
  const key = `${event}.${action ?? ""}`;
  if (compiled.has(key)) return compiled.get(key) ?? null;
  let fn: ValidateFunction | null = null;
  const c = communitySchemas();
  const name = action ? `${event}$${action}` : `${event}_event`;
  const alt = `${event}$event`;
  const def = c.definitions[name] ? name : c.definitions[alt] ? alt : null;
  if (def) {
    fn = c.ajv.compile({ $ref: `wh#/definitions/${def.replace("$", "%24")}` });
  } else {
    const o = officialSchemas();
    const hook = o.webhooks[[event, action].filter(Boolean).join("-").replaceAll("_", "-")];
    const schema = hook?.post?.requestBody?.content?.["application/json"]?.schema;
    if (schema)
      fn = o.ajv.compile(
        JSON.parse(
          JSON.stringify(schema).replaceAll('"$ref":"#/components/', '"$ref":"owh#/components/'),
        ),
      );
  }
  compiled.set(key, fn);
  return fn;
}

/**
 * Checks a payload against GitHub's published webhook schemas (@octokit/webhooks-schemas, then
 * GitHub's official webhook description for events the former lacks). Returns the problems;
 * an event with no published schema at all is reported as one.
 */
export function checkWebhookPayload(
  event: string,
  action: string | null,
  payload: unknown,
): string[] {
  const fn = validatorFor(event, action);
  if (!fn) return [`no published schema for ${event}${action ? `.${action}` : ""}`];
  return fn(payload)
    ? []
    : (fn.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || "/"} ${e.message}`);
}
