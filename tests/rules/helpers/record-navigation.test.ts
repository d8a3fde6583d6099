import { accountIdOf } from "../../../rules/helpers/aws-accounts";
import { actorOf, cloudWatchCloudTrailEvent } from "../../../rules/helpers/cloudtrail";
import { flowLogFields } from "../../../rules/helpers/flow-log";
import { isExternalEmail, parameter } from "../../../rules/helpers/gsuite";
import { listAt, objectAt } from "../../../rules/helpers/nested";

describe("objectAt / listAt", () => {
  const data = { a: { b: { c: 1 }, list: [1, 2], nil: null } };
  it.each([
    [["a", "b"], { c: 1 }],
    [["a", "missing"], {}],
    [["a", "nil"], {}],
    [["a", "list"], {}],
    [["a", "b", "c"], {}],
  ])("objectAt(data, %p) is %p", (path, expected) => {
    expect(objectAt(data, ...path)).toEqual(expected);
  });
  it.each([
    [
      ["a", "list"],
      [1, 2],
    ],
    [["a", "b"], []],
    [["x", "y"], []],
  ])("listAt(data, %p) is %p", (path, expected) => {
    expect(listAt(data, ...path)).toEqual(expected);
  });
});

describe("CloudTrail accessors", () => {
  it.each([
    [{ userName: "alice", type: "IAMUser" }, "alice"],
    [{ type: "AssumedRole", sessionContext: { sessionIssuer: { userName: "Admin" } } }, "Admin"],
    [{ type: "Root", arn: "arn:aws:iam::1:root" }, "arn:aws:iam::1:root"],
    [undefined, "unknown principal"],
  ])("actorOf(%p) is %p", (userIdentity, expected) => {
    expect(actorOf({ userIdentity })).toBe(expected);
  });

  it("reads the detail of a CloudWatch event, or nothing", () => {
    expect(cloudWatchCloudTrailEvent({ detail: { eventName: "X" } }).eventName).toBe("X");
    expect(cloudWatchCloudTrailEvent({ detail: "oops" })).toEqual({});
  });

  it.each([
    ["arn:aws:iam::999988887777:root", "999988887777"],
    ["999988887777", "999988887777"],
    ["arn:aws:iam::999988887777:role/x", "999988887777"],
    ["*", undefined],
    [42, undefined],
  ])("accountIdOf(%p) is %p", (principal, expected) => {
    expect(accountIdOf(principal)).toBe(expected);
  });
});

describe("Google Workspace accessors", () => {
  const event = {
    name: "change_user_access",
    parameters: [
      { name: "target_user", value: "x@gmail.com" },
      { name: "primary_event", boolValue: false },
      { name: "ids", multiValue: ["a", "b"] },
    ],
  };
  it.each([
    ["target_user", "x@gmail.com"],
    ["primary_event", false],
    ["ids", ["a", "b"]],
    ["missing", undefined],
  ])("parameter(%p) is %p", (name, expected) => {
    expect(parameter(event, name)).toEqual(expected);
  });
  it.each([
    ["someone@gmail.com", true],
    ["bob@ACME.example", false],
    ["not-an-email", false],
    [undefined, false],
  ])("isExternalEmail(%p) is %p", (email, expected) => {
    expect(isExternalEmail(email)).toBe(expected);
  });
});

describe("flowLogFields", () => {
  it("reads CloudWatch and S3 flow log names alike", () => {
    const cloudwatch = {
      source: "1.2.3.4",
      destination: "10.0.0.1",
      destport: "22",
      eni: "eni-1",
      action: "ACCEPT",
    };
    const s3 = {
      srcaddr: "1.2.3.4",
      dstaddr: "10.0.0.1",
      dstport: 22,
      interface_id: "eni-1",
      action: "ACCEPT",
    };
    expect(flowLogFields(cloudwatch)).toEqual(flowLogFields(s3));
    expect(flowLogFields(s3).destinationPort).toBe("22");
  });
});
