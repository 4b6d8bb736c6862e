import { notFound } from "../../http/github-error.ts";
import { environmentKey, putEnvironmentSecret } from "../../ops/environment-secrets.ts";
import { environmentOf } from "../../ops/environments.ts";
import type { EnvironmentRecord } from "../../state/types.ts";
import { paginate, repoOf } from "../lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../types.ts";

/** The repository and environment of the path; App tokens need the `environments` permission. */
function target(req: RestRequest, level: "read" | "write") {
  const repo = repoOf(req);
  req.access.require(repo, "environments", level);
  return environmentOf(req.core, repo, String(req.params.environment_name));
}

function secretOf(req: RestRequest, e: EnvironmentRecord) {
  const s = e.secrets.find((x) => x.name === String(req.params.secret_name).toUpperCase());
  if (!s) throw notFound();
  return s;
}

const render = (s: EnvironmentRecord["secrets"][number]) => ({
  name: s.name,
  created_at: s.createdAt,
  updated_at: s.updatedAt,
});

/** Environment secrets, sealed with libsodium to the environment's own public key. */
export const environmentSecretHandlers: HandlerTable = {
  "actions/get-environment-public-key": (req) => {
    const key = environmentKey(req.core, target(req, "read"));
    return ok({ key_id: key.keyId, key: key.publicKey });
  },
  "actions/create-or-update-environment-secret": (req) => {
    const created = putEnvironmentSecret(
      req.core,
      target(req, "write"),
      String(req.params.secret_name),
      req.body,
    );
    return created ? ok({}, 201) : noContent();
  },
  "actions/list-environment-secrets": (req) => {
    const all = target(req, "read").secrets;
    const { page, headers } = paginate(req, all);
    return { status: 200, headers, body: { total_count: all.length, secrets: page.map(render) } };
  },
  "actions/get-environment-secret": (req) => ok(render(secretOf(req, target(req, "read")))),
  "actions/delete-environment-secret": (req) => {
    const e = target(req, "write");
    const s = secretOf(req, e);
    e.secrets = e.secrets.filter((x) => x !== s);
    req.core.store.changed();
    return noContent();
  },
};
