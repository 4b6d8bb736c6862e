import type { VerifyReport } from "../pact/verify.ts";
import type { ContractCheckResult } from "./contract-check.ts";
import type { ContractsResultFile } from "./result-file.ts";

/** Test data: a pull request's head commit. */
export const HEAD = "a".repeat(40);

/** Test data: one consumer's pact, verified (or with `status` missing when `!ok`). */
export function verifyReport(ok = true): VerifyReport {
  return {
    service: "billing",
    providerUrl: "http://127.0.0.1:3000",
    ok,
    pacts: [
      {
        consumer: "web",
        file: "contracts/billing/pacts/web/web-billing.json",
        ok,
        interactions: [
          { description: "a request for invoice 7", ok },
          { description: "a request for an invoice that does not exist", ok: true },
        ],
        failures: ok
          ? []
          : [
              {
                interaction: "a request for invoice 7",
                problems: ["$: Actual map is missing the following keys: status"],
              },
            ],
        missingStates: [],
      },
    ],
  };
}

/** Test data: what the verify job's `check --hub-dir … --result-file` writes. */
export function pactResultFile(overrides: Partial<ContractsResultFile> = {}): ContractsResultFile {
  return {
    version: 1,
    service: "billing",
    headSha: HEAD,
    conclusion: "success",
    verdict: { service: "billing", openapi: "skipped", pacts: "verified" },
    openapi: null,
    pacts: verifyReport(),
    problems: [],
    ...overrides,
  };
}

/** Test data: a contract check's result as `runContractCheck` returns it. */
export function checkResult(overrides: Partial<ContractCheckResult> = {}): ContractCheckResult {
  return {
    verdict: { service: "billing", openapi: "compatible", pacts: "verified" },
    conclusion: "success",
    title: "billing: contract kept",
    summary: "",
    annotations: [],
    workflowCommands: "",
    openapi: {
      status: "compatible",
      findings: [
        {
          id: "response-property-added",
          changeId: "0123456789",
          level: "INFO",
          operation: "GET /invoices/{}",
          method: "GET",
          path: "/invoices/{id}",
          location: "response 200 (application/json) body property currency",
          detail: "added",
          message: "response 200 (application/json) body property currency: added. Nothing breaks.",
          pointer: "/components/schemas/Invoice/properties/currency",
          doc: "head",
          headPointer: "/components/schemas/Invoice/properties/currency",
        },
      ],
      breaking: [],
      basePaths: [],
      markdown: "",
      text: "",
      github: "",
    },
    pacts: verifyReport(),
    problems: [],
    ...overrides,
  };
}
