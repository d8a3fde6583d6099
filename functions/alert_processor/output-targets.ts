import { REQUIRED_OUTPUTS } from "../shared/alert";
import type { OutputsConfig } from "../shared/config/types";

/** One configured output, ready to dispatch. */
export interface OutputTarget {
  service: string;
  descriptor: string;
  /** the resource outputs.json maps an AWS descriptor to */
  resource?: string;
}

/** The alerts Firehose every deployment has, named after the prefix unless outputs.json says. */
export function requiredOutputResource(prefix: string, output: string): string | undefined {
  if (output === "aws-firehose:alerts") return `${prefix}_streamalert_alert_delivery`;
  return undefined;
}

/**
 * Looks an output string up in outputs.json; a string (never thrown) says why it cannot be
 * sent, for the output's result.
 */
export function resolveOutputTarget(
  output: string,
  config: OutputsConfig,
  prefix: string,
): OutputTarget | string {
  const colon = output.indexOf(":");
  if (colon <= 0 || colon === output.length - 1) {
    return `output "${output}" is not of the form service:descriptor`;
  }
  const service = output.slice(0, colon);
  const descriptor = output.slice(colon + 1);
  const entry = Object.hasOwn(config, service) ? config[service] : undefined;
  if (Array.isArray(entry)) {
    if (entry.includes(descriptor)) return { service, descriptor };
  } else if (entry && Object.hasOwn(entry, descriptor)) {
    return { service, descriptor, resource: entry[descriptor] };
  }
  if (REQUIRED_OUTPUTS.includes(output)) {
    return { service, descriptor, resource: requiredOutputResource(prefix, output) };
  }
  return `output "${output}" is not configured in conf/outputs.json`;
}
