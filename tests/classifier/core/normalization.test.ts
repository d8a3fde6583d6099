// SPEC §3.5: v2 normalization from the schema (incl. conditions) and legacy normalized_types.json.
import { NORMALIZATION_KEY } from "../../../functions/shared/classified-record";
import type {
  NormalizationConfig,
  NormalizedTypesConfig,
} from "../../../functions/shared/config/types";
import { type ConfigSpec, recordsOf } from "./config-factory";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const event = {
  account: "123",
  detail: {
    sourceIPAddress: "1.2.3.4",
    userIdentity: { type: "Root", userName: "" },
    ips: ["5.6.7.8", "9.9.9.9"],
    port: 0,
  },
  region: "us-east-1",
};
const schema = { account: "string", detail: {}, region: "string" } as const;

function normalize(
  normalization?: NormalizationConfig,
  normalizedTypes?: NormalizedTypesConfig,
  log = "cloudtrail:events",
) {
  const records = recordsOf(
    {
      logs: { [log]: { schema: { ...schema }, configuration: { normalization } } },
      normalizedTypes,
    },
    JSON.stringify(event),
  );
  return records?.[0][NORMALIZATION_KEY] as Record<string, unknown> | undefined;
}

describe("normalization v2", () => {
  it("takes a list of keys as one path (StreamAlert's short form, also when not canonicalized)", () => {
    const shortForm = {
      ip_address: ["detail", "sourceIPAddress"],
    } as unknown as NormalizationConfig;
    expect(normalize(shortForm)).toEqual({
      ip_address: [{ function: null, values: ["1.2.3.4"] }],
      streamalert_record_id: expect.stringMatching(UUID),
    });
  });

  it("keeps functions, lists and the send_to_artifacts opt-out of each entry", () => {
    const normalization: NormalizationConfig = {
      ip_address: [
        { path: ["detail", "sourceIPAddress"], function: "source ip" },
        { path: ["detail", "ips"], function: "listed ips", send_to_artifacts: false },
      ],
      region: [{ path: ["region"], send_to_artifacts: true }],
    };
    expect(normalize(normalization)).toEqual({
      ip_address: [
        { function: "source ip", values: ["1.2.3.4"] },
        { function: "listed ips", values: ["5.6.7.8", "9.9.9.9"], send_to_artifacts: false },
      ],
      region: [{ function: null, values: ["us-east-1"] }],
      streamalert_record_id: expect.stringMatching(UUID),
    });
  });

  it("finds each value of paths that share their first keys, whatever the others hold", () => {
    const normalization: NormalizationConfig = {
      detail: [["detail"]],
      ip_address: [
        ["detail", "sourceIPAddress"],
        ["detail", "ips"],
        ["detail", "nothing"],
      ],
      user: [
        ["detail", "userIdentity", "type"],
        ["detail", "userIdentity", "userName"],
        ["detail", "port", "deeper"],
        ["detail", "type"],
        ["region", "x"],
        ["region"],
      ],
    };
    expect(normalize(normalization)).toEqual({
      detail: [{ function: null, values: [expect.any(String)] }],
      ip_address: [
        { function: null, values: ["1.2.3.4"] },
        { function: null, values: ["5.6.7.8", "9.9.9.9"] },
      ],
      user: [
        { function: null, values: ["Root"] },
        { function: null, values: ["us-east-1"] },
      ],
      streamalert_record_id: expect.stringMatching(UUID),
    });
  });

  it.each([
    ["a missing step", ["detail", "nothing", "deeper"]],
    ["a falsy value (empty string)", ["detail", "userIdentity", "userName"]],
    ["a falsy value (0)", ["detail", "port"]],
    ["a step through a non-object", ["region", "x"]],
    ["a key only Object.prototype has", ["detail", "constructor"]],
    ["a key only Object.prototype has, first", ["toString"]],
    ["the prototype key", ["__proto__"]],
  ])("leaves the key off entirely when nothing is found: %s", (_case, path) => {
    expect(normalize({ user: [{ path }] })).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ["is (compared lower-cased)", { is: "root" }, true],
    ["is, not equal", { is: "iamuser" }, false],
    ["is_not", { is_not: "iamuser" }, true],
    ["in", { in: ["root", "assumedrole"] }, true],
    ["not_in", { not_in: ["root"] }, false],
    ["contains", { contains: "oo" }, true],
    ["not_contains", { not_contains: "oo" }, false],
  ])("applies a condition: %s → %s", (_case, operator, applies) => {
    const normalization: NormalizationConfig = {
      user: [
        { path: ["account"], condition: { path: ["detail", "userIdentity", "type"], ...operator } },
      ],
    };
    expect(normalize(normalization) !== undefined).toBe(applies);
  });

  it("finds a record's own key that Object.prototype also has", () => {
    const records = recordsOf(
      {
        logs: {
          "app:log": {
            schema: JSON.parse('{"constructor": "string", "valueOf": {}}'),
            configuration: {
              normalization: { user: [["constructor"]], ip: [["valueOf", "toString"]] },
            },
          },
        },
      },
      '{"constructor": "alice", "valueOf": {"toString": "1.2.3.4"}}',
    );
    expect(records?.[0][NORMALIZATION_KEY]).toEqual({
      user: [{ function: null, values: ["alice"] }],
      ip: [{ function: null, values: ["1.2.3.4"] }],
      streamalert_record_id: expect.stringMatching(UUID),
    });
  });

  it("treats a condition on a missing path as not met", () => {
    const normalization: NormalizationConfig = {
      user: [{ path: ["account"], condition: { path: ["nope"], is: "x" } }],
    };
    expect(normalize(normalization)).toBeUndefined();
  });
});

describe("legacy normalized_types.json", () => {
  it("finds the named keys at any depth, for every log type of the family", () => {
    const types: NormalizedTypesConfig = {
      cloudtrail: { ipAddress: ["sourceIPAddress"], region: ["region", "awsRegion"] },
    };
    expect(normalize(undefined, types)).toEqual({
      ipAddress: [{ function: null, values: ["1.2.3.4"] }],
      region: [{ function: null, values: ["us-east-1"] }],
      streamalert_record_id: expect.stringMatching(UUID),
    });
  });

  it("is combined with v2 normalization of the schema", () => {
    const types: NormalizedTypesConfig = { cloudtrail: { userType: ["type"] } };
    expect(normalize({ region: [{ path: ["region"] }] }, types)).toEqual({
      region: [{ function: null, values: ["us-east-1"] }],
      userType: [{ function: null, values: ["Root"] }],
      streamalert_record_id: expect.stringMatching(UUID),
    });
  });

  it("does not apply to other families", () => {
    expect(normalize(undefined, { osquery: { ipAddress: ["sourceIPAddress"] } })).toBeUndefined();
  });

  it("gives every record its own id", () => {
    const spec: ConfigSpec = {
      logs: {
        "c:x": {
          schema: { ip: "string" },
          configuration: { json_path: "r[*]", normalization: { ip: [{ path: ["ip"] }] } },
        },
      },
    };
    const records = recordsOf(spec, '{"r": [{"ip": "1.1.1.1"}, {"ip": "2.2.2.2"}]}')!;
    const ids = records.map(
      (r) => (r[NORMALIZATION_KEY] as { streamalert_record_id: string }).streamalert_record_id,
    );
    expect(new Set(ids).size).toBe(2);
  });
});
