// What each app type sends classifies with the shipped schemas: a vendor stand-in answers with
// the schema library's samples for the type's log type, the app runs end to end (mocked SSM and
// Lambda), and every payload the classifier would receive goes through the classifier core with
// the example conf/ (plus a data source per app, as `streamalert app new` adds it).
import { join } from "node:path";
import { runApp } from "../../functions/apps/app-runner";
import { APP_TYPES } from "../../functions/apps/types";
import { createClassifier } from "../../functions/classifier/classifier";
import { appPayloadRecords } from "../../functions/classifier/inputs/app-payload";
import { loadConfig } from "../../functions/shared/config";
import { appType } from "../../scripts/cli/app/app-types";
import { readSamples } from "../schemas/schema-library";
import { encryptedPrivatePem, type LocalServer, rsaKeys, startLocalServer } from "./app-test-kit";
import { CLASSIFIER, createAwsFake, runInput } from "./runner-kit";

const CLUSTER = "prod";
const functionName = (type: string) => `acme_${CLUSTER}_${type}_app`;
const samples = Object.values(readSamples()).flat();
const { config } = loadConfig(join(__dirname, "..", "..", "conf"));

/** log type of each app type, as the CLI registers its data source */
const logTypeOf = (type: string) => appType(type)?.logType ?? "";
const classifiedTypes = Object.keys(APP_TYPES).filter((type) => logTypeOf(type) in config.logs);
const appSources = config.clusters[CLUSTER].data_sources;
appSources.streamalert_app = {
  ...appSources.streamalert_app,
  ...Object.fromEntries(classifiedTypes.map((type) => [functionName(type), [logTypeOf(type)]])),
};
const classifier = createClassifier(config, CLUSTER);

const samplesOf = (logType: string) =>
  samples.filter((sample) => sample.log === logType).map((sample) => sample.data);

const AUTH: Record<string, Record<string, unknown>> = {
  duo: { api_hostname: "api-1a2b3c4d.duosecurity.com", integration_key: "DI", secret_key: "s" },
  onelogin: { region: "us", client_id: "c", client_secret: "s" },
  gsuite: {
    keyfile: { client_email: "a@b.iam.gserviceaccount.com", private_key: rsaKeys().privatePem },
    delegation_email: "admin@acme.example",
  },
  box: {
    keyfile: {
      boxAppSettings: {
        clientID: "c",
        clientSecret: "s",
        appAuth: { publicKeyID: "k", privateKey: encryptedPrivatePem("p"), passphrase: "p" },
      },
      enterpriseID: "1",
    },
  },
  salesforce: {
    client_id: "c",
    client_secret: "s",
    username: "u@acme.example",
    password: "p",
    security_token: "t",
  },
  slack: { auth_token: "xoxp-1" },
  aliyun: { access_key_id: "k", access_key_secret: "s", region_id: "cn-hangzhou" },
  intercom: { token: "dG9rOjEyMw==" },
};

/** Answers every vendor's request with the records, in each vendor's own list key. */
function universalVendor(url: () => string, records: unknown[]) {
  return (request: { path: string }) => {
    if (/^(\/token|.*\/oauth2(\/v2)?\/token)$/.test(request.path))
      return { json: { access_token: "tok", instance_url: url() } };
    if (request.path === "/services/data/") return { json: [{ version: "61.0" }] };
    if (request.path.endsWith("/query")) {
      return {
        json: {
          done: true,
          records: [{ LogFile: "/log-file", CreatedDate: "2026-11-28T03:00:00.000+0000" }],
        },
      };
    }
    if (request.path === "/log-file")
      return { text: ["HEADER", ...(records as string[])].join("\n") };
    return {
      json: {
        stat: "OK",
        ok: true,
        response: records,
        logins: records,
        logs: records,
        data: records,
        items: records,
        entries: records,
        Events: records,
        activity_logs: records,
        chunk_size: records.length,
        paging: { page: 1, pages: 1 },
        pagination: { next_link: null },
      },
    };
  };
}

describe("app logs classify with the shipped schemas", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("covers every app type whose log type has a schema", () => {
    expect(classifiedTypes).toEqual(Object.keys(APP_TYPES));
  });

  it.each(classifiedTypes)("%s", async (type) => {
    const logType = logTypeOf(type);
    const records = samplesOf(logType);
    expect(records.length).toBeGreaterThan(0);
    server = await startLocalServer(universalVendor(() => server?.url ?? "", records));
    const aws = createAwsFake(functionName(type), type);
    aws.setAuth(AUTH[type.split("_")[0]]);
    const epochCursor = /^(slack|duo|intercom)/.test(type);
    aws.setState({
      last_timestamp: epochCursor ? 0 : "2026-11-27T00:00:00Z",
      current_state: "succeeded",
    });

    try {
      await runApp(
        runInput({ functionName: functionName(type), appType: type }),
        aws.deps({ http: { endpointOverride: server.url, baseDelayMs: 1, maxDelayMs: 2 } }),
      );
    } finally {
      aws.restore();
    }

    const payloads = aws.invocations.filter((call) => call.functionName === CLASSIFIER);
    const outcomes = payloads.flatMap((call) =>
      [...appPayloadRecords(JSON.parse(call.payload))].map((item) =>
        item.kind === "record" ? classifier.classify(item.raw) : undefined,
      ),
    );
    expect(outcomes).toHaveLength(records.length);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({
        ok: true,
        records: [expect.objectContaining({ log_schema_type: logType })],
      });
    }
  });
});
