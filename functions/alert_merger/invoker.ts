import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";

/** Hands one payload to the alert processor without waiting for its result. */
export interface AlertProcessorInvoker {
  invoke(payload: string): Promise<void>;
}

export interface LambdaInvokerOptions {
  client: LambdaClient;
  functionName: string;
  /** alias or version; none = $LATEST */
  qualifier?: string;
}

/** Asynchronous Lambda invocation (`Event`): Lambda queues it and retries on its own. */
export function createLambdaInvoker(options: LambdaInvokerOptions): AlertProcessorInvoker {
  return {
    async invoke(payload) {
      const response = await options.client.send(
        new InvokeCommand({
          FunctionName: options.functionName,
          InvocationType: "Event",
          Payload: new TextEncoder().encode(payload),
          Qualifier: options.qualifier,
        }),
      );
      const status = response.StatusCode ?? 0;
      if (status < 200 || status >= 300) {
        throw new Error(`invoking ${options.functionName} returned status ${status}`);
      }
    },
  };
}

/**
 * Tests and the local runner: the processor handler runs in this process, behind the same
 * interface (there is no Lambda emulator). The call is awaited, so a run is deterministic.
 */
export function createInProcessInvoker(
  handler: (event: Record<string, unknown>) => Promise<unknown>,
): AlertProcessorInvoker {
  return {
    async invoke(payload) {
      await handler(JSON.parse(payload) as Record<string, unknown>);
    },
  };
}
