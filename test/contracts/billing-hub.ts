import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";

export const BILLING_FIXTURES = join(import.meta.dirname, "fixtures", "billing");

/** A hub registry (`<root>/contracts`) with the billing service's contract.yml and OpenAPI. */
export async function copyBillingService(root: string): Promise<string> {
  const hub = join(root, "contracts");
  await mkdir(join(hub, "billing"), { recursive: true });
  for (const f of ["contract.yml", "openapi.yaml"])
    await copyFile(join(BILLING_FIXTURES, f), join(hub, "billing", f));
  return hub;
}
