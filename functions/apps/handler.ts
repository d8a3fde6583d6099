// Lambda entry of every app function: the schedule (or the previous run, for a successive one)
// invokes it; env from modules/apps names the app type, the cluster's classifier and the schedule.
import { LambdaClient } from "@aws-sdk/client-lambda";
import { SSMClient } from "@aws-sdk/client-ssm";
import type { Context } from "aws-lambda";
import { awsClientConfig } from "../shared/aws/client-config";
import { logger } from "../shared/logger";
import { createSsmParameterStore } from "./app-parameters";
import { type AppRunResult, runApp, SUCCESSIVE_INVOCATION } from "./app-runner";
import { AppConfigError } from "./errors";
import { createLambdaInvoker } from "./lambda-invoker";

/** the module's default when a cluster sets no schedule_expression */
const DEFAULT_SCHEDULE = "rate(1 hour)";

let clients: { ssm: SSMClient; lambda: LambdaClient } | undefined;

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new AppConfigError(
      `environment variable ${name} is not set; deploy the app with modules/apps`,
    );
  }
  return value;
}

export async function handler(event: unknown, context: Context): Promise<AppRunResult> {
  clients ??= {
    ssm: new SSMClient(awsClientConfig("ssm")),
    lambda: new LambdaClient(awsClientConfig("lambda")),
  };
  const appType = requiredEnv("APP_TYPE");
  logger.appendKeys({ app_type: appType });
  const successive =
    typeof event === "object" &&
    event !== null &&
    (event as { invocation_type?: unknown }).invocation_type === SUCCESSIVE_INVOCATION;
  return runApp(
    {
      functionName: context.functionName,
      appType,
      destinationFunction: requiredEnv("DESTINATION_FUNCTION"),
      scheduleExpression: process.env.SCHEDULE_EXPRESSION || DEFAULT_SCHEDULE,
      successive,
      remainingMs: () => context.getRemainingTimeInMillis(),
    },
    {
      parameters: createSsmParameterStore({
        client: clients.ssm,
        functionName: context.functionName,
        appType,
      }),
      invoker: createLambdaInvoker(clients.lambda),
    },
  );
}
