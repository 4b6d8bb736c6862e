import type { RuleSpec } from "./rule.ts";

/**
 * Rules about 3.1 `webhooks`. For a webhook the API is the sender: its payload is a request the
 * API makes to its consumers, so a payload that accepts more (widens) breaks them, as a response
 * would. Payload schemas and headers are compared with the response schema rules.
 */
// prettier-ignore
export const WEBHOOK_RULES = [
  { id: "webhook-added", level: "INFO", family: "webhooks", description: "a new webhook", client: "Consumers may subscribe to a new event." },
  { id: "webhook-removed", level: "ERR", family: "webhooks", description: "a webhook (or one of its methods) was removed", client: "Consumers waiting for the event never receive it." },
  { id: "webhook-deprecated", level: "INFO", family: "webhooks", description: "a webhook became deprecated", client: "It is still sent; consumers should migrate." },
  { id: "webhook-payload-added", level: "INFO", family: "webhooks", description: "a webhook now sends a payload", client: "Consumers receive a body they may read." },
  { id: "webhook-payload-removed", level: "ERR", family: "webhooks", description: "a webhook no longer sends its payload", client: "Consumers reading the body get nothing." },
  { id: "webhook-payload-became-optional", level: "ERR", family: "webhooks", description: "a webhook's payload became optional", client: "Consumers may receive the event without a body." },
  { id: "webhook-payload-became-required", level: "INFO", family: "webhooks", description: "a webhook's payload became required", client: "The body is always sent." },
  { id: "webhook-payload-media-type-added", level: "ERR", family: "webhooks", description: "a webhook may send its payload in a new media type", client: "Consumers may receive a format they cannot parse (they cannot ask for another)." },
  { id: "webhook-payload-media-type-removed", level: "INFO", family: "webhooks", description: "a webhook no longer sends a media type", client: "That format is no longer sent." },
  { id: "webhook-parameter-added", level: "INFO", family: "webhooks", description: "a webhook sends a new parameter (header)", client: "Consumers may read it." },
  { id: "webhook-parameter-removed", level: "ERR", family: "webhooks", description: "a webhook no longer sends a parameter (header)", client: "Consumers reading it (a signature, an event id) get nothing." },
  { id: "webhook-parameter-became-optional", level: "ERR", family: "webhooks", description: "a parameter a webhook always sent became optional", client: "Consumers may find it missing." },
  { id: "webhook-parameter-became-required", level: "INFO", family: "webhooks", description: "a parameter a webhook sent sometimes is always sent", client: "It is always present now." },
] as const satisfies readonly RuleSpec[];
