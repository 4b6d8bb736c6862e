import { parse as parseYaml, YAMLParseError } from "yaml";
import { ContractError } from "./errors.ts";
import { isObject } from "./pointer.ts";

export type OpenApiVersion = "3.0" | "3.1";
export type OpenApiDoc = Record<string, unknown>;

/** JSON when the text starts with `{`, YAML otherwise (JSON is YAML, but JSON.parse is faster). */
export function parseText(text: string, label: string): { doc: unknown; format: "json" | "yaml" } {
  const first = text.trimStart()[0];
  if (first === "{" || first === "[") {
    try {
      return { doc: JSON.parse(text), format: "json" };
    } catch (err) {
      throw new ContractError(
        "CONTRACT_PARSE",
        `${label} is not valid JSON: ${(err as Error).message}`,
        "Fix the JSON syntax (a linter or `node -e 'JSON.parse(...)'` shows the spot) and run again.",
      );
    }
  }
  try {
    return { doc: parseYaml(text, { maxAliasCount: -1, merge: true }), format: "yaml" };
  } catch (err) {
    const where =
      err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line}` : "";
    throw new ContractError(
      "CONTRACT_PARSE",
      `${label} is not valid YAML${where}: ${(err as Error).message.split("\n")[0]}`,
      "Fix the YAML syntax at the line shown and run again.",
    );
  }
}

/** Checks the document is OpenAPI 3.0 or 3.1 and returns which. */
export function checkOpenApi(
  doc: unknown,
  label: string,
): { doc: OpenApiDoc; version: OpenApiVersion } {
  if (!isObject(doc)) {
    throw new ContractError(
      "CONTRACT_NOT_OPENAPI3",
      `${label} is not an OpenAPI document (its top level is not a mapping)`,
      "Point at the OpenAPI description itself, a file that starts with `openapi: 3.x.y`.",
    );
  }
  const v = doc["openapi"];
  if (typeof v === "string" && /^3\.\d+(\.\d+)?/.test(v)) {
    return { doc, version: v.startsWith("3.0") ? "3.0" : "3.1" };
  }
  const swagger = typeof doc["swagger"] === "string";
  throw new ContractError(
    "CONTRACT_NOT_OPENAPI3",
    swagger
      ? `${label} is Swagger ${String(doc["swagger"])}, not OpenAPI 3.x`
      : `${label} has no \`openapi: 3.x\` field, so it is not an OpenAPI 3 description`,
    swagger
      ? "Convert it to OpenAPI 3 (e.g. `npx swagger2openapi in.yaml -o out.yaml`) and compare those."
      : "Add `openapi: 3.0.3` or `openapi: 3.1.0` at the top, or point at the right file.",
  );
}
