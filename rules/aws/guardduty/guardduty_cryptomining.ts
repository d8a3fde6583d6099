import { rule, startsWithAny } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

export const guardduty_cryptomining = rule(
  {
    logs: ["cloudwatch:events", "guardduty:findings"],
    matchers: ["guard_duty"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1496"],
    title: (rec) =>
      `Cryptomining finding ${String(objectAt(rec, "detail").type)} in ${String(rec.account)}`,
    description: "GuardDuty saw a resource talking to cryptocurrency mining infrastructure.",
  },
  (rec) =>
    startsWithAny(objectAt(rec, "detail").type, [
      "CryptoCurrency:",
      "Impact:EC2/BitcoinDomainRequest",
    ]),
);
