import { logTypesForResource, parseConfig } from "../../../functions/shared/config";
import { validFiles, withValue } from "./config-fixtures";

function configWith(entries: string[], extraSchemas: Record<string, unknown> = {}) {
  let files = withValue(
    validFiles(),
    "clusters/prod.json",
    ["data_sources", "kinesis", "acme_prod_streamalert"],
    entries,
  );
  for (const [file, raw] of Object.entries(extraSchemas)) files = withValue(files, file, [], raw);
  return parseConfig(files).config;
}

const kv = (priority?: number) => ({
  parser: "kv",
  schema: { a: "string" },
  ...(priority === undefined ? {} : { configuration: { priority } }),
});

describe("logTypesForResource", () => {
  it("expands a family to every log type of it, in file and declaration order", () => {
    const config = configWith(["cloudwatch"]);

    expect(logTypesForResource(config, "prod", "kinesis", "acme_prod_streamalert")).toEqual([
      "cloudwatch:events",
      "cloudwatch:flow_logs",
    ]);
  });

  it("keeps a single log type to itself (StreamAlert matched nothing here)", () => {
    const config = configWith(["cloudwatch:flow_logs"]);

    expect(logTypesForResource(config, "prod", "kinesis", "acme_prod_streamalert")).toEqual([
      "cloudwatch:flow_logs",
    ]);
  });

  it("includes a schema named exactly like the family", () => {
    const config = configWith(["ghe"], { "schemas/ghe.json": { "ghe:general": kv(), ghe: kv() } });

    expect(logTypesForResource(config, "prod", "kinesis", "acme_prod_streamalert")).toEqual([
      "ghe:general",
      "ghe",
    ]);
  });

  it("puts lower priority first and unprioritized schemas after every prioritized one", () => {
    const config = configWith(["app"], {
      "schemas/app.json": {
        "app:plain": kv(),
        "app:second": kv(5),
        "app:first": kv(0),
        "app:also_plain": kv(),
      },
    });

    expect(logTypesForResource(config, "prod", "kinesis", "acme_prod_streamalert")).toEqual([
      "app:first",
      "app:second",
      "app:plain",
      "app:also_plain",
    ]);
  });

  it("lists a type named both by its family and by itself once", () => {
    const config = configWith(["osquery", "osquery:snapshot"]);

    expect(logTypesForResource(config, "prod", "kinesis", "acme_prod_streamalert")).toEqual([
      "osquery:snapshot",
      "osquery:differential",
    ]);
  });

  it("hands out a fresh list each time", () => {
    const config = configWith(["osquery"]);
    const first = logTypesForResource(config, "prod", "kinesis", "acme_prod_streamalert");
    first?.reverse();

    expect(logTypesForResource(config, "prod", "kinesis", "acme_prod_streamalert")).toEqual([
      "osquery:snapshot",
      "osquery:differential",
    ]);
  });

  it.each([
    ["an unknown cluster", "staging", "kinesis", "acme_prod_streamalert"],
    ["a service the cluster does not use", "prod", "sns", "acme_prod_streamalert"],
    ["an unknown resource", "prod", "kinesis", "other_stream"],
    ["a name inherited from Object.prototype", "prod", "kinesis", "constructor"],
  ] as const)("returns undefined for %s", (_description, cluster, service, resource) => {
    const config = configWith(["osquery"]);

    expect(logTypesForResource(config, cluster, service, resource)).toBeUndefined();
  });
});
