import { readFileSync } from "node:fs";
import {
  discoverQueryFiles,
  generateQueryIndexSource,
  queryLocations,
} from "../../functions/scheduled_queries/discover";
import {
  BUILT_IN_PARAMETERS,
  renderQuery,
  templateParameters,
} from "../../functions/scheduled_queries/query-parameters";
import { buildQueryRegistry } from "../../functions/scheduled_queries/query-registry";
import type { QueryModule } from "../../functions/scheduled_queries/scheduled-query";

const RUN_TIME = new Date("2024-03-05T07:30:15Z");

describe("query parameters", () => {
  it.each([
    ["utcdatehour", "2024-03-05-07"],
    ["utcdatehour_minus1hour", "2024-03-05-06"],
    ["utcdatehour_minus2hour", "2024-03-05-05"],
    ["utcdatehour_minus1day", "2024-03-04-07"],
    ["utcdatehour_minus2day", "2024-03-03-07"],
    ["utcdatehour_minus7day", "2024-02-27-07"],
    ["utctimestamp", "1709623815"],
    ["utctimestamp_minus1hour", "1709620215"],
    ["utcisotime", "2024-03-05T07:30:15Z"],
  ])("{%s} at 2024-03-05T07:30:15Z is %s", (name, value) => {
    expect(renderQuery("q", `{${name}}`, RUN_TIME)).toBe(value);
  });

  it("crosses midnight and month ends in UTC", () => {
    expect(renderQuery("q", "{utcdatehour_minus1hour}", new Date("2024-03-01T00:10:00Z"))).toBe(
      "2024-02-29-23",
    );
  });

  it("fills custom parameters and keeps {{ }} as literal braces", () => {
    expect(
      renderQuery(
        "q",
        "SELECT '{{\"a\": 1}}' WHERE dt = '{utcdatehour}' AND x = {region}",
        RUN_TIME,
        {
          region: () => "'us-east-1'",
        },
      ),
    ).toBe("SELECT '{\"a\": 1}' WHERE dt = '2024-03-05-07' AND x = 'us-east-1'");
  });

  it("names an unknown parameter and the known ones", () => {
    expect(() => renderQuery("my_query", "dt = '{utcdatehour_minus3hour}'", RUN_TIME)).toThrow(
      /"my_query": unknown parameter \{utcdatehour_minus3hour\}; use one of utcdatehour,/,
    );
  });

  it("lists a template's parameters once each", () => {
    expect(templateParameters("{utcdatehour} {{x}} {utcdatehour} {utctimestamp}")).toEqual([
      "utcdatehour",
      "utctimestamp",
    ]);
  });
});

const moduleOf = (file: string, value: unknown): QueryModule => ({
  file,
  exports: { default: value },
});
const valid = { name: "q1", description: "d", tags: ["hourly"], query: "SELECT 1" };

describe("buildQueryRegistry", () => {
  it.each([
    ["no default export", { file: "a.ts", exports: {} }, /a\.ts: no default export/],
    ["a name with spaces", moduleOf("a.ts", { ...valid, name: "my query" }), /name must be/],
    ["no tags", moduleOf("a.ts", { ...valid, tags: [] }), /"q1": tags must list at least one pack/],
    ["an empty query", moduleOf("a.ts", { ...valid, query: " " }), /query must be a non-empty/],
    [
      "an unknown parameter",
      moduleOf("a.ts", { ...valid, query: "dt = '{yesterday}'" }),
      /unknown parameter \{yesterday\}/,
    ],
  ])("rejects %s, naming the file", (_, module, message) => {
    expect(() => buildQueryRegistry([module as QueryModule])).toThrow(message);
  });

  it("rejects a name used twice, naming both files", () => {
    expect(() => buildQueryRegistry([moduleOf("a.ts", valid), moduleOf("b.ts", [valid])])).toThrow(
      'b.ts: scheduled query name "q1" is already used in a.ts',
    );
  });

  it("selects a pack's queries by tag", () => {
    const registry = buildQueryRegistry([
      moduleOf("a.ts", [valid, { ...valid, name: "q2", tags: ["daily", "hourly"] }]),
      moduleOf("b.ts", { ...valid, name: "q3", tags: ["daily"] }),
    ]);
    expect(registry.forPack("hourly").map((q) => q.name)).toEqual(["q1", "q2"]);
    expect(registry.forPack("daily").map((q) => q.name)).toEqual(["q2", "q3"]);
    expect(registry.forPack("weekly")).toEqual([]);
  });
});

describe("the example queries", () => {
  const files = discoverQueryFiles(queryLocations(readFileSync("conf/global.json", "utf8")), ".");
  const modules: QueryModule[] = files.map((file) => ({
    file,
    exports: require(`../../${file}`) as Record<string, unknown>,
  }));
  const packs = Object.keys(
    (JSON.parse(readFileSync("conf/scheduled_queries.json", "utf8")) as { packs: object }).packs,
  );

  it("are found under conf/global.json's scheduled_query_locations and are valid", () => {
    expect(files).toEqual([
      "scheduled_queries/alerts_per_rule_daily.ts",
      "scheduled_queries/athena_queries_started.ts",
    ]);
    const registry = buildQueryRegistry(modules);
    for (const query of registry.all) {
      expect(packs.filter((pack) => query.tags.includes(pack))).not.toEqual([]);
      expect(() => renderQuery(query.name, query.query, RUN_TIME, query.params)).not.toThrow();
    }
  });

  it("are what the generated index imports", () => {
    const source = generateQueryIndexSource(files);
    expect(source).toContain(
      'import * as query0 from "./scheduled_queries/alerts_per_rule_daily";',
    );
    expect(source).toContain(
      '{ file: "scheduled_queries/athena_queries_started.ts", exports: query1 },',
    );
  });
});

describe("queryLocations", () => {
  it.each([
    [undefined, ["scheduled_queries"]],
    [JSON.stringify({ general: {} }), ["scheduled_queries"]],
    [JSON.stringify({ general: { scheduled_query_locations: ["a", "b/c"] } }), ["a", "b/c"]],
  ])("global.json %s → %j", (text, locations) => {
    expect(queryLocations(text)).toEqual(locations);
  });

  it("built-in parameters cover StreamAlert's set", () => {
    expect(Object.keys(BUILT_IN_PARAMETERS).sort()).toEqual([
      "utcdatehour",
      "utcdatehour_minus1day",
      "utcdatehour_minus1hour",
      "utcdatehour_minus2day",
      "utcdatehour_minus2hour",
      "utcdatehour_minus7day",
      "utcisotime",
      "utctimestamp",
      "utctimestamp_minus1hour",
    ]);
  });
});
