import { rule, valuesForNormalizedType } from "../../../../functions/shared/rules";

/** U+202E RIGHT-TO-LEFT OVERRIDE: "gnp.exe" shows as "exe.png". */
const RLO = "\u202e";
const NORMALIZED_TYPES = ["command", "path", "file_name"];

export const right_to_left_character = rule(
  {
    datatypes: NORMALIZED_TYPES,
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1036.002"],
    title: () => "Right-to-left override character in a command, path or file name",
    description:
      "Malicious files can be disguised with the Unicode right-to-left override character " +
      "(U+202E), which hides the real extension and makes them look harmless.",
    runbook: "Verify the file carries the character and whether it is malicious.",
  },
  (rec) =>
    NORMALIZED_TYPES.some((type) =>
      valuesForNormalizedType(rec, type).some(
        (value) => typeof value === "string" && value.includes(RLO),
      ),
    ),
);
