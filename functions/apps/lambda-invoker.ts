// Asynchronous Lambda invocations: log batches to the classifier and the app's own successive run.
import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";

export interface LambdaInvoker {
  /** InvocationType Event; rejects when Lambda does not accept it */
  invokeAsync(functionName: string, qualifier: string, payload: string): Promise<void>;
}

export function createLambdaInvoker(client: LambdaClient): LambdaInvoker {
  return {
    async invokeAsync(functionName, qualifier, payload) {
      const answer = await client.send(
        new InvokeCommand({
          FunctionName: functionName,
          Qualifier: qualifier,
          InvocationType: "Event",
          Payload: Buffer.from(payload),
        }),
      );
      if (answer.FunctionError) {
        throw new Error(
          `${functionName}:${qualifier} refused the invocation: ${answer.FunctionError}`,
        );
      }
    },
  };
}
