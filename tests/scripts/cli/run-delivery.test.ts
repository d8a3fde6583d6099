// The delivery half of `streamalert run` (alert merger → alert processor on dynalite) when an
// output keeps failing: the run ends, the alert is reported as not delivered with the output's
// error, and what did succeed is not sent again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  DispatchRequest,
  OutputService,
} from "../../../functions/alert_processor/outputs/types";
import { buildPublisherRegistry } from "../../../functions/alert_processor/publishers/registry";
import type { ClassifiedRecord } from "../../../functions/shared/classified-record";
import { loadConfig } from "../../../functions/shared/config";
import { buildRuleRegistry } from "../../../functions/shared/rules/registry";
import { rule } from "../../../functions/shared/rules/types";
import { deliverAlerts } from "../../../scripts/cli/run/alert-delivery";
import { type Emulators, startEmulators } from "../../../scripts/cli/run/emulators";
import { createLocalOutputs } from "../../../scripts/cli/run/local-outputs";
import { createLocalResources } from "../../../scripts/cli/run/local-resources";
import { createLocalRulesEngine } from "../../../scripts/cli/run/local-rules-engine";

const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const config = loadConfig("conf").config;
const registry = buildRuleRegistry([
  {
    file: "rules/run-delivery.ts",
    exports: {
      root_login: rule(
        {
          logs: ["cloudtrail:events"],
          outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
        },
        (record) => record.eventName === "ConsoleLogin",
      ),
    },
  },
]);

class FailingOutput implements OutputService {
  readonly credentialKeys: readonly string[] = [];
  attempts = 0;
  constructor(readonly service: string) {}
  async dispatch(_request: DispatchRequest): Promise<void> {
    this.attempts++;
    throw new Error(`${this.service}: HTTP 503: try later`);
  }
}

let emulators: Emulators;
let outputDir: string;
beforeAll(async () => {
  emulators = await startEmulators(["dynamodb", "s3", "sqs"]);
  outputDir = mkdtempSync(join(tmpdir(), "run-delivery-"));
}, 30_000);
afterAll(async () => {
  await emulators?.stop();
  rmSync(outputDir, { recursive: true, force: true });
});

test("an output that keeps failing is retried a few times, then reported; the others are sent once", async () => {
  const resources = await createLocalResources(emulators, config, "prod");
  const { engine } = createLocalRulesEngine(config, registry, emulators, resources, quiet);
  const record: ClassifiedRecord = {
    cluster: "prod",
    log_schema_type: "cloudtrail:events",
    record: { eventName: "ConsoleLogin", sourceIPAddress: "198.51.100.7" },
    service: "s3",
    resource: "acme-prod-cloudtrail",
    data_type: "json",
  };
  await engine.processMessages([{ messageId: "m1", body: JSON.stringify([record]) }]);

  const outputs = await createLocalOutputs(config, { outputDir, live: false, write: () => {} });
  const sns = new FailingOutput("aws-sns");
  outputs.services["aws-sns"] = sns;
  const result = await deliverAlerts({
    config,
    registry,
    publishers: buildPublisherRegistry(),
    emulators,
    resources,
    outputs,
    logger: quiet,
  });

  expect(result.undelivered).toEqual([
    {
      rule: "root_login",
      alertId: expect.any(String),
      output: "aws-sns:security-oncall",
      error: "aws-sns: HTTP 503: try later",
    },
  ]);
  // the first dispatch and three retries, then the run gives up on it
  expect(sns.attempts).toBe(4);
  expect(Object.fromEntries(result.deliveries)).toEqual({
    "aws-firehose:alerts": 1,
    "slack:security-alerts": 1,
  });
  expect(outputs.localFile.files().map((file) => [file.descriptor, file.appended])).toEqual(
    expect.arrayContaining([
      ["aws-firehose-alerts", 1],
      ["slack-security-alerts", 1],
    ]),
  );
}, 20_000);
