// The AWS side of an app run in tests: SSM and Lambda clients under aws-sdk-client-mock, with the
// parameters kept in a map (so a run sees what the previous one saved) and every invocation kept.
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { GetParametersCommand, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import { createSsmParameterStore } from "../../functions/apps/app-parameters";
import type { AppRunDeps, AppRunInput } from "../../functions/apps/app-runner";
import { createLambdaInvoker } from "../../functions/apps/lambda-invoker";
import { logger } from "../../functions/shared/logger";

// the runs log every start, finish and failure; the tests assert on state instead
logger.setLogLevel("SILENT");

export const FUNCTION_NAME = "acme_prod_duo_auth_app";
export const CLASSIFIER = "acme_prod_streamalert_classifier";

export interface Invocation {
  functionName: string;
  qualifier?: string;
  invocationType?: string;
  payload: string;
}

export interface SavedState {
  last_timestamp?: string | number;
  current_state?: string;
  context?: Record<string, unknown>;
}

export function createAwsFake(functionName = FUNCTION_NAME, appType = "duo_auth") {
  const ssm = new SSMClient({ region: "us-east-1" });
  const lambda = new LambdaClient({ region: "us-east-1" });
  const ssmMock = mockClient(ssm);
  const lambdaMock = mockClient(lambda);
  const parameters = new Map<string, { value: string; modified: Date }>();
  const stateHistory: SavedState[] = [];
  const invocations: Invocation[] = [];

  ssmMock.on(GetParametersCommand).callsFake((input: { Names: string[] }) => ({
    Parameters: input.Names.filter((name) => parameters.has(name)).map((name) => ({
      Name: name,
      Value: parameters.get(name)?.value,
      LastModifiedDate: parameters.get(name)?.modified,
    })),
    InvalidParameters: input.Names.filter((name) => !parameters.has(name)),
  }));
  ssmMock
    .on(PutParameterCommand)
    .callsFake((input: { Name: string; Value: string; Type: string }) => {
      if (input.Type !== "SecureString") throw new Error(`state stored as ${input.Type}`);
      parameters.set(input.Name, { value: input.Value, modified: new Date() });
      if (input.Name.endsWith("_state")) stateHistory.push(JSON.parse(input.Value));
      return { Version: stateHistory.length };
    });
  lambdaMock
    .on(InvokeCommand)
    .callsFake(
      (input: {
        FunctionName: string;
        Qualifier?: string;
        InvocationType?: string;
        Payload: Uint8Array;
      }) => {
        invocations.push({
          functionName: input.FunctionName,
          qualifier: input.Qualifier,
          invocationType: input.InvocationType,
          payload: Buffer.from(input.Payload).toString("utf8"),
        });
        return { StatusCode: 202 };
      },
    );

  return {
    ssmMock,
    lambdaMock,
    parameters,
    stateHistory,
    invocations,
    setAuth(auth: Record<string, unknown>) {
      parameters.set(`${functionName}_auth`, { value: JSON.stringify(auth), modified: new Date() });
    },
    setState(state: SavedState, modified = new Date()) {
      parameters.set(`${functionName}_state`, { value: JSON.stringify(state), modified });
    },
    state(): SavedState | undefined {
      const saved = parameters.get(`${functionName}_state`);
      return saved ? JSON.parse(saved.value) : undefined;
    },
    /** logs the classifier received, in order */
    classifierPayloads() {
      return invocations
        .filter((call) => call.functionName === CLASSIFIER)
        .map((call) => JSON.parse(call.payload) as { streamalert_app: string; logs: unknown[] });
    },
    deps(overrides: Partial<AppRunDeps> = {}): AppRunDeps {
      return {
        parameters: createSsmParameterStore({
          client: ssm,
          functionName,
          appType,
          sleep: async () => {},
        }),
        invoker: createLambdaInvoker(lambda),
        sleep: async () => {},
        ...overrides,
      };
    },
    restore() {
      ssmMock.restore();
      lambdaMock.restore();
    },
  };
}

export function runInput(overrides: Partial<AppRunInput> = {}): AppRunInput {
  return {
    functionName: FUNCTION_NAME,
    appType: "duo_auth",
    destinationFunction: CLASSIFIER,
    scheduleExpression: "rate(10 minutes)",
    successive: false,
    remainingMs: () => 60_000,
    ...overrides,
  };
}
