// The corpus the snippet-search benchmarks run on: the labelled fixture library (36 real
// snippets) hidden among generated ones, up to 10,000 in all. The generated snippets reuse the
// real ones' vocabulary (payments, webhooks, redis, retries, …) so that they compete for the
// same queries. Deterministic: the same corpus every run.
import { buildLibrary } from "../snippets/library.ts";
import { searchDoc, type SearchDoc } from "../snippets/search-doc.ts";
import { FIXTURE_FILES } from "../test/snippets/fixture-library.ts";

export function fixtureDocs(): SearchDoc[] {
  const enc = new TextEncoder();
  const lib = buildLibrary(
    Object.entries(FIXTURE_FILES).map(([path, text]) => ({ path, content: enc.encode(text) })),
  );
  if (lib.problems.length)
    throw new Error(`the fixture library has problems: ${JSON.stringify(lib.problems)}`);
  return lib.snippets.map(searchDoc);
}

const SERVICES =
  "paypal adyen klarna braintree sendgrid mailgun twilio slack github gitlab auth0 okta keycloak firebase supabase algolia elastic kafka rabbitmq sqs sns dynamodb mongodb mysql sqlite redis memcached stripe mollie s3 gcs azure cloudflare vercel netlify sentry datadog prometheus grafana".split(
    " ",
  );
const THINGS =
  "invoice order customer user account cart product refund payout subscription coupon report session token file image video notification message event webhook job queue cache log metric request response query table index migration schema form button modal page route middleware client server worker scheduler".split(
    " ",
  );
const VERBS =
  "create update delete list fetch sync export import validate parse format send receive verify sign encrypt decrypt compress upload download retry schedule cancel refund notify render paginate filter sort search cache log trace measure".split(
    " ",
  );
const TECH =
  "laravel symfony django flask fastapi express koa nestjs nextjs nuxt vue react svelte angular spring rails phoenix gin echo actix node deno bun python php go rust java kotlin ruby typescript".split(
    " ",
  );
const LANGS = ["ts", "js", "php", "py", "go", "rb", "java", "sql", "vue", "sh"];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `count` generated snippets as search documents (ids `gen-<n>/<verb>-<thing>-<n>`). */
export function generatedDocs(count: number, seed = 13): SearchDoc[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const docs: SearchDoc[] = [];
  for (let i = 0; i < count; i++) {
    const verb = pick(VERBS);
    const thing = pick(THINGS);
    const other = pick(THINGS);
    const service = pick(SERVICES);
    const tech = pick(TECH);
    const lang = pick(LANGS);
    const id = `gen-${i % 97}/${verb}-${thing}-${i}`;
    const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
    const tagList = [service, tech, thing];
    docs.push({
      id,
      name: id.replace(/[/-]/g, " "),
      title: `${cap(verb)} ${thing} with ${service}`,
      description: `${cap(verb)}s the ${thing} of a ${other} through ${service} in a ${tech} application, with error handling and logging.`,
      tags: tagList.join(" "),
      tagList,
      usage: `Copy to src/${thing}/${verb}-${thing}.${lang} and call ${verb}${cap(thing)}() from the ${other} ${pick(THINGS)}.`,
      code: `${verb} ${thing} ${verb}${thing} ${service} client ${other} ${pick(THINGS)} config options result error`,
    });
  }
  return docs;
}

/** The fixture's real snippets among generated ones: `total` documents in all. */
export function corpus(total: number): SearchDoc[] {
  const real = fixtureDocs();
  return [...generatedDocs(total - real.length), ...real];
}
