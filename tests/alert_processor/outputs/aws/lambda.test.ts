import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { createLambdaOutput } from "../../../../functions/alert_processor/outputs/aws-lambda";
import { createLambdaV2Output } from "../../../../functions/alert_processor/outputs/aws-lambda-v2";
import { dispatchOf, textOf } from "./requests";

const lambda = mockClient(LambdaClient);
const sts = mockClient(STSClient);

beforeEach(() => {
  lambda.reset();
  sts.reset();
  lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
});

afterAll(() => {
  lambda.restore();
  sts.restore();
});

const invocations = () => lambda.commandCalls(InvokeCommand).map((call) => call.args[0].input);

describe("aws-lambda output", () => {
  it.each([
    ["my_function", { FunctionName: "my_function" }],
    ["my_function:production", { FunctionName: "my_function", Qualifier: "production" }],
    [
      "arn:aws:lambda:us-east-1:210987654321:function:remote",
      { FunctionName: "arn:aws:lambda:us-east-1:210987654321:function:remote" },
    ],
    [
      "arn:aws:lambda:us-east-1:210987654321:function:remote:7",
      { FunctionName: "arn:aws:lambda:us-east-1:210987654321:function:remote", Qualifier: "7" },
    ],
  ])("invokes %s asynchronously with the alert's record", async (resource, target) => {
    const request = dispatchOf({ resource });

    await createLambdaOutput().dispatch(request);

    const [input] = invocations();
    expect(input).toEqual({ ...target, InvocationType: "Event", Payload: expect.anything() });
    expect(JSON.parse(textOf(input.Payload))).toEqual(request.alert.record);
  });

  it("sends @aws-lambda.alert_data instead of the record when a publisher set it", async () => {
    const request = dispatchOf({
      resource: "responder",
      extra: { "@aws-lambda.alert_data": { action: "isolate", host: "web-1" } },
    });

    await createLambdaOutput().dispatch(request);

    expect(JSON.parse(textOf(invocations()[0].Payload))).toEqual({
      action: "isolate",
      host: "web-1",
    });
  });

  it("reports the function and Lambda's error", async () => {
    lambda.on(InvokeCommand).rejects(
      Object.assign(new Error("Function not found"), {
        name: "ResourceNotFoundException",
        $fault: "client",
      }),
    );

    await expect(
      createLambdaOutput().dispatch(dispatchOf({ resource: "gone:prod" })),
    ).rejects.toThrow(
      'aws-lambda: Invoke of function "gone:prod" failed: ResourceNotFoundException: Function not found',
    );
  });
});

describe("aws-lambda-v2 output", () => {
  const FUNCTION = "arn:aws:lambda:us-west-2:210987654321:function:soar_intake";
  const ROLE = "arn:aws:iam::210987654321:role/streamalert_invoke";

  it("needs lambda_function_arn from its credentials", () => {
    expect(createLambdaV2Output().credentialKeys).toEqual(["lambda_function_arn"]);
  });

  it("invokes the function of the credentials with the qualifier, without assuming a role", async () => {
    const request = dispatchOf({
      credentials: { lambda_function_arn: FUNCTION, function_qualifier: "live" },
    });

    await createLambdaV2Output().dispatch(request);

    const [input] = invocations();
    expect(input).toMatchObject({ FunctionName: FUNCTION, Qualifier: "live" });
    expect(input.InvocationType).toBe("Event");
    expect(JSON.parse(textOf(input.Payload))).toEqual(request.alert.record);
    expect(sts.calls()).toHaveLength(0);
  });

  it("assumes the role first and invokes with its credentials in the function's region", async () => {
    sts.on(AssumeRoleCommand).resolves({
      Credentials: {
        AccessKeyId: "ASIAASSUMED",
        SecretAccessKey: "assumed-secret",
        SessionToken: "assumed-token",
        Expiration: new Date(Date.now() + 3600_000),
      },
    });
    const output = createLambdaV2Output({ clientOptions: { region: "us-east-1" } });
    const request = dispatchOf({
      credentials: { lambda_function_arn: FUNCTION, assume_role_arn: ROLE },
    });

    await output.dispatch(request);
    await output.dispatch(request);

    // the assumed credentials are reused while valid
    const assumed = sts.commandCalls(AssumeRoleCommand).map((call) => call.args[0].input);
    expect(assumed).toEqual([{ RoleArn: ROLE, RoleSessionName: "streamalert_alert_processor" }]);
    const calls = lambda.commandCalls(InvokeCommand);
    expect(calls).toHaveLength(2);
    const client = calls[0].thisValue as LambdaClient;
    const credentials = await client.config.credentials();
    expect(credentials).toMatchObject({
      accessKeyId: "ASIAASSUMED",
      secretAccessKey: "assumed-secret",
      sessionToken: "assumed-token",
    });
    expect(await client.config.region()).toBe("us-west-2");
    expect(calls[0].args[0].input).not.toHaveProperty("Qualifier");
  });

  it("assumes the role again when its credentials are about to expire", async () => {
    let clock = Date.parse("2026-03-01T12:00:00Z");
    sts.on(AssumeRoleCommand).callsFake(async () => ({
      Credentials: {
        AccessKeyId: `ASIA${clock}`,
        SecretAccessKey: "s",
        SessionToken: "t",
        Expiration: new Date(clock + 15 * 60_000),
      },
    }));
    const output = createLambdaV2Output({ now: () => clock });
    const request = dispatchOf({
      credentials: { lambda_function_arn: FUNCTION, assume_role_arn: ROLE },
    });

    await output.dispatch(request);
    clock += 9 * 60_000;
    await output.dispatch(request);
    clock += 2 * 60_000; // 4 minutes left: inside the 5 minute refresh margin
    await output.dispatch(request);

    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);
  });

  it("names the role when AssumeRole is refused and invokes nothing", async () => {
    sts.on(AssumeRoleCommand).rejects(
      Object.assign(new Error("not authorized to perform sts:AssumeRole"), {
        name: "AccessDenied",
        $fault: "client",
        $metadata: { httpStatusCode: 403 },
      }),
    );

    const sending = createLambdaV2Output().dispatch(
      dispatchOf({ credentials: { lambda_function_arn: FUNCTION, assume_role_arn: ROLE } }),
    );

    await expect(sending).rejects.toThrow(
      `aws-lambda-v2: AssumeRole of "${ROLE}" failed: AccessDenied: not authorized to perform sts:AssumeRole (HTTP 403)`,
    );
    expect(invocations()).toHaveLength(0);
  });
});
