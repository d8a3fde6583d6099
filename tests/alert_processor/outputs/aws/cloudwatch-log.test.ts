import {
  CloudWatchLogsClient,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { mockClient } from "aws-sdk-client-mock";
import { createCloudWatchLogOutput } from "../../../../functions/alert_processor/outputs/aws-cloudwatch-log";
import { dispatchOf } from "./requests";

const logs = mockClient(CloudWatchLogsClient);
const NOW = Date.parse("2026-03-01T12:00:00Z");

const sdkError = (name: string, message = name) =>
  Object.assign(new Error(message), { name, $fault: "client" });

beforeEach(() => {
  logs.reset();
  logs.on(PutLogEventsCommand).resolves({});
  logs.on(CreateLogStreamCommand).resolves({});
});

afterAll(() => logs.restore());

const puts = () => logs.commandCalls(PutLogEventsCommand).map((call) => call.args[0].input);

describe("aws-cloudwatch-log output", () => {
  it("puts the publication as one JSON event into group:stream", async () => {
    const request = dispatchOf({
      resource: "/streamalert/alerts:security",
      extra: { "@slack.text": "internal" },
    });

    await createCloudWatchLogOutput({ now: () => NOW }).dispatch(request);

    const [input] = puts();
    expect(input.logGroupName).toBe("/streamalert/alerts");
    expect(input.logStreamName).toBe("security");
    expect(input.logEvents).toHaveLength(1);
    expect(input.logEvents?.[0].timestamp).toBe(NOW);
    const event = JSON.parse(input.logEvents?.[0].message ?? "");
    expect(event.id).toBe(request.alert.alertId);
    expect(event).not.toHaveProperty(["@slack.text"]);
    expect(logs.commandCalls(CreateLogStreamCommand)).toHaveLength(0);
  });

  it("names the stream after the descriptor when only a log group is given", async () => {
    await createCloudWatchLogOutput().dispatch(
      dispatchOf({ descriptor: "soc", resource: "arn:aws:logs:us-east-1:123:log-group:alerts:*" }),
    );

    expect(puts()[0]).toMatchObject({ logGroupName: "alerts", logStreamName: "soc" });
  });

  it("creates a missing stream, then puts the event", async () => {
    logs
      .on(PutLogEventsCommand)
      .rejectsOnce(
        sdkError("ResourceNotFoundException", "The specified log stream does not exist."),
      )
      .resolves({});

    await createCloudWatchLogOutput().dispatch(dispatchOf({ resource: "alerts:new_stream" }));

    expect(logs.commandCalls(CreateLogStreamCommand).map((call) => call.args[0].input)).toEqual([
      { logGroupName: "alerts", logStreamName: "new_stream" },
    ]);
    expect(puts()).toHaveLength(2);
  });

  it("says to create the log group when it is missing", async () => {
    logs.on(PutLogEventsCommand).rejects(sdkError("ResourceNotFoundException"));
    logs.on(CreateLogStreamCommand).rejects(sdkError("ResourceNotFoundException"));

    const sending = createCloudWatchLogOutput().dispatch(dispatchOf({ resource: "missing_group" }));

    await expect(sending).rejects.toThrow(
      'aws-cloudwatch-log: log group "missing_group" does not exist; create it',
    );
    await expect(sending).rejects.toMatchObject({ retryable: false });
  });

  it("writes to the processor's own log with StreamAlert's list form (no log group)", async () => {
    const written: Array<Record<string, unknown>> = [];
    const request = dispatchOf();

    await createCloudWatchLogOutput({ writeToOwnLog: (alert) => written.push(alert) }).dispatch(
      request,
    );

    expect(written).toEqual([request.publication]);
    expect(logs.calls()).toHaveLength(0);
  });
});
