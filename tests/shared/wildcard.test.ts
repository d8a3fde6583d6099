import { wildcardMatch } from "../../functions/shared/wildcard";

describe("wildcardMatch (shell patterns, case-sensitive)", () => {
  it.each([
    ["*", "", true],
    ["Describe*", "DescribeInstances", true],
    ["Describe*", "describeInstances", false],
    ["?ey", "key", true],
    ["?ey", "kkey", false],
    ["[abc]at", "bat", true],
    ["[!abc]at", "bat", false],
    ["[!abc]at", "rat", true],
    ["10.0.*.1", "10.0.55.1", true],
    ["10.0.*.1", "10x0.55.1", false],
    ["a(b)+c", "a(b)+c", true],
    ["[unclosed", "[unclosed", true],
    ["line*", "line1\nline2", true],
  ])("%j matches %j: %s", (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });
});
