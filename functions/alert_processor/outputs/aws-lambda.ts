// aws-lambda: asynchronous Invoke (InvocationType Event) of the function outputs.json names,
// with `function:qualifier` and function ARNs honoured (StreamAlert's `aws-lambda`).
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { type AwsClientOptions, awsClientConfig } from "../../shared/aws/client-config";
import { awsOutputError } from "./aws-error";
import { lambdaPayload, parseLambdaTarget } from "./aws-lambda-target";
import { requireResource } from "./aws-request";
import type { OutputService } from "./types";

export const LAMBDA_SERVICE = "aws-lambda";

export interface LambdaOutputDeps {
  clientOptions?: AwsClientOptions;
}

export function createLambdaOutput(deps: LambdaOutputDeps = {}): OutputService {
  let client: LambdaClient | undefined;
  const lambda = () => (client ??= new LambdaClient(awsClientConfig("lambda", deps.clientOptions)));

  return {
    service: LAMBDA_SERVICE,
    credentialKeys: [],
    async dispatch({ alert, descriptor, publication, resource }) {
      const target = parseLambdaTarget(
        requireResource(LAMBDA_SERVICE, descriptor, resource, "function name"),
      );
      const payload = lambdaPayload(LAMBDA_SERVICE, alert, publication);
      const name = target.qualifier
        ? `${target.functionName}:${target.qualifier}`
        : target.functionName;
      try {
        await lambda().send(
          new InvokeCommand({
            FunctionName: target.functionName,
            InvocationType: "Event",
            Payload: payload,
            // an empty Qualifier is refused by Lambda, so it is only set when given
            ...(target.qualifier ? { Qualifier: target.qualifier } : {}),
          }),
        );
      } catch (error) {
        throw awsOutputError(LAMBDA_SERVICE, `Invoke of function "${name}"`, error);
      }
    },
  };
}
