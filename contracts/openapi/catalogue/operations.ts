import type { RuleSpec } from "./rule.ts";

/** Rules about operations, parameters, request bodies, responses and security. */
// prettier-ignore
export const OPERATION_RULES = [
  // operations
  { id: "operation-added", level: "INFO", family: "operations", description: "a new operation (path and method)", client: "A new endpoint is available." },
  { id: "operation-removed", level: "ERR", family: "operations", description: "an operation or its whole path was removed", client: "Calls to it fail (404/405)." },
  { id: "deprecated-operation-removed", level: "WARN", family: "operations", description: "an operation marked deprecated was removed", client: "Clients still calling the deprecated endpoint fail." },
  { id: "operation-deprecated", level: "INFO", family: "operations", description: "an operation became deprecated", client: "It still works; clients should migrate." },
  { id: "operation-id-changed", level: "WARN", family: "operations", description: "operationId changed or was removed", client: "Generated clients rename the method, so code calling the old name stops compiling." },
  // parameters
  { id: "request-parameter-added", level: "INFO", family: "parameters", description: "a new optional parameter", client: "Clients may send it; existing requests still work." },
  { id: "request-parameter-added-required", level: "ERR", family: "parameters", description: "a new required parameter", client: "Requests without it are rejected." },
  { id: "request-parameter-removed", level: "WARN", family: "parameters", description: "a parameter was removed", client: "The value clients send is ignored, so what it controlled silently stops working." },
  { id: "request-deprecated-parameter-removed", level: "INFO", family: "parameters", description: "a deprecated parameter was removed", client: "The value clients send is ignored." },
  { id: "request-parameter-became-required", level: "ERR", family: "parameters", description: "an optional parameter became required", client: "Requests that omit it are rejected." },
  { id: "request-parameter-became-optional", level: "INFO", family: "parameters", description: "a required parameter became optional", client: "Clients may omit it." },
  { id: "request-parameter-style-changed", level: "ERR", family: "parameters", description: "a parameter's serialization (style, explode) changed", client: "Clients serialize it the old way, which the server now parses differently." },
  { id: "request-parameter-became-list", level: "INFO", family: "parameters", description: "a form-style query or cookie parameter became a list (repeat it or not)", client: "A single value, as sent before, is a list of one and still accepted." },
  { id: "request-parameter-deprecated", level: "INFO", family: "parameters", description: "a parameter became deprecated", client: "It still works; clients should stop sending it." },
  // request bodies
  { id: "request-body-added", level: "INFO", family: "request-body", description: "a new optional request body", client: "Clients may send a body." },
  { id: "request-body-added-required", level: "ERR", family: "request-body", description: "a new required request body", client: "Requests without a body are rejected." },
  { id: "request-body-removed", level: "ERR", family: "request-body", description: "the request body was removed", client: "Requests with a body may be rejected, and what the body carried is ignored." },
  { id: "request-body-became-required", level: "ERR", family: "request-body", description: "an optional request body became required", client: "Requests without a body are rejected." },
  { id: "request-body-became-optional", level: "INFO", family: "request-body", description: "a required request body became optional", client: "Clients may omit the body." },
  { id: "request-media-type-added", level: "INFO", family: "request-body", description: "the request body accepts a new media type", client: "Clients may send that format too." },
  { id: "request-media-type-removed", level: "ERR", family: "request-body", description: "the request body no longer accepts a media type", client: "Requests in that format are rejected (415)." },
  // responses
  { id: "response-success-status-added", level: "WARN", family: "responses", description: "a new success (2xx) status", client: "Clients may receive a success status they do not handle." },
  { id: "response-success-status-removed", level: "ERR", family: "responses", description: "a success (2xx) status was removed", client: "Clients waiting for that status get a different one." },
  { id: "response-status-added", level: "INFO", family: "responses", description: "a new non-success status is documented", client: "Clients may see a newly documented error." },
  { id: "response-status-removed", level: "INFO", family: "responses", description: "a non-success status is no longer documented", client: "That error is no longer returned." },
  { id: "response-media-type-added", level: "INFO", family: "responses", description: "a response offers a new media type", client: "Clients may ask for that format." },
  { id: "response-media-type-removed", level: "ERR", family: "responses", description: "a response no longer offers a media type", client: "Clients asking for that format get 406 or a format they cannot parse." },
  { id: "response-header-added", level: "INFO", family: "responses", description: "a new response header", client: "Clients may read a new header." },
  { id: "response-required-header-removed", level: "ERR", family: "responses", description: "a required response header was removed", client: "Clients reading the header get nothing." },
  { id: "response-optional-header-removed", level: "WARN", family: "responses", description: "an optional response header was removed", client: "Clients reading the header no longer get it." },
  { id: "response-header-became-optional", level: "ERR", family: "responses", description: "a required response header became optional", client: "Clients may find the header missing." },
  { id: "response-header-became-required", level: "INFO", family: "responses", description: "an optional response header became required", client: "The header is always present now." },
  // security
  { id: "security-requirement-added", level: "ERR", family: "security", description: "an operation now requires (more) authentication", client: "Requests without the new credentials are rejected (401/403)." },
  { id: "security-scope-added", level: "ERR", family: "security", description: "a security requirement needs a new scope", client: "Tokens without the new scope are rejected (403)." },
  { id: "security-alternative-removed", level: "ERR", family: "security", description: "a way to authenticate was removed", client: "Clients authenticating that way are rejected (401)." },
  { id: "security-requirement-removed", level: "INFO", family: "security", description: "an operation needs less authentication", client: "Existing credentials keep working." },
  { id: "security-scope-removed", level: "INFO", family: "security", description: "a security requirement needs fewer scopes", client: "Existing tokens keep working." },
  { id: "security-alternative-added", level: "INFO", family: "security", description: "a new way to authenticate", client: "Clients may authenticate another way." },
  { id: "security-scheme-changed", level: "ERR", family: "security", description: "a security scheme in use changed how credentials are sent", client: "Clients send credentials where the server no longer looks." },
] as const satisfies readonly RuleSpec[];
