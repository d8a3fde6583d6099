import { deterministicAlertId } from "../../../functions/shared/alert";
import type { ClassifiedRecord } from "../../../functions/shared/classified-record";

const origin = (record: Record<string, unknown>, overrides: Partial<ClassifiedRecord> = {}) => ({
  cluster: "prod",
  service: "kinesis" as const,
  resource: "stream",
  log_schema_type: "cloudtrail:events",
  record,
  ...overrides,
});

describe("deterministicAlertId", () => {
  const base = deterministicAlertId("root_login", origin({ a: 1, b: { c: [1, 2] } }));

  it("is UUID-shaped", () => {
    expect(base).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("ignores the order of top-level keys and the pipeline's random and derived keys", () => {
    const redelivered = origin({
      b: { c: [1, 2] },
      a: 1,
      streamalert_normalization: { streamalert_record_id: "another-random-id", ip: [] },
      "streamalert:ioc": { ip: ["1.2.3.4"] },
    });
    expect(deterministicAlertId("root_login", redelivered)).toBe(base);
  });

  it.each([
    ["another rule", "other_rule", origin({ a: 1, b: { c: [1, 2] } }), 0],
    ["another record", "root_login", origin({ a: 2, b: { c: [1, 2] } }), 0],
    ["list order", "root_login", origin({ a: 1, b: { c: [2, 1] } }), 0],
    ["another cluster", "root_login", origin({ a: 1, b: { c: [1, 2] } }, { cluster: "dev" }), 0],
    ["another resource", "root_login", origin({ a: 1, b: { c: [1, 2] } }, { resource: "s" }), 0],
    ["another service", "root_login", origin({ a: 1, b: { c: [1, 2] } }, { service: "sns" }), 0],
    ["second identical record", "root_login", origin({ a: 1, b: { c: [1, 2] } }), 1],
  ])("changes with %s", (_case, rule, from, occurrence) => {
    expect(deterministicAlertId(rule, from, occurrence)).not.toBe(base);
  });

  it("counts a __proto__ key parsed from JSON as data", () => {
    const withProto = JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as Record<string, unknown>;
    const withoutProto = JSON.parse('{"a": 1}') as Record<string, unknown>;
    expect(deterministicAlertId("r", origin(withProto))).not.toBe(
      deterministicAlertId("r", origin(withoutProto)),
    );
  });
});
