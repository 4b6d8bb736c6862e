import type { RuleSpec } from "./rule.ts";

/**
 * Rules about the JSON Schema keywords OpenAPI 3.1 brings: contains, prefixItems,
 * unevaluatedItems/Properties, dependentRequired/Schemas, if/then/else, and oneOf exclusivity.
 * Each constraint added narrows what is valid (requests break), each removed widens it
 * (responses break); sub-schemas are compared with the usual schema rules.
 */
// prettier-ignore
export const SCHEMA_31_RULES = [
  { id: "request-contains-added", level: "ERR", family: "schema", description: "a request array must now contain an item matching a schema", client: "Arrays without such an item are rejected." },
  { id: "response-contains-added", level: "INFO", family: "schema", description: "a response array now contains an item matching a schema", client: "Responses always hold such an item." },
  { id: "request-contains-removed", level: "INFO", family: "schema", description: "a request array no longer has to contain a matching item", client: "Arrays without it are accepted." },
  { id: "response-contains-removed", level: "ERR", family: "schema", description: "a response array no longer promises an item matching a schema", client: "Clients looking for that item may not find it." },
  { id: "request-min-contains-increased", level: "ERR", family: "schema", description: "minContains of a request array raised or set", client: "Arrays with fewer matching items are rejected." },
  { id: "request-min-contains-decreased", level: "INFO", family: "schema", description: "minContains of a request array lowered or removed", client: "Arrays with fewer matching items are accepted." },
  { id: "response-min-contains-decreased", level: "ERR", family: "schema", description: "minContains of a response array lowered or removed", client: "Clients may receive fewer matching items than they count on." },
  { id: "response-min-contains-increased", level: "INFO", family: "schema", description: "minContains of a response array raised or set", client: "Responses hold more matching items." },
  { id: "request-max-contains-decreased", level: "ERR", family: "schema", description: "maxContains of a request array lowered or set", client: "Arrays with more matching items are rejected." },
  { id: "request-max-contains-increased", level: "INFO", family: "schema", description: "maxContains of a request array raised or removed", client: "Arrays with more matching items are accepted." },
  { id: "response-max-contains-increased", level: "ERR", family: "schema", description: "maxContains of a response array raised or removed", client: "Clients may receive more matching items than they allow for." },
  { id: "response-max-contains-decreased", level: "INFO", family: "schema", description: "maxContains of a response array lowered or set", client: "Responses hold fewer matching items." },
  { id: "request-prefix-item-added", level: "ERR", family: "schema", description: "a position of a request array (prefixItems) must now match a schema", client: "Arrays whose item there does not match are rejected." },
  { id: "response-prefix-item-added", level: "INFO", family: "schema", description: "a position of a response array (prefixItems) is now described", client: "That item follows the schema." },
  { id: "request-prefix-item-removed", level: "INFO", family: "schema", description: "a position of a request array (prefixItems) is no longer constrained", client: "Any item is accepted there." },
  { id: "response-prefix-item-removed", level: "ERR", family: "schema", description: "a position of a response array (prefixItems) is no longer described", client: "Clients reading that position may receive anything." },
  { id: "request-unevaluated-items-narrowed", level: "ERR", family: "schema", description: "a request array accepts fewer items beyond those described (unevaluatedItems, items: false)", client: "Arrays with more items are rejected." },
  { id: "request-unevaluated-items-widened", level: "INFO", family: "schema", description: "a request array accepts more items beyond those described", client: "Longer arrays are accepted." },
  { id: "response-unevaluated-items-narrowed", level: "INFO", family: "schema", description: "a response array has fewer items beyond those described", client: "Responses hold only described items." },
  { id: "response-unevaluated-items-widened", level: "ERR", family: "schema", description: "a response array may hold items beyond those described", client: "Clients may receive items of a shape they do not handle." },
  { id: "request-unevaluated-properties-narrowed", level: "ERR", family: "schema", description: "a request object accepts fewer properties beyond those described (unevaluatedProperties)", client: "Requests with extra properties are rejected." },
  { id: "request-unevaluated-properties-widened", level: "INFO", family: "schema", description: "a request object accepts more properties beyond those described", client: "Extra properties are accepted." },
  { id: "response-unevaluated-properties-narrowed", level: "INFO", family: "schema", description: "a response object has fewer properties beyond those described", client: "Responses carry fewer unknown properties." },
  { id: "response-unevaluated-properties-widened", level: "WARN", family: "schema", description: "a response object may carry properties beyond those described", client: "Clients may receive properties they do not know; those that ignore unknown properties are unaffected." },
  { id: "request-dependent-required-added", level: "ERR", family: "schema", description: "a request property now requires others when present (dependentRequired)", client: "Requests sending it without them are rejected." },
  { id: "response-dependent-required-added", level: "INFO", family: "schema", description: "a response property now comes with others (dependentRequired)", client: "Those properties come along." },
  { id: "request-dependent-required-removed", level: "INFO", family: "schema", description: "a request property no longer requires others when present", client: "Requests may send it alone." },
  { id: "response-dependent-required-removed", level: "ERR", family: "schema", description: "a response property no longer brings others along (dependentRequired)", client: "Clients may find those properties missing." },
  { id: "request-dependent-schema-added", level: "ERR", family: "schema", description: "a request object must match a schema when a property is present (dependentSchemas)", client: "Requests with that property that do not match are rejected." },
  { id: "response-dependent-schema-added", level: "INFO", family: "schema", description: "a response object matches a schema when a property is present", client: "Responses with that property follow the schema." },
  { id: "request-dependent-schema-removed", level: "INFO", family: "schema", description: "a request object no longer has to match a schema when a property is present", client: "More requests are accepted." },
  { id: "response-dependent-schema-removed", level: "ERR", family: "schema", description: "a response object no longer promises a schema when a property is present", client: "Clients relying on it may receive values that break it." },
  { id: "request-conditional-added", level: "ERR", family: "schema", description: "a request value must now satisfy an if/then/else", client: "Requests failing the new branch are rejected." },
  { id: "response-conditional-added", level: "INFO", family: "schema", description: "a response value now satisfies an if/then/else", client: "Responses follow the branch." },
  { id: "request-conditional-removed", level: "INFO", family: "schema", description: "a request value no longer has to satisfy an if/then/else", client: "More requests are accepted." },
  { id: "response-conditional-removed", level: "ERR", family: "schema", description: "a response value no longer promises an if/then/else", client: "Clients relying on the branch may receive values that break it." },
  { id: "request-conditional-changed", level: "ERR", family: "schema", description: "the if condition of a request value changed", client: "Some requests are now checked against the other branch and may be rejected." },
  { id: "response-conditional-changed", level: "ERR", family: "schema", description: "the if condition of a response value changed", client: "Some responses now follow the other branch, which clients may not expect." },
  { id: "request-one-of-overlap-added", level: "ERR", family: "schema", description: "a request oneOf gained a variant (or wrapped the value) that overlaps an existing one", client: "Requests matching both variants are rejected: oneOf accepts a value matching exactly one." },
] as const satisfies readonly RuleSpec[];
