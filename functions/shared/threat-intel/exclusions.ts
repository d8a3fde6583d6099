import { BlockList, isIP } from "node:net";

/**
 * `excluded_iocs` of threat_intel.json: `{ioc_type: {value: {comment}}}` (StreamAlert's form) or
 * `{ioc_type: [values]}`. For `ip` the values are addresses or CIDR ranges; for every other type
 * they are compared exactly.
 */
export type ExcludedIocsConfig = Record<string, Record<string, unknown> | string[]>;

export interface IocExclusions {
  /** true when the value must not be looked up (excluded, or not an IP for type `ip`) */
  isExcluded(iocType: string, value: string): boolean;
}

export class ThreatIntelConfigError extends Error {
  override name = "ThreatIntelConfigError";
}

export function compileExclusions(config: ExcludedIocsConfig | undefined): IocExclusions {
  const exact = new Map<string, Set<string>>();
  const ranges = new BlockList();
  for (const [iocType, entries] of Object.entries(config ?? {})) {
    const values = Array.isArray(entries) ? entries : Object.keys(entries);
    if (iocType !== "ip") {
      exact.set(iocType, new Set(values));
      continue;
    }
    for (const value of values) addRange(ranges, value);
  }
  return {
    isExcluded(iocType, value) {
      if (iocType === "ip") {
        // Normalized IP fields also hold host names ("ec2.amazonaws.com" in CloudTrail).
        const family = isIP(value);
        if (family === 0) return true;
        return ranges.check(value, family === 4 ? "ipv4" : "ipv6");
      }
      return exact.get(iocType)?.has(value) ?? false;
    },
  };
}

function addRange(ranges: BlockList, text: string): void {
  const [address, prefixText] = text.split("/");
  const family = isIP(address);
  const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
  const max = family === 4 ? 32 : 128;
  if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
    throw new ThreatIntelConfigError(
      `threat_intel.json: excluded_iocs.ip: "${text}" is not an IP address or CIDR range (e.g. "10.0.0.0/8")`,
    );
  }
  ranges.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
}
