import { randomId } from "./ids.ts";

/** The `error.type` the Messages API puts in its error bodies, by HTTP status. */
const TYPE_BY_STATUS: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

export function errorTypeFor(status: number): string {
  return TYPE_BY_STATUS[status] ?? "api_error";
}

/** An error the scripted API answers with, in the real API's shape. */
export class ModelApiError extends Error {
  readonly type: string;

  constructor(
    readonly status: number,
    message: string,
    /** Seconds for a `retry-after` header (the real API sends one with 429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ModelApiError";
    this.type = errorTypeFor(status);
  }

  /** `{"type":"error","error":{"type":…,"message":…},"request_id":…}` */
  body(requestId: string): Record<string, unknown> {
    return {
      type: "error",
      error: { type: this.type, message: this.message },
      request_id: requestId,
    };
  }
}

export type ScenarioErrorCode =
  | "SCENARIO_INVALID"
  | "SCENARIO_FILE_UNREADABLE"
  | "SCENARIO_PLACEHOLDER_UNKNOWN"
  | "SCENARIO_PLACEHOLDER_UNRESOLVED";

/** A scenario that cannot be used as written; `hint` says what to change. */
export class ScenarioError extends Error {
  constructor(
    readonly code: ScenarioErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(`${message} (${hint})`);
    this.name = "ScenarioError";
  }
}

export function requestId(): string {
  return `req_${randomId(24)}`;
}
