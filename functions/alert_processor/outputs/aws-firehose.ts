// aws-firehose: one PutRecord of the publication as a JSON line to a delivery stream. The
// required `aws-firehose:alerts` output feeds the alerts table in Athena this way.
import { FirehoseClient, PutRecordCommand } from "@aws-sdk/client-firehose";
import { type AwsClientOptions, awsClientConfig } from "../../shared/aws/client-config";
import { withoutOverrideKeys } from "../publishers/override-keys";
import { awsOutputError } from "./aws-error";
import { requireResource, toJsonText } from "./aws-request";
import { OutputError } from "./errors";
import type { OutputService } from "./types";

export const FIREHOSE_SERVICE = "aws-firehose";

/** Firehose refuses a record over 1,000 KiB (before base64). */
export const FIREHOSE_MAX_RECORD_BYTES = 1000 * 1024;

export interface FirehoseOutputDeps {
  clientOptions?: AwsClientOptions;
}

export function createFirehoseOutput(deps: FirehoseOutputDeps = {}): OutputService {
  let client: FirehoseClient | undefined;
  const firehose = () =>
    (client ??= new FirehoseClient(awsClientConfig("firehose", deps.clientOptions)));

  return {
    service: FIREHOSE_SERVICE,
    credentialKeys: [],
    async dispatch({ alert, descriptor, publication, resource }) {
      const stream = requireResource(FIREHOSE_SERVICE, descriptor, resource, "delivery stream");
      // newline-delimited, so Athena reads one alert per line of the delivered objects
      const line = `${toJsonText(FIREHOSE_SERVICE, withoutOverrideKeys(publication))}\n`;
      const data = Buffer.from(line, "utf8");
      if (data.length > FIREHOSE_MAX_RECORD_BYTES) {
        throw new OutputError(
          `${FIREHOSE_SERVICE}: alert ${alert.alertId} is ${data.length} bytes as JSON, over ` +
            `Firehose's ${FIREHOSE_MAX_RECORD_BYTES}-byte record limit; drop large fields for ` +
            `this output with a publisher (e.g. remove_fields)`,
          { retryable: false },
        );
      }
      try {
        await firehose().send(
          new PutRecordCommand({ DeliveryStreamName: stream, Record: { Data: data } }),
        );
      } catch (error) {
        throw awsOutputError(FIREHOSE_SERVICE, `PutRecord to delivery stream "${stream}"`, error);
      }
    },
  };
}
