import { rule } from "../../../functions/shared/rules";

export const binaryalert_yara_match = rule(
  {
    logs: ["binaryalert"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1204.002"],
    title: (rec) => {
      const names = Array.isArray(rec.MatchedRules) ? rec.MatchedRules : [];
      return `BinaryAlert: ${String(rec.FileInfo && (rec.FileInfo as Record<string, unknown>).S3Location)} matched YARA ${names.join(", ")}`;
    },
    description: "BinaryAlert found a binary that matches a YARA rule.",
    runbook: "Review the matched YARA rules and the file; quarantine hosts that ran it.",
  },
  (rec) => typeof rec.NumMatchedRules === "number" && rec.NumMatchedRules > 0,
);
