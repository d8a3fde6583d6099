import { alertPublishers } from "../../../functions/shared/alert";
import type { PublisherFunction, PublisherSpec } from "../../../functions/shared/rules/types";

const outputs = ["aws-firehose:alerts", "pagerduty:oncall", "slack:sec"];
function compact(alert: Record<string, unknown>) {
  return alert;
}

describe("alertPublishers", () => {
  it.each<[string, PublisherSpec | undefined, Record<string, string[]>]>([
    ["none", undefined, {}],
    [
      "a list applies to every requested output",
      ["p.one", compact as PublisherFunction],
      {
        "pagerduty:oncall": ["p.one", "compact"],
        "slack:sec": ["p.one", "compact"],
      },
    ],
    [
      "service entries first, then exact outputs",
      { slack: ["p.service"], "slack:sec": ["p.exact"] },
      {
        "pagerduty:oncall": [],
        "slack:sec": ["p.service", "p.exact"],
      },
    ],
  ])("%s; the required firehose output is never transformed", (_case, spec, expected) => {
    expect(alertPublishers(spec, outputs)).toEqual(expected);
  });
});
