import {
  dataHasValue,
  dataHasValueFromList,
  dataHasValueFromSubstringList,
  dataHasValueWithSubstring,
} from "../../../../functions/shared/rules";

const acl = {
  bucketName: "photos",
  AccessControlPolicy: {
    AccessControlList: {
      Grant: [
        { Grantee: { ID: "owner" }, Permission: "FULL_CONTROL" },
        { Grantee: { URI: "http://acs.amazonaws.com/groups/global/AllUsers" }, Permission: "READ" },
      ],
    },
  },
  count: 3,
  flags: [true, null],
};

describe("dataHasValue", () => {
  it.each([
    ["READ", true],
    ["photos", true],
    [3, true],
    [true, true],
    [null, true],
    ["RE", false],
    ["bucketName", false],
    ["3", false],
  ])("finds %p: %p", (value, expected) => {
    expect(dataHasValue(acl, value)).toBe(expected);
  });
});

describe("dataHasValueWithSubstring", () => {
  it.each([
    ["AllUsers", true],
    ["FULL_", true],
    ["Grantee", false],
    ["3", false],
  ])("substring %p: %p", (substring, expected) => {
    expect(dataHasValueWithSubstring(acl, substring)).toBe(expected);
  });
});

describe("dataHasValueFromList", () => {
  it.each([
    [["READ"], true],
    [["*AllUsers"], true],
    [["WRITE", "phot?s"], true],
    [["AllUsers"], false],
    [[], false],
  ])("patterns %p: %p", (patterns, expected) => {
    expect(dataHasValueFromList(acl, patterns)).toBe(expected);
  });
});

describe("dataHasValueFromSubstringList", () => {
  it.each([
    [["AllUsers", "AuthenticatedUsers"], true],
    [["AuthenticatedUsers"], false],
    [["FULL"], true],
    [[], false],
  ])("substrings %p: %p", (substrings, expected) => {
    expect(dataHasValueFromSubstringList(acl, substrings)).toBe(expected);
  });

  it("ignores numbers and empty strings instead of throwing", () => {
    expect(dataHasValueFromSubstringList({ n: 12, s: "" }, ["1", ""])).toBe(false);
  });
});
