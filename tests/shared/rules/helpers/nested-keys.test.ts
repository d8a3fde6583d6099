import { getFirstKey, getKeys } from "../../../../functions/shared/rules";

const record = {
  path: "ABC",
  details: { parent: { path: "DEF" } },
  events: [{ path: "GHI" }, [{ path: "JKL" }]],
  streamalert_normalization: { path: [{ values: ["NORMALIZED"] }] },
};

describe("getKeys", () => {
  it("finds a key at every depth, in objects and lists, shallowest first", () => {
    expect(getKeys(record, "path")).toEqual(["ABC", "DEF", "GHI", "JKL"]);
  });

  it("never looks inside the normalization subtree", () => {
    expect(getKeys(record, "values")).toEqual([]);
  });

  it.each([
    [1, ["ABC"]],
    [2, ["ABC", "DEF"]],
    [0, ["ABC", "DEF", "GHI", "JKL"]],
    [-1, ["ABC", "DEF", "GHI", "JKL"]],
  ])("stops after maxMatches=%p", (maxMatches, expected) => {
    expect(getKeys(record, "path", maxMatches)).toEqual(expected);
  });

  it("returns container values as they are", () => {
    expect(getKeys(record, "parent")).toEqual([{ path: "DEF" }]);
  });

  it.each([null, "text", 42])("returns nothing for a non-container %p", (data) => {
    expect(getKeys(data, "path")).toEqual([]);
  });

  it("searches a top-level list", () => {
    expect(getKeys([{ a: 1 }, { b: { a: 2 } }], "a")).toEqual([1, 2]);
  });
});

describe("getFirstKey", () => {
  it.each([
    ["path", undefined, "ABC"],
    ["missing", undefined, undefined],
    ["missing", "fallback", "fallback"],
  ])("getFirstKey(record, %p, %p) is %p", (key, fallback, expected) => {
    expect(getFirstKey(record, key, fallback)).toBe(expected);
  });

  it("returns a falsy value that is present rather than the default", () => {
    expect(getFirstKey({ a: { enabled: false } }, "enabled", true)).toBe(false);
  });
});
