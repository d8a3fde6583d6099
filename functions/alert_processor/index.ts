// The alert processor package (SPEC §5). Output services live in ./outputs, publishers in
// ./publishers; both have their own index.
export type { AlertTableKey, ProcessorAlertStore } from "./alert-store";
export { createDynamoProcessorStore } from "./alert-store";
export {
  CredentialError,
  type CredentialProvider,
  createMapCredentialProvider,
  createSsmCredentialProvider,
  credentialParameterName,
  loadCredentials,
} from "./credentials";
export { type OutputTarget, resolveOutputTarget } from "./output-targets";
export {
  createOutputServices,
  OUTPUT_SERVICE_NAMES,
  type OutputServicesOptions,
} from "./outputs";
export {
  type AlertProcessor,
  type AlertProcessorOptions,
  createAlertProcessor,
  type OutputResult,
  type ProcessorResult,
} from "./processor";
export { alertsTableName, createAwsAlertProcessor } from "./wiring";
