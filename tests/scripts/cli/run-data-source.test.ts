// How `streamalert run` tells the data source of an input file (docs/local-pipeline.md).
import type { ClusterConfig } from "../../../functions/shared/config/types";
import { explicitSource, inferSource } from "../../../scripts/cli/run/data-source";

const cluster = {
  name: "prod",
  data_sources: {
    kinesis: { acme_prod_streamalert: ["osquery"] },
    s3: { "acme-prod-cloudtrail": ["cloudtrail"], shared: ["vpc_flow_logs"] },
    sns: { shared: ["binaryalert"] },
  },
} as unknown as ClusterConfig;

describe("inferSource", () => {
  it.each([
    [
      "samples/s3/acme-prod-cloudtrail/AWSLogs/1/CloudTrail/x.json.gz",
      { service: "s3", resource: "acme-prod-cloudtrail", key: "AWSLogs/1/CloudTrail/x.json.gz" },
    ],
    [
      "/home/me/logs/kinesis/acme_prod_streamalert/a.jsonl",
      { service: "kinesis", resource: "acme_prod_streamalert", key: "a.jsonl" },
    ],
    // the pair nearest to the file wins
    ["sns/shared/s3/shared/flows.log", { service: "s3", resource: "shared", key: "flows.log" }],
    // a folder named after a resource only one service has
    [
      "dumps/acme-prod-cloudtrail/2026/trail.json",
      { service: "s3", resource: "acme-prod-cloudtrail", key: "2026/trail.json" },
    ],
  ])("%s", (path, expected) => {
    expect(inferSource(cluster, path)).toEqual(expected);
  });

  it("refuses a folder named after a resource of two services, saying what to do", () => {
    expect(inferSource(cluster, "dumps/shared/x.log")).toBe(
      "cannot tell which data source dumps/shared/x.log comes from: put it under " +
        "<service>/<resource>/ (cluster prod reads kinesis/acme_prod_streamalert, " +
        "s3/acme-prod-cloudtrail, s3/shared, sns/shared) or pass --service and --source",
    );
  });

  it("needs no folder when the cluster has a single data source", () => {
    const single = { name: "solo", data_sources: { sns: { alerts: ["binaryalert"] } } };
    expect(inferSource(single as unknown as ClusterConfig, "x.json")).toEqual({
      service: "sns",
      resource: "alerts",
      key: "x.json",
    });
  });
});

describe("explicitSource", () => {
  it("completes --service from an unambiguous --source, and the reverse", () => {
    expect(explicitSource(cluster, undefined, "acme_prod_streamalert")).toEqual({
      service: "kinesis",
      resource: "acme_prod_streamalert",
    });
    expect(explicitSource(cluster, "kinesis", undefined)).toEqual({
      service: "kinesis",
      resource: "acme_prod_streamalert",
    });
  });

  it.each([
    ["lambda", "x", '--service must be one of kinesis, s3, sns, streamalert_app, got "lambda"'],
    [undefined, "shared", "--service is ambiguous: s3/shared, sns/shared match"],
    ["s3", undefined, "--source is ambiguous: s3/acme-prod-cloudtrail, s3/shared match"],
    [
      "sns",
      "acme-prod-cloudtrail",
      "sns/acme-prod-cloudtrail is not a data source of cluster prod",
    ],
  ])("--service %s --source %s: %s", (service, source, message) => {
    expect(explicitSource(cluster, service, source)).toContain(message);
  });
});
