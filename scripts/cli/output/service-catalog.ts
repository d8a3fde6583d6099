// What `streamalert output` knows of each output service: the credential keys the alert
// processor's own output requires (functions/alert_processor/outputs) and whether outputs.json
// maps its descriptors to a resource.

/** AWS services whose descriptors always name a resource (function, bucket, topic, queue, stream). */
export const RESOURCE_SERVICES = ["aws-firehose", "aws-lambda", "aws-s3", "aws-sns", "aws-sqs"];

export interface OutputServiceInfo {
  service: string;
  /** keys the stored secret must hold; empty for services without secrets */
  credentialKeys: readonly string[];
}

/** service → its info, from the processor's output services. */
export type OutputCatalog = Record<string, OutputServiceInfo>;

/**
 * The output services the alert processor implements. Loaded on demand: the outputs pull in
 * every AWS SDK client, which the other commands should not pay for at start-up.
 */
export async function loadOutputCatalog(): Promise<OutputCatalog> {
  const { createOutputServices } = await import("../../../functions/alert_processor/outputs");
  const services: Record<string, { credentialKeys: readonly string[] }> = createOutputServices();
  return Object.fromEntries(
    Object.entries(services).map(([service, output]) => [
      service,
      { service, credentialKeys: output.credentialKeys },
    ]),
  );
}
