import { createPublicKey, verify, type JsonWebKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyOidcToken, type Sandbox } from "../../sandbox/index.ts";
import {
  actionsSandbox,
  addRepo,
  jobLog,
  jobsOf,
  octokitFor,
  settledRuns,
  webhookSink,
} from "./fixtures.ts";

/** Asks for an ID token (audience from the first argument, if any) and posts what it got to SINK. */
const report = (label: string, audience = "") => `      - env:
          SINK: \${{ vars.SINK }}
        run: |
          node -e '
            const env = process.env;
            const post = (body) => fetch(env.SINK, { method: "POST", headers: { "x-github-event": process.argv[1] }, body: JSON.stringify(body) });
            (async () => {
              const seen = { requestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL ?? null, requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? null };
              if (!seen.requestUrl) return post(seen);
              const aud = process.argv[2] ? "&audience=" + encodeURIComponent(process.argv[2]) : "";
              const res = await fetch(seen.requestUrl + aud, { headers: { authorization: "bearer " + seen.requestToken } });
              await post({ ...seen, status: res.status, body: await res.json() });
            })();
          ' ${label} "${audience}"
`;

const shared = {
  ".github/workflows/deploy.yml": `on: workflow_call
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
      contents: read
    steps:
${report("reusable", "havun-exchange")}`,
};

const web = {
  ".github/workflows/ci.yml": `name: CI
on: workflow_dispatch
jobs:
  top:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
${report("top")}      - run: echo "request token is $ACTIONS_ID_TOKEN_REQUEST_TOKEN"
  plain:
    runs-on: ubuntu-latest
    steps:
${report("plain")}  call:
    permissions:
      id-token: write
      contents: read
    uses: acme/shared/.github/workflows/deploy.yml@main
`,
};

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
let sink: Awaited<ReturnType<typeof webhookSink>>;
beforeAll(async () => {
  hooks = await webhookSink();
  sink = await webhookSink();
  sb = await actionsSandbox(hooks.url);
  await addRepo(sb, "shared", shared);
  await addRepo(sb, "web", web, { variables: { SINK: sink.url } });
  await octokitFor(sb, sb.token("alice")).actions.createWorkflowDispatch({
    owner: "acme",
    repo: "web",
    workflow_id: "ci.yml",
    ref: "main",
  });
  await settledRuns(sb, "web", 1);
});
afterAll(async () => {
  await sb.stop();
  await hooks.close();
  await sink.close();
});

const reported = (label: string) => sink.events.find((e) => e.name === label)!.body;
const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

interface Discovery {
  issuer: string;
  jwks_uri: string;
  claims_supported: string[];
}
type Jwks = { keys: (JsonWebKey & { kid: string })[] };
const getJson = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;

/** What a relying party does: discovery document → JWKS → the key named by `kid` → RS256. */
async function verifyWithServedKeys(jwt: string): Promise<boolean> {
  const config = await getJson<Discovery>(`${sb.oidcIssuer}/.well-known/openid-configuration`);
  const jwks = await getJson<Jwks>(config.jwks_uri);
  const [h, p, s] = jwt.split(".") as [string, string, string];
  const jwk = jwks.keys.find((k) => k.kid === decode(h).kid)!;
  const key = createPublicKey({ key: jwk, format: "jwk" });
  return verify("RSA-SHA256", Buffer.from(`${h}.${p}`), key, Buffer.from(s, "base64url"));
}

