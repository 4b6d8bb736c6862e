/** Why a contract could not be read or compared; each code tells the user what to fix. */
export type ContractErrorCode =
  | "CONTRACT_FILE_NOT_FOUND"
  | "CONTRACT_GIT_REVISION"
  | "CONTRACT_PARSE"
  | "CONTRACT_NOT_OPENAPI3"
  | "CONTRACT_EXTERNAL_REF"
  | "CONTRACT_REMOTE_REF"
  | "CONTRACT_REF_NOT_FOUND";

/** A typed error for unusable contract input: the CLI maps it to exit code 2. */
export class ContractError extends Error {
  constructor(
    readonly code: ContractErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "ContractError";
  }
}
