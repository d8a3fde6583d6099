import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { createSnsOutput } from "../../../../functions/alert_processor/outputs/aws-sns";
import { alertOf } from "../../../alert_merger/factories";
import { dispatchOf } from "./requests";

const sns = mockClient(SNSClient);
const sts = mockClient(STSClient);
const clientOptions = { region: "eu-west-1" };

beforeEach(() => {
  sns.reset();
  sts.reset();
  sns.on(PublishCommand).resolves({ MessageId: "m-1" });
});

afterAll(() => {
  sns.restore();
  sts.restore();
});

const published = () => sns.commandCalls(PublishCommand).map((call) => call.args[0].input);

describe("aws-sns output", () => {
  it("publishes to the topic's ARN with the rule as subject and the publication as JSON", async () => {
    const request = dispatchOf({ resource: "acme_security_oncall" });
    const output = createSnsOutput({ clientOptions, accountId: "123456789012" });

    await output.dispatch(request);

    const [input] = published();
    expect(input.TopicArn).toBe("arn:aws:sns:eu-west-1:123456789012:acme_security_oncall");
    expect(input.Subject).toBe(
      `${request.alert.ruleName} triggered alert ${request.alert.alertId}`,
    );
    const message = JSON.parse(input.Message ?? "");
    expect(message).toEqual(JSON.parse(JSON.stringify(request.publication)));
    // readable in mail: indented, keys sorted
    expect(input.Message).toContain('\n  "cluster": "prod",\n  "context"');
  });

  it("keeps a long subject under 100 characters with both ends readable", async () => {
    const alert = alertOf({
      ruleName: `very_long_rule_${"x".repeat(150)}`,
      alertId: "id-at-the-end",
    });

    await createSnsOutput({ clientOptions, accountId: "1" }).dispatch(
      dispatchOf({ alert, resource: "t" }),
    );

    const subject = published()[0].Subject ?? "";
    expect(subject.length).toBeLessThan(100);
    expect(subject.startsWith("very_long_rule_x")).toBe(true);
    expect(subject.endsWith("triggered alert id-at-the-end")).toBe(true);
    expect(subject).toContain(" ... ");
  });

  it("takes @aws-sns.topic as subject and @aws-sns.message as body, made valid for SNS", async () => {
    await createSnsOutput({ clientOptions, accountId: "1" }).dispatch(
      dispatchOf({
        resource: "t",
        extra: {
          "@aws-sns.topic": "Root login\nfrom ünknown host",
          "@aws-sns.message": "Root logged in from 10.0.0.1",
        },
      }),
    );

    expect(published()[0]).toMatchObject({
      Subject: "Root login from ?nknown host",
      Message: "Root logged in from 10.0.0.1",
    });
  });

  it("honours @aws-sns.subject when @aws-sns.topic is not set, and JSON for a non-text message", async () => {
    await createSnsOutput({ clientOptions, accountId: "1" }).dispatch(
      dispatchOf({
        resource: "t",
        extra: { "@aws-sns.subject": "Custom subject", "@aws-sns.message": { user: "alice" } },
      }),
    );

    expect(published()[0]).toMatchObject({
      Subject: "Custom subject",
      Message: '{"user":"alice"}',
    });
  });

  it("uses a topic ARN as given, and asks STS for the account once when it is not configured", async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: "555566667777" });
    const output = createSnsOutput({ clientOptions });

    await output.dispatch(dispatchOf({ resource: "arn:aws:sns:us-east-1:999:shared" }));
    await output.dispatch(dispatchOf({ resource: "local_topic" }));
    await output.dispatch(dispatchOf({ resource: "local_topic" }));

    expect(published().map((input) => input.TopicArn)).toEqual([
      "arn:aws:sns:us-east-1:999:shared",
      "arn:aws:sns:eu-west-1:555566667777:local_topic",
      "arn:aws:sns:eu-west-1:555566667777:local_topic",
    ]);
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
  });

  it("reports the topic when SNS refuses", async () => {
    sns.on(PublishCommand).rejects(
      Object.assign(new Error("Topic does not exist"), {
        name: "NotFoundException",
        $fault: "client",
      }),
    );

    await expect(
      createSnsOutput({ clientOptions, accountId: "1" }).dispatch(dispatchOf({ resource: "t" })),
    ).rejects.toThrow(
      'aws-sns: Publish to topic "arn:aws:sns:eu-west-1:1:t" failed: NotFoundException',
    );
  });
});
