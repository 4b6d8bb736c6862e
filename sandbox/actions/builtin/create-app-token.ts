import type { StepIo, StepResult } from "../runner/step-io.ts";
import { appJwt } from "./app-jwt.ts";
import { actionFailed, booleanInput, checkInputs } from "./inputs.ts";

const ACTION = "actions/create-github-app-token";
const SUPPORTED = [
  "client-id",
  "app-id",
  "private-key",
  "owner",
  "repositories",
  "skip-token-revoke",
  "github-api-url",
];

/** One REST call as Octokit reports a failure: `message - documentation_url`. */
async function call(
  method: string,
  url: string,
  auth: string,
  body?: unknown,
): Promise<Record<string, any>> {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: auth,
      accept: "application/vnd.github+json",
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const data = (text ? JSON.parse(text) : {}) as Record<string, any>;
  if (!res.ok)
    throw new Error(
      `${data.message ?? res.statusText}${data.documentation_url ? ` - ${data.documentation_url}` : ""}`,
    );
  return data;
}

/** `permission-<name>` inputs as the permissions object (`pull-requests` → `pull_requests`). */
function permissionsOf(inputs: Record<string, string>): Record<string, string> | undefined {
  const entries = Object.entries(inputs)
    .filter(([k, v]) => k.startsWith("permission-") && v)
    .map(([k, v]) => [k.slice("permission-".length).replaceAll("-", "_"), v]);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/**
 * actions/create-github-app-token, built in and doing what it does: signs an App JWT, finds the
 * installation (of the first repository, or of the owner), asks for an installation token for
 * those repositories with those permissions, masks it, and revokes it after the job
 * (`DELETE /installation/token`) unless `skip-token-revoke`.
 */
export async function createAppToken(
  io: StepIo,
  inputs: Record<string, string>,
  name: string,
): Promise<StepResult> {
  const { rt } = io;
  const { core, repo } = rt.setup.env;
  checkInputs(io, ACTION, inputs, SUPPORTED, (k) => k.startsWith("permission-"));
  const clientId = inputs["client-id"] || inputs["app-id"] || "";
  if (!clientId)
    throw actionFailed(
      "The 'client-id' (or deprecated 'app-id') input must be set to a non-empty string. If using a secret or variable, ensure it is available in this workflow context.",
    );
  if (!inputs["private-key"]) throw actionFailed("Input required and not supplied: private-key");
  const skipRevoke = booleanInput(inputs, "skip-token-revoke", false);
  const api = (inputs["github-api-url"] || core.urls.api).replace(/\/$/, "");
  const [repoOwner = ""] = core.store.fullName(repo).split("/");
  let owner = inputs.owner ?? "";
  let names = (inputs.repositories ?? "")
    .split(/[\n,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!owner && !names.length) names = [repo.name];
  if (!owner) owner = repoOwner;
  rt.log.line(
    names.length
      ? `Creating token for the following repositories:${names.map((n) => `\n- ${owner}/${n}`).join("")}`
      : `Input 'repositories' is not set. Creating token for all repositories owned by ${owner}.`,
  );
  let result: { token: string; expiresAt: string; installationId: number; slug: string };
  try {
    const jwt = `Bearer ${appJwt(clientId, inputs["private-key"])}`;
    const inst = await call(
      "GET",
      names.length
        ? `${api}/repos/${owner}/${names[0]}/installation`
        : `${api}/users/${owner}/installation`,
      jwt,
    );
    const permissions = permissionsOf(inputs);
    const made = await call("POST", `${api}/app/installations/${inst.id}/access_tokens`, jwt, {
      ...(names.length ? { repositories: names } : {}),
      ...(permissions ? { permissions } : {}),
    });
    result = {
      token: String(made.token),
      expiresAt: String(made.expires_at),
      installationId: Number(inst.id),
      slug: String(inst.app_slug),
    };
  } catch (err) {
    throw actionFailed((err as Error).message);
  }
  rt.masker.add(result.token);
  if (!skipRevoke)
    rt.posts.push({
      name: `Post ${name}`,
      condition: "always()",
      run: async (pio) => {
        if (new Date(result.expiresAt).getTime() < Date.now()) {
          pio.rt.log.line("Token expired, skipping token revocation");
          return { ok: true, outputs: {} };
        }
        try {
          await call("DELETE", `${api}/installation/token`, `token ${result.token}`);
          pio.rt.log.line("Token revoked");
        } catch (err) {
          pio.rt.log.warning(`Token revocation failed: ${(err as Error).message}`);
        }
        return { ok: true, outputs: {} };
      },
    });
  return {
    ok: true,
    outputs: {
      token: result.token,
      "installation-id": String(result.installationId),
      "app-slug": result.slug,
    },
  };
}