describe("OIDC ID tokens for jobs with id-token: write", () => {
  it("serves an OpenID discovery document and JWKS for the issuer", async () => {
    expect(sb.oidcIssuer).toBe(`${sb.serverUrl}/_services/token`);
    const config = await getJson<Discovery>(`${sb.oidcIssuer}/.well-known/openid-configuration`);
    expect(config).toMatchObject({
      issuer: sb.oidcIssuer,
      jwks_uri: `${sb.oidcIssuer}/.well-known/jwks`,
      id_token_signing_alg_values_supported: ["RS256"],
      response_types_supported: ["id_token"],
    });
    expect(config.claims_supported).toEqual(expect.arrayContaining(["job_workflow_ref", "sub"]));
    const jwks = await getJson<Jwks>(config.jwks_uri);
    expect(jwks.keys).toEqual([
      expect.objectContaining({ kty: "RSA", alg: "RS256", use: "sig", kid: expect.any(String) }),
    ]);
  });

  it("gives a job with id-token: write a JWT signed by a served key, with the run's claims", async () => {
    const [run] = await settledRuns(sb, "web", 1);
    expect(run!.conclusion).toBe("success");
    const top = reported("top");
    expect(top.requestUrl).toMatch(/\?api-version=2\.0$/);
    expect(top.status).toBe(200);
    const jwt: string = top.body.value;
    const [h, p] = jwt.split(".") as [string, string];
    expect(decode(h)).toMatchObject({ alg: "RS256", typ: "JWT", kid: expect.any(String) });
    expect(await verifyWithServedKeys(jwt)).toBe(true);
    const tampered = { ...decode(p), repository: "acme/other" };
    const forged = [
      h,
      Buffer.from(JSON.stringify(tampered)).toString("base64url"),
      jwt.split(".")[2],
    ];
    expect(await verifyWithServedKeys(forged.join("."))).toBe(false);

    const sha = run!.head_sha;
    const workflowRef = "acme/web/.github/workflows/ci.yml@refs/heads/main";
    const claims = await verifyOidcToken(jwt, {
      issuer: sb.oidcIssuer,
      audience: `${sb.serverUrl}/acme`,
    });
    expect(claims).toMatchObject({
      iss: sb.oidcIssuer,
      aud: `${sb.serverUrl}/acme`,
      sub: "repo:acme/web:ref:refs/heads/main",
      repository: "acme/web",
      repository_owner: "acme",
      repository_visibility: "private",
      event_name: "workflow_dispatch",
      ref: "refs/heads/main",
      ref_type: "branch",
      sha,
      run_id: String(run!.id),
      run_number: String(run!.run_number),
      run_attempt: "1",
      actor: "alice",
      workflow: "CI",
      workflow_ref: workflowRef,
      workflow_sha: sha,
      job_workflow_ref: workflowRef,
      job_workflow_sha: sha,
    });
    const web = sb.core.store.repo("acme", "web")!;
    expect(claims.repository_id).toBe(String(web.id));
    expect(claims.repository_owner_id).toBe(String(web.ownerId));
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
    expect(Number(claims.nbf)).toBeLessThanOrEqual(Number(claims.iat));
  });

  it("names the called workflow in job_workflow_ref for a job of a reusable workflow from another repository", async () => {
    const reusable = reported("reusable");
    expect(reusable.status).toBe(200);
    const claims = await verifyOidcToken(reusable.body.value, {
      issuer: sb.oidcIssuer,
      audience: "havun-exchange",
    });
    const gh = octokitFor(sb, sb.token("alice"));
    const shared = await gh.repos.getBranch({ owner: "acme", repo: "shared", branch: "main" });
    expect(claims).toMatchObject({
      repository: "acme/web",
      workflow_ref: "acme/web/.github/workflows/ci.yml@refs/heads/main",
      job_workflow_ref: "acme/shared/.github/workflows/deploy.yml@refs/heads/main",
      job_workflow_sha: shared.data.commit.sha,
    });
  });

  it("gives a job without id-token: write no request variables", () => {
    expect(reported("plain")).toEqual({ requestUrl: null, requestToken: null });
  });

  it("masks the request token in the log, and it stops working when the job ends", async () => {
    const top = reported("top");
    const [run] = await settledRuns(sb, "web", 1);
    const job = (await jobsOf(sb, "web", run!.id)).find((j) => j.name === "top")!;
    const log = await jobLog(sb, "web", job.id);
    expect(log).toContain("request token is ***");
    expect(log).not.toContain(top.requestToken);
    const after = await fetch(top.requestUrl, {
      headers: { authorization: `bearer ${top.requestToken}` },
    });
    expect(after.status).toBe(401);
  });
});
