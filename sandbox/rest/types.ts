import type { Access } from "../auth/access.ts";
import type { SandboxCore } from "../core.ts";
import type { AppRecord } from "../state/types.ts";
import type { SpecOperation } from "../validation/spec.ts";
import type { MediaParam } from "../http/media-type.ts";

export interface RestRequest {
  core: SandboxCore;
  access: Access;
  op: SpecOperation;
  params: Record<string, any>;
  query: Record<string, any>;
  body: any;
  headers: Record<string, string | string[] | undefined>;
  /** Set when the caller authenticated as a GitHub App with a JWT. */
  app: AppRecord | null;
  /** The GitHub media type param Accept asked for (`raw`, `diff`, …), checked as served. */
  media?: MediaParam | null;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RestHandler = (req: RestRequest) => Promise<RestResponse> | RestResponse;

/** Handlers keyed by GitHub's operationId (`issues/create`, `pulls/merge`, …). */
export type HandlerTable = Record<string, RestHandler>;

export const ok = (body: unknown, status = 200): RestResponse => ({ status, body });
export const noContent = (): RestResponse => ({ status: 204 });
