import { readFile } from "node:fs/promises";
import { z } from "zod";
import { PactError } from "./errors.ts";

const participant = z.looseObject({ name: z.string().min(1) });

/** The parts of a Pact file (spec 2 to 4) that publishing and verifying rely on. */
export const pactFileSchema = z.looseObject({
  consumer: participant,
  provider: participant,
  interactions: z
    .array(z.looseObject({ description: z.string().min(1) }))
    .min(1, "a pact without interactions verifies nothing"),
  metadata: z
    .looseObject({
      pactSpecification: z.looseObject({ version: z.string() }).optional(),
    })
    .optional(),
});

export type PactFile = z.output<typeof pactFileSchema>;

/** Reads and checks a Pact file; a PactError names the file and the fix. */
export async function readPactFile(path: string): Promise<PactFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new PactError(
      "PACT_FILE_NOT_FOUND",
      `${path} does not exist`,
      "Run the consumer's Pact tests first: they write pacts/<consumer>-<provider>.json.",
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new PactError(
      "PACT_FILE_INVALID",
      `${path} is not JSON: ${(err as Error).message}`,
      "Regenerate it by running the consumer's Pact tests.",
    );
  }
  const parsed = pactFileSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? first.path.join(".") : "the file";
    throw new PactError(
      "PACT_FILE_INVALID",
      `${path} is not a Pact file: ${where}: ${first?.message ?? "invalid"}`,
      "Publish the file a Pact consumer test wrote (PactV3/PactV4 with a dir), unedited.",
    );
  }
  return parsed.data;
}

/** Pact's own name for a spec version, e.g. "4.0". */
export function pactSpecVersion(pact: PactFile): string {
  return pact.metadata?.pactSpecification?.version ?? "unknown";
}
