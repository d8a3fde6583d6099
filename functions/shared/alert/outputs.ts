import type { LogRecord } from "../classified-record";
import type { PublisherFunction, PublisherSpec, Rule } from "../rules/types";
import { REQUIRED_OUTPUTS } from "./alert";

/** `service:descriptor`: a service name, a colon, a non-empty descriptor without spaces. */
export const OUTPUT_PATTERN = /^[A-Za-z0-9_-]+:\S+$/;

export function isOutputString(value: unknown): value is string {
  return typeof value === "string" && OUTPUT_PATTERN.test(value);
}

/**
 * The outputs of an alert (SPEC §4.1): a staged rule sends only to the required outputs;
 * otherwise required ∪ the rule's outputs ∪ what its dynamic outputs return for this record.
 * Dynamic outputs that throw or return anything but `service:descriptor` strings are ignored
 * (reported through `onDynamicOutputError`).
 */
export function alertOutputs(
  rule: Pick<Rule, "outputs" | "dynamicOutputs">,
  record: LogRecord,
  staged: boolean,
  onDynamicOutputError?: (error: unknown) => void,
): string[] {
  if (staged) return [...REQUIRED_OUTPUTS];
  const outputs = new Set<string>(REQUIRED_OUTPUTS);
  for (const output of rule.outputs ?? []) outputs.add(output);
  for (const dynamic of rule.dynamicOutputs ?? []) {
    let returned: unknown;
    try {
      returned = dynamic(record);
    } catch (error) {
      onDynamicOutputError?.(error);
      continue;
    }
    const list = Array.isArray(returned) ? returned : [returned];
    for (const entry of list) if (isOutputString(entry)) outputs.add(entry);
  }
  return [...outputs].sort();
}

/**
 * Publishers per output, as stored on the alert (StreamAlert's rules): a list applies to every
 * output the rule asked for; a map applies `service` entries first, then exact `service:descriptor`
 * entries. Required outputs are never transformed. Functions are stored by their name.
 */
export function alertPublishers(
  spec: PublisherSpec | undefined,
  outputs: readonly string[],
): Record<string, string[]> {
  if (!spec || (Array.isArray(spec) && spec.length === 0)) return {};
  const result: Record<string, string[]> = {};
  for (const output of outputs) {
    if (REQUIRED_OUTPUTS.includes(output)) continue;
    if (Array.isArray(spec)) {
      result[output] = publisherNames(spec);
      continue;
    }
    const service = output.slice(0, output.indexOf(":"));
    result[output] = [
      ...publisherNames(spec[service] ?? []),
      ...publisherNames(spec[output] ?? []),
    ];
  }
  return result;
}

export function publisherName(publisher: string | PublisherFunction): string {
  return typeof publisher === "string" ? publisher : publisher.name;
}

function publisherNames(list: Array<string | PublisherFunction>): string[] {
  return list.map(publisherName).filter((name) => name.length > 0);
}
