import { rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

export const config_auto_remediation = rule(
  {
    logs: ["cloudtrail:events"],
    matchers: ["aws_config_auto_remediation"],
    outputs: ["slack:security-noise"],
    severity: "info",
    tags: [],
    title: (rec) =>
      `AWS Config started remediation ${String(objectAt(rec, "requestParameters").documentName ?? "")}`,
    description: "AWS Config started an SSM automation to remediate a non-compliant resource.",
  },
  () => true,
);
