import { FirehoseClient, PutRecordCommand } from "@aws-sdk/client-firehose";
import { mockClient } from "aws-sdk-client-mock";
import {
  createFirehoseOutput,
  FIREHOSE_MAX_RECORD_BYTES,
} from "../../../../functions/alert_processor/outputs/aws-firehose";
import { OutputError } from "../../../../functions/alert_processor/outputs/errors";
import { alertOf } from "../../../alert_merger/factories";
import { dispatchOf, textOf } from "./requests";

const firehose = mockClient(FirehoseClient);

beforeEach(() => {
  firehose.reset();
  firehose.on(PutRecordCommand).resolves({ RecordId: "r-1" });
});

afterAll(() => firehose.restore());

describe("aws-firehose output", () => {
  it("puts the publication as one JSON line into the delivery stream", async () => {
    const request = dispatchOf({
      resource: "acme_streamalert_alert_delivery",
      extra: { "@slack.text": "not for Firehose" },
    });

    await createFirehoseOutput().dispatch(request);

    const calls = firehose.commandCalls(PutRecordCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0].args[0].input;
    expect(input.DeliveryStreamName).toBe("acme_streamalert_alert_delivery");
    const line = textOf(input.Record?.Data);
    expect(line.endsWith("\n")).toBe(true);
    expect(line.indexOf("\n")).toBe(line.length - 1);
    const sent = JSON.parse(line);
    expect(sent.id).toBe(request.alert.alertId);
    expect(sent.rule_name).toBe(request.alert.ruleName);
    expect(sent.record).toEqual(request.alert.record);
    expect(sent).not.toHaveProperty(["@slack.text"]);
  });

  it("refuses a record over 1000 KiB without calling Firehose", async () => {
    const alert = alertOf({ record: { blob: "x".repeat(FIREHOSE_MAX_RECORD_BYTES) } });

    const sending = createFirehoseOutput().dispatch(dispatchOf({ alert, resource: "alerts" }));

    await expect(sending).rejects.toThrow(/over Firehose's 1024000-byte record limit/);
    await expect(sending).rejects.toMatchObject({ retryable: false });
    expect(firehose.commandCalls(PutRecordCommand)).toHaveLength(0);
  });

  it("sends a record of exactly 1000 KiB", async () => {
    const alert = alertOf({ alertId: "sized", record: { blob: "" } });
    const base = Buffer.byteLength(
      `${JSON.stringify(dispatchOf({ alert, resource: "alerts" }).publication)}\n`,
    );
    const blob = "y".repeat(FIREHOSE_MAX_RECORD_BYTES - base);
    const fitting = alertOf({ alertId: "sized", record: { blob } });

    await createFirehoseOutput().dispatch(dispatchOf({ alert: fitting, resource: "alerts" }));

    const data = firehose.commandCalls(PutRecordCommand)[0].args[0].input.Record?.Data;
    expect(data?.length).toBe(FIREHOSE_MAX_RECORD_BYTES);
  });

  it("names the stream and the AWS error when Firehose refuses", async () => {
    firehose.on(PutRecordCommand).rejects(
      Object.assign(new Error("Delivery stream missing"), {
        name: "ResourceNotFoundException",
        $fault: "client",
        $metadata: { httpStatusCode: 400 },
      }),
    );

    const sending = createFirehoseOutput().dispatch(dispatchOf({ resource: "nope" }));

    await expect(sending).rejects.toThrow(
      'aws-firehose: PutRecord to delivery stream "nope" failed: ResourceNotFoundException: Delivery stream missing (HTTP 400)',
    );
    await expect(sending).rejects.toBeInstanceOf(OutputError);
    await expect(sending).rejects.toMatchObject({ retryable: false });
  });

  it("asks for the delivery stream in outputs.json when none is mapped", async () => {
    await expect(createFirehoseOutput().dispatch(dispatchOf())).rejects.toThrow(
      'aws-firehose:security has no delivery stream in conf/outputs.json; map the descriptor to one: "aws-firehose": {"security": "<delivery stream>"}',
    );
  });

  it("creates its client once", async () => {
    const output = createFirehoseOutput();
    await output.dispatch(dispatchOf({ resource: "a" }));
    await output.dispatch(dispatchOf({ resource: "b" }));
    const clients = new Set(firehose.calls().map((call) => call.thisValue));
    expect(clients.size).toBe(1);
  });
});
