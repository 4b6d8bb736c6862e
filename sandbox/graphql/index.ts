/** GitHub's GraphQL API over the sandbox store (POST /graphql); see endpoint.ts. */
export {
  createGraphqlEndpoint,
  type GraphqlEndpoint,
  type GraphqlRequest,
  type GraphqlResponse,
} from "./endpoint.ts";
export { implementedFields } from "./implemented.ts";
export { githubSchema } from "./schema.ts";
