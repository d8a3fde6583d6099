// The Lambda handler: env from modules/apps, the function name from the context, a successive
// invocation recognised from its event, and SDK clients built by awsClientConfig.
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { GetParametersCommand, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { Context } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { handler } from "../../functions/apps/handler";
import { logger } from "../../functions/shared/logger";

logger.setLogLevel("SILENT");

const context = (remainingMs: number) =>
  ({
    functionName: "acme_prod_duo_auth_app",
    getRemainingTimeInMillis: () => remainingMs,
  }) as unknown as Context;

describe("apps handler", () => {
  const ssm = mockClient(SSMClient);
  const lambda = mockClient(LambdaClient);
  const env = { ...process.env };
  beforeEach(() => {
    process.env.APP_TYPE = "duo_auth";
    process.env.DESTINATION_FUNCTION = "acme_prod_streamalert_classifier";
    process.env.SCHEDULE_EXPRESSION = "rate(10 minutes)";
    ssm.reset();
    lambda.reset();
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    ssm.on(PutParameterCommand).resolves({});
  });
  afterAll(() => {
    process.env = env;
    ssm.restore();
    lambda.restore();
  });

  it("reads the function's own parameters and leaves a live chain alone on a scheduled call", async () => {
    ssm.on(GetParametersCommand).resolves({
      Parameters: [
        { Name: "acme_prod_duo_auth_app_auth", Value: "{}" },
        {
          Name: "acme_prod_duo_auth_app_state",
          Value: '{"current_state":"partial","last_timestamp":1}',
          LastModifiedDate: new Date(),
        },
      ],
    });

    const result = await handler({ "detail-type": "Scheduled Event" }, context(60_000));

    expect(ssm.commandCalls(GetParametersCommand)[0].args[0].input).toEqual({
      Names: ["acme_prod_duo_auth_app_auth", "acme_prod_duo_auth_app_state"],
      WithDecryption: true,
    });
    expect(result.outcome).toBe("skipped");
  });

  it("continues the chain when invoked with invocation_type successive", async () => {
    ssm.on(GetParametersCommand).resolves({
      Parameters: [
        {
          Name: "acme_prod_duo_auth_app_state",
          Value: '{"current_state":"partial"}',
          LastModifiedDate: new Date(),
        },
      ],
    });

    // no auth stored: it went past the partial check and stops at the auth
    await expect(handler({ invocation_type: "successive" }, context(60_000))).rejects.toThrow(
      /acme_prod_duo_auth_app_auth does not exist/,
    );
  });

  it("says which environment variable is missing", async () => {
    delete process.env.DESTINATION_FUNCTION;
    ssm.on(GetParametersCommand).resolves({ Parameters: [] });

    await expect(handler({}, context(60_000))).rejects.toThrow(
      "environment variable DESTINATION_FUNCTION is not set; deploy the app with modules/apps",
    );
  });
});
