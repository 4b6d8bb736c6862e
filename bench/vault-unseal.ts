// Seals 100 secrets for one repository, then times opening all 100 the way the Action will
// (openTaskSecrets over the files). Run: npx tsx bench/vault-unseal.ts
import { performance } from "node:perf_hooks";
import { generateRepoKey } from "../vault/repo-key.ts";
import { sealSecret } from "../vault/seal.ts";
import { serializeSealedFile } from "../vault/sealed-file.ts";
import { openTaskSecrets } from "../vault/task-secrets.ts";

const COUNT = 100;
const repo = "acme/api";
const { recipient, privateKey } = generateRepoKey(repo);
const names = Array.from({ length: COUNT }, (_, i) => `SECRET_${String(i).padStart(3, "0")}`);

const sealStart = performance.now();
const files = names.map((name) => ({
  path: `secrets/acme__api/${name}.sealed.json`,
  text: serializeSealedFile(
    sealSecret({
      hub: "acme/hub",
      name,
      repo,
      value: Buffer.from(`value-of-${name}-${"x".repeat(40)}`),
      version: 1,
      expires: "2099-12-31",
      recipients: [recipient],
    }),
  ),
}));
const sealMs = performance.now() - sealStart;

await openTaskSecrets({
  hub: "acme/hub",
  files,
  repo,
  names: names.slice(0, 5),
  privateKey,
}); // warm-up
const runs: number[] = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  const values = await openTaskSecrets({
    hub: "acme/hub",
    files,
    repo,
    names,
    privateKey,
  });
  runs.push(performance.now() - start);
  if (values.size !== COUNT) throw new Error(`opened ${values.size} of ${COUNT}`);
}
runs.sort((a, b) => a - b);
const median = runs[Math.floor(runs.length / 2)]!;
console.log(`sealed ${COUNT} secrets in ${sealMs.toFixed(1)} ms`);
console.log(
  `unsealed all ${COUNT} in ${median.toFixed(1)} ms (median of ${runs.length} runs; min ${runs[0]!.toFixed(1)} ms)`,
);
console.log(`per secret: ${((median / COUNT) * 1000).toFixed(0)} µs`);
