import { isPolicyPublic } from "../../../../functions/shared/rules";

const allow = (statement: Record<string, unknown>) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", ...statement }],
});

describe("isPolicyPublic", () => {
  it.each([
    ["Principal *", allow({ Principal: "*" }), true],
    ["AWS *", allow({ Principal: { AWS: "*" } }), true],
    ["AWS [*]", allow({ Principal: { AWS: ["arn:aws:iam::111122223333:root", "*"] } }), true],
    ["an account", allow({ Principal: { AWS: "arn:aws:iam::111122223333:root" } }), false],
    ["a service", allow({ Principal: { Service: "cloudtrail.amazonaws.com" } }), false],
    ["Deny *", { Statement: [{ Effect: "Deny", Principal: "*", Action: "*" }] }, false],
    ["NotPrincipal", allow({ NotPrincipal: { AWS: "arn:aws:iam::1:root" } }), true],
    [
      "source IP restricted",
      allow({ Principal: "*", Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } } }),
      false,
    ],
    [
      "source IP anywhere",
      allow({ Principal: "*", Condition: { IpAddress: { "aws:SourceIp": ["0.0.0.0/0"] } } }),
      true,
    ],
    [
      "org restricted (key case-insensitive)",
      allow({ Principal: "*", Condition: { StringEquals: { "aws:principalorgid": "o-abc" } } }),
      false,
    ],
    [
      "negated condition",
      allow({ Principal: "*", Condition: { StringNotEquals: { "aws:SourceAccount": "1" } } }),
      true,
    ],
    [
      "unrelated condition",
      allow({ Principal: "*", Condition: { Bool: { "aws:SecureTransport": "true" } } }),
      true,
    ],
    [
      "single statement object",
      { Statement: { Effect: "Allow", Principal: "*", Action: "sqs:SendMessage" } },
      true,
    ],
  ])("%s → %p", (_name, policy, expected) => {
    expect(isPolicyPublic(policy)).toBe(expected);
    expect(isPolicyPublic(JSON.stringify(policy))).toBe(expected);
  });

  it.each(["", "{oops", null, 7, { Statement: "x" }])("is false for %p", (policy) => {
    expect(isPolicyPublic(policy)).toBe(false);
  });
});
