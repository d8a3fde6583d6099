// Stand-ins for the AWS output services that load the real ones (aws-outputs.ts) at the first
// dispatch. Their names and credential keys are known up front, so the processor treats them as
// it treats every other service.
import { AWS_OUTPUT_CREDENTIAL_KEYS, type AwsOutputName } from "./aws-output-keys";
import type { AwsOutputOptions } from "./aws-outputs";
import type { OutputService } from "./types";

export function createLazyAwsOutputServices(
  options: AwsOutputOptions = {},
): Record<AwsOutputName, OutputService> {
  let loaded: Promise<Record<AwsOutputName, OutputService>> | undefined;
  const load = () => {
    // a separate file in the bundle (see aws-outputs.ts); retried if loading it failed
    loaded ??= import("./aws-outputs")
      .then((module) => module.createAwsOutputServices(options))
      .catch((error: unknown) => {
        loaded = undefined;
        throw error;
      });
    return loaded;
  };
  const services = {} as Record<AwsOutputName, OutputService>;
  for (const name of Object.keys(AWS_OUTPUT_CREDENTIAL_KEYS) as AwsOutputName[]) {
    services[name] = {
      service: name,
      credentialKeys: AWS_OUTPUT_CREDENTIAL_KEYS[name],
      dispatch: async (request) => (await load())[name].dispatch(request),
    };
  }
  return services;
}
