/** Why Pact files could not be published or verified; each code comes with the fix. */
export type PactErrorCode =
  | "PACT_FILE_NOT_FOUND"
  | "PACT_FILE_INVALID"
  | "PACT_SERVICE_UNKNOWN"
  | "PACT_PROVIDER_MISMATCH"
  | "PACT_CONSUMER_UNDECLARED"
  | "PACT_NONE_FOUND"
  | "PACT_STATES_MODULE"
  | "PACT_PROVIDER_UNREACHABLE"
  | "PACT_PROVIDER_START";

/** A typed error for unusable Pact input: the CLI prints the hint and exits 2. */
export class PactError extends Error {
  constructor(
    readonly code: PactErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "PactError";
  }
}
