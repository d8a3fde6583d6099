import {
  AthenaClient,
  GetQueryExecutionCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { mockClient } from "aws-sdk-client-mock";
import { loadConfig } from "../../../functions/shared/config";
import { ALERT_COLUMNS, glueColumns } from "../../../modules/firehose/glue-columns";
import { runCli, type TempConf, tempConf } from "./run-cli";

const athena = mockClient(AthenaClient);
let conf: TempConf;
let started: number;
beforeEach(() => {
  conf = tempConf();
  athena.reset();
  started = 0;
  athena.on(StartQueryExecutionCommand).callsFake(() => ({ QueryExecutionId: `q-${++started}` }));
  athena
    .on(GetQueryExecutionCommand)
    .resolves({ QueryExecution: { Status: { State: "SUCCEEDED" } } });
});
afterEach(() => conf.remove());

const statements = () =>
  athena
    .commandCalls(StartQueryExecutionCommand)
    .map((call) => String(call.args[0].input.QueryString));

/** The column lines of a CREATE EXTERNAL TABLE statement: [name, type]. */
function ddlColumns(statement: string): Array<{ name: string; type: string }> {
  return [...statement.matchAll(/^ {2}`(\w+)` (.+?),?$/gm)].map(([, name, type]) => ({
    name,
    type,
  }));
}

test("create-table runs CREATE EXTERNAL TABLE with the Glue columns Terraform gives the log type, and waits for it", async () => {
  athena
    .on(GetQueryExecutionCommand)
    .resolvesOnce({ QueryExecution: { Status: { State: "RUNNING" } } })
    .resolves({ QueryExecution: { Status: { State: "SUCCEEDED" } } });
  const run = await runCli([
    "athena",
    "create-table",
    "--table-type",
    "data",
    "--table-name",
    "cloudtrail:events",
    "--bucket",
    "acme-archive",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(0);
  const calls = athena.commandCalls(StartQueryExecutionCommand);
  expect(calls).toHaveLength(1);
  const input = calls[0].args[0].input;
  expect(input.QueryExecutionContext).toEqual({ Database: "acme_streamalert" });
  expect(input.ResultConfiguration).toEqual({
    OutputLocation: "s3://acme-streamalert-athena-results/streamalert_cli/",
  });
  const ddl = String(input.QueryString);
  expect(ddl.split("\n")[0]).toBe("CREATE EXTERNAL TABLE `cloudtrail_events` (");
  expect(ddl).toContain("  `awsregion` string,");
  expect(ddl).toContain("  `additionaleventdata` map<string,string>,");
  const { config } = loadConfig(conf.conf);
  expect(ddlColumns(ddl)).toEqual(glueColumns(config.logs["cloudtrail:events"]));
  expect(ddl).toContain("PARTITIONED BY (`dt` string)");
  expect(ddl).toContain("ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'");
  expect(ddl.endsWith("LOCATION 's3://acme-archive/cloudtrail_events/'")).toBe(true);
  expect(athena.commandCalls(GetQueryExecutionCommand).map((call) => call.args[0].input)).toEqual([
    { QueryExecutionId: "q-1" },
    { QueryExecutionId: "q-1" },
  ]);
  expect(run.stdout).toContain("created table acme_streamalert.cloudtrail_events");
});

test("the alerts table uses the alert columns, the data bucket by default, and schema overrides", async () => {
  const run = await runCli([
    "athena",
    "create-table",
    "--table-type",
    "alerts",
    "--schema-override",
    "record=map<string,string>",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(0);
  const [ddl] = statements();
  const expected = ALERT_COLUMNS.map((column) =>
    column.name === "record" ? { ...column, type: "map<string,string>" } : column,
  );
  expect(ddlColumns(ddl)).toEqual(expected);
  expect(ddl.endsWith("LOCATION 's3://acme-streamalert-data/alerts/'")).toBe(true);
});

test("a failed query is an error with Athena's reason", async () => {
  athena.on(GetQueryExecutionCommand).resolves({
    QueryExecution: {
      Status: {
        State: "FAILED",
        StateChangeReason: "AlreadyExistsException: Table already exists",
      },
    },
  });
  const run = await runCli(["athena", "create-table", "--table-type", "alerts", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(
    "Athena query q-1 failed: AlreadyExistsException: Table already exists",
  );
});

test("an unknown log type, one not sent to Firehose, or a bad override runs no query", async () => {
  const cases: Array<[string[], string]> = [
    [["--table-name", "cloudtrail:event"], 'no log type "cloudtrail:event" in the schemas'],
    [["--table-name", "duo:authentication"], "duo:authentication is not sent to Firehose"],
    [
      ["--table-name", "cloudtrail:events", "--schema-override", "nosuchcolumn=string"],
      'cloudtrail_events has no column "nosuchcolumn"',
    ],
    [
      ["--table-name", "cloudtrail:events", "--schema-override", "awsregion"],
      "must be column_name=type",
    ],
    [[], "--table-type data needs --table-name"],
  ];
  for (const [args, message] of cases) {
    const run = await runCli(["athena", "create-table", ...args, "-c", conf.conf]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(message);
  }
  expect(athena.calls()).toHaveLength(0);
});

test("rebuild-partitions drops and recreates the table, then repairs its partitions", async () => {
  const run = await runCli([
    "athena",
    "rebuild-partitions",
    "--table",
    "osquery_differential",
    "--bucket",
    "s3://acme-streamalert-data/",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(0);
  const [drop, create, repair, ...rest] = statements();
  expect(drop).toBe("DROP TABLE IF EXISTS `osquery_differential`");
  expect(create.split("\n")[0]).toBe("CREATE EXTERNAL TABLE `osquery_differential` (");
  expect(create.endsWith("LOCATION 's3://acme-streamalert-data/osquery_differential/'")).toBe(true);
  expect(repair).toBe("MSCK REPAIR TABLE `osquery_differential`");
  expect(rest).toEqual([]);
});

test("rebuild-partitions --repair-only only repairs; a failed drop stops before anything else", async () => {
  const repair = await runCli([
    "athena",
    "rebuild-partitions",
    "-t",
    "alerts",
    "--repair-only",
    "-c",
    conf.conf,
  ]);
  expect(repair.exitCode).toBe(0);
  expect(statements()).toEqual(["MSCK REPAIR TABLE `alerts`"]);
  athena.reset();
  athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-drop" });
  athena.on(GetQueryExecutionCommand).resolves({
    QueryExecution: { Status: { State: "FAILED", StateChangeReason: "Insufficient permissions" } },
  });
  const failed = await runCli(["athena", "rebuild-partitions", "-t", "alerts", "-c", conf.conf]);
  expect(failed.exitCode).toBe(1);
  expect(failed.stderr).toContain("Athena query q-drop failed: Insufficient permissions");
  expect(statements()).toEqual(["DROP TABLE IF EXISTS `alerts`"]);
});
