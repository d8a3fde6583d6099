import {
  hasIoc,
  iocValues,
  lastHour,
  safeJsonParse,
  valuesForNormalizedType,
} from "../../../../functions/shared/rules";

describe("lastHour", () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  const nowSeconds = now / 1000;
  it.each([
    [nowSeconds - 60, 1, true],
    [nowSeconds - 3600, 1, true],
    [nowSeconds - 3601, 1, false],
    [nowSeconds - 7000, 2, true],
    [nowSeconds + 600, 1, true],
    [String(nowSeconds - 60), 1, true],
    [0, 1, false],
    [undefined, 1, false],
    ["yesterday", 1, false],
  ])("lastHour(%p, %p) is %p", (epoch, hours, expected) => {
    expect(lastHour(epoch, hours, now)).toBe(expected);
  });

  it("uses the current time by default", () => {
    expect(lastHour(Math.floor(Date.now() / 1000) - 30)).toBe(true);
  });
});

describe("safeJsonParse", () => {
  it.each([
    ['{"valid_secs": 3600}', { valid_secs: 3600 }],
    ["{not json", {}],
    ["[1, 2]", {}],
    ["null", {}],
    [undefined, {}],
    [{ already: "parsed" }, {}],
  ])("safeJsonParse(%p) is %p", (input, expected) => {
    expect(safeJsonParse(input)).toEqual(expected);
  });
});

describe("valuesForNormalizedType", () => {
  const record = {
    sourceIPAddress: "1.2.3.4",
    streamalert_normalization: {
      streamalert_record_id: "id-1",
      ip_address: [
        { function: "Source IP", values: ["1.2.3.4", "5.6.7.8"], send_to_artifacts: true },
        { function: "Dest IP", values: ["1.2.3.4", "9.9.9.9"] },
      ],
      user: [{ function: "User", values: [] }],
    },
  };
  it.each([
    ["ip_address", ["1.2.3.4", "5.6.7.8", "9.9.9.9"]],
    ["user", []],
    ["command", []],
  ])("values of %p", (type, expected) => {
    expect(valuesForNormalizedType(record, type)).toEqual(expected);
  });

  it("is empty for a record without normalization", () => {
    expect(valuesForNormalizedType({ a: 1 }, "ip_address")).toEqual([]);
  });
});

describe("threat intel accessors", () => {
  const record = { "streamalert:ioc": { ip: ["1.2.3.4"], domain: ["evil.com"] } };
  it.each([
    [record, "ip", ["1.2.3.4"], true],
    [record, "md5", [], false],
    [{}, "ip", [], false],
    [{ "streamalert:ioc": "junk" }, "ip", [], false],
  ])("iocValues/hasIoc on %p for %p", (rec, type, values, present) => {
    expect(iocValues(rec, type)).toEqual(values);
    expect(hasIoc(rec, type)).toBe(present);
  });

  it("hasIoc without a type is true for any match", () => {
    expect(hasIoc(record)).toBe(true);
    expect(hasIoc({ "streamalert:ioc": {} })).toBe(false);
    expect(hasIoc({})).toBe(false);
  });
});
