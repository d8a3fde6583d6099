import type { StreamAlertConfig } from "../../../../functions/shared/config/types";
import { processorOutputStatements } from "../../../../modules/globals/processor-outputs";
import { accountContext } from "../../../../modules/shared/names";

function configWith(outputs: StreamAlertConfig["outputs"]): StreamAlertConfig {
  return {
    dir: "conf",
    global: {
      account: { aws_account_id: "123456789012", prefix: "acme", region: "us-east-1" },
      general: {},
      infrastructure: {},
    },
    lambda: {},
    clusters: {},
    outputs,
    logs: {},
    normalizedTypes: {},
    threatIntel: { enabled: false },
    lookupTables: { enabled: false, tables: {} },
  };
}

const statementsFor = (outputs: StreamAlertConfig["outputs"]) => {
  const config = configWith(outputs);
  return processorOutputStatements(config, accountContext(config));
};

describe("alert processor IAM for the AWS outputs", () => {
  it("always lets it put records into the alerts Firehose, and nothing else without outputs", () => {
    expect(statementsFor({})).toEqual([
      {
        Sid: "SendToFirehoseOutputs",
        Action: ["firehose:PutRecord"],
        Resource: [
          "arn:aws:firehose:us-east-1:123456789012:deliverystream/acme_streamalert_alert_delivery",
        ],
      },
    ]);
  });

  it("scopes each configured output to the resource outputs.json names", () => {
    const statements = statementsFor({
      "aws-firehose": { archive: "acme_archive_stream" },
      "aws-lambda": {
        plain: "responder",
        qualified: "responder:production",
        remote: "arn:aws:lambda:us-east-1:210987654321:function:remote:7",
      },
      "aws-s3": { archive: "acme-alerts-archive" },
      "aws-sns": { oncall: "acme_oncall", shared: "arn:aws:sns:us-east-1:210987654321:shared" },
      "aws-sqs": {
        intake: "acme_intake",
        byurl: "https://sqs.us-east-1.amazonaws.com/210987654321/remote_intake",
      },
      "aws-cloudwatch-log": { soc: "/streamalert/alerts:soc" },
      "aws-ses": ["soc"],
      slack: ["security"],
    });

    const bySid = Object.fromEntries(statements.map((statement) => [statement.Sid, statement]));
    expect(bySid.SendToFirehoseOutputs.Resource).toEqual([
      "arn:aws:firehose:us-east-1:123456789012:deliverystream/acme_archive_stream",
      "arn:aws:firehose:us-east-1:123456789012:deliverystream/acme_streamalert_alert_delivery",
    ]);
    expect(bySid.InvokeLambdaOutputs.Resource).toEqual([
      "arn:aws:lambda:us-east-1:123456789012:function:responder",
      "arn:aws:lambda:us-east-1:123456789012:function:responder:*",
      "arn:aws:lambda:us-east-1:210987654321:function:remote",
      "arn:aws:lambda:us-east-1:210987654321:function:remote:*",
    ]);
    expect(bySid.WriteS3Outputs).toMatchObject({
      Action: ["s3:PutObject"],
      Resource: ["arn:aws:s3:::acme-alerts-archive/alerts/*"],
    });
    expect(bySid.PublishSnsOutputs.Resource).toEqual([
      "arn:aws:sns:us-east-1:123456789012:acme_oncall",
      "arn:aws:sns:us-east-1:210987654321:shared",
    ]);
    expect(bySid.SendSqsOutputs.Resource).toEqual([
      "arn:aws:sqs:us-east-1:123456789012:acme_intake",
      "arn:aws:sqs:us-east-1:210987654321:remote_intake",
    ]);
    expect(bySid.WriteCloudWatchLogOutputs.Resource).toEqual([
      "arn:aws:logs:us-east-1:123456789012:log-group:/streamalert/alerts:*",
    ]);
    expect(bySid.SendSesOutputs).toMatchObject({ Action: ["ses:SendRawEmail"], Resource: "*" });
    expect(Object.keys(bySid)).toHaveLength(7);
  });
});
