/** The hub's contract registry: contracts/<service>/{contract.yml, openapi.yaml, pacts/<consumer>/}. */
export { consumerRepos, contractFileSchema, type ContractFile } from "./contract-file.ts";
export {
  validateRegistry,
  type RegistryIssue,
  type RegistryReport,
  type RegistryService,
} from "./validate.ts";
