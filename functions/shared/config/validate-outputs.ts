import type { FileIssues } from "./issue-log";
import { ObjectReader } from "./object-reader";
import type { OutputsConfig } from "./types";

/** AWS outputs whose descriptors map to a resource (function, bucket, topic, queue, stream). */
const RESOURCE_OUTPUTS = ["aws-firehose", "aws-lambda", "aws-s3", "aws-sns", "aws-sqs"];
/** Outputs listed by descriptor only; their settings and secrets live in SSM. */
const DESCRIPTOR_OUTPUTS = [
  "aws-lambda-v2",
  "aws-ses",
  "carbonblack",
  "demisto",
  "github",
  "jira",
  "jira-v2",
  "komand",
  "pagerduty",
  "pagerduty-v2",
  "pagerduty-incident",
  "phantom",
  "slack",
  "teams",
  "victorops",
];
/** Either form: StreamAlert's descriptor list, or descriptors mapped to "group[:stream]". */
const EITHER_FORM_OUTPUTS = ["aws-cloudwatch-log"];
export const OUTPUT_SERVICES = [...RESOURCE_OUTPUTS, ...DESCRIPTOR_OUTPUTS, ...EITHER_FORM_OUTPUTS];

// A rule names an output as "service:descriptor", so a descriptor with a colon is ambiguous.
const DESCRIPTOR = /^[^:\s]+$/;
const DESCRIPTOR_EXPECTED = "a descriptor name without spaces or colons";

/** outputs.json: service → descriptors. Unknown services warn and are dropped. */
export function validateOutputsFile(issues: FileIssues, raw: unknown): OutputsConfig {
  const file = ObjectReader.of(issues, [], raw);
  if (!file) return {};
  file.warnUnknownKeys(OUTPUT_SERVICES, "output service");
  const outputs: OutputsConfig = {};
  for (const service of file.keys()) {
    const listed = Array.isArray((raw as Record<string, unknown>)[service]);
    if (RESOURCE_OUTPUTS.includes(service) || (EITHER_FORM_OUTPUTS.includes(service) && !listed)) {
      const descriptors = file.object(service);
      if (!descriptors) continue;
      let valid = true;
      for (const descriptor of descriptors.keys()) {
        if (!DESCRIPTOR.test(descriptor)) {
          issues.error(descriptors.at(descriptor), `expected ${DESCRIPTOR_EXPECTED}`);
          valid = false;
        }
        valid =
          descriptors.string(descriptor, { expected: `the ${service} resource name` }) !==
            undefined && valid;
      }
      if (valid) outputs[service] = descriptors.value as Record<string, string>;
    } else if (DESCRIPTOR_OUTPUTS.includes(service) || EITHER_FORM_OUTPUTS.includes(service)) {
      const descriptors = file.stringList(service, {
        pattern: DESCRIPTOR,
        expected: DESCRIPTOR_EXPECTED,
      });
      if (descriptors) outputs[service] = descriptors;
    }
  }
  return outputs;
}
