import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import {
  alertObjectKey,
  createS3Output,
} from "../../../../functions/alert_processor/outputs/aws-s3";
import { alertOf } from "../../../alert_merger/factories";
import { type Emulators, startEmulators } from "../../../helpers/emulators";
import { dispatchOf } from "./requests";

const BUCKET = "acme-security-alerts-archive";
let emulators: Emulators;

beforeAll(async () => {
  emulators = await startEmulators(["s3"]);
  await emulators.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  await emulators?.stop();
});

async function objectKeys(): Promise<string[]> {
  const listed = await emulators.s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (listed.Contents ?? []).map((object) => object.Key ?? "").sort();
}

describe("aws-s3 output (s3rver)", () => {
  it("writes the publication as JSON under alerts/dt=<created hour>/<service>_<entity>_<rule>_<id>.json", async () => {
    const alert = alertOf({
      alertId: "0d6c2f43-7d1e-4a4e-b6a3-9a0f1c2d3e4f",
      ruleName: "cloudtrail_root_account_usage",
      sourceService: "kinesis",
      sourceEntity: "acme_prod_streamalert",
      created: new Date("2026-03-01T07:45:12.345Z"),
      record: { userIdentity: { type: "Root" }, eventName: "ConsoleLogin" },
    });
    const output = createS3Output({ clientOptions: emulators.clientOptions });

    await output.dispatch(
      dispatchOf({ alert, resource: BUCKET, extra: { "@slack.text": "internal override" } }),
    );

    const key =
      "alerts/dt=2026-03-01-07/kinesis_acme_prod_streamalert_cloudtrail_root_account_usage_0d6c2f43-7d1e-4a4e-b6a3-9a0f1c2d3e4f.json";
    expect(await objectKeys()).toContain(key);
    const object = await emulators.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(object.ContentType).toBe("application/json");
    const body = JSON.parse((await object.Body?.transformToString()) ?? "");
    expect(body).toMatchObject({
      id: alert.alertId,
      rule_name: "cloudtrail_root_account_usage",
      record: { userIdentity: { type: "Root" }, eventName: "ConsoleLogin" },
      created: "2026-03-01T07:45:12.345000Z",
    });
    expect(body).not.toHaveProperty(["@slack.text"]);
  });

  it("overwrites the same object when an alert is sent again, so a resend adds nothing", async () => {
    const alert = alertOf({ alertId: "resent-alert" });
    const output = createS3Output({ clientOptions: emulators.clientOptions });
    const before = (await objectKeys()).length;

    await output.dispatch(dispatchOf({ alert, resource: BUCKET }));
    await output.dispatch(dispatchOf({ alert, resource: BUCKET }));

    expect((await objectKeys()).length).toBe(before + 1);
    expect(await objectKeys()).toContain(alertObjectKey(alert));
  });

  it("names the bucket when it does not exist", async () => {
    const output = createS3Output({ clientOptions: emulators.clientOptions });

    const sending = output.dispatch(dispatchOf({ resource: "no-such-bucket" }));

    await expect(sending).rejects.toThrow(
      /aws-s3: PutObject of ".*" to bucket "no-such-bucket" failed: NoSuchBucket/,
    );
    await expect(sending).rejects.toMatchObject({ retryable: false });
  });
});
