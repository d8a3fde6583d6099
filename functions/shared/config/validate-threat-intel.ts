import { isIP } from "node:net";
import type { FileIssues } from "./issue-log";
import { isJsonObject, ObjectReader } from "./object-reader";
import type { NormalizedTypesConfig, ThreatIntelConfig } from "./types";

/** IOC types the threat intel downloader stores (ThreatStream's `itype` families). */
export const IOC_TYPES = ["ip", "domain", "md5", "sha1", "sha256", "url", "email"];

/**
 * Every normalized type name that some schema (v2) or normalized_types.json (v1) declares. Read
 * from the raw schema files, so a schema with an error elsewhere does not also make threat intel
 * report its types as missing.
 */
export function knownNormalizedTypes(
  rawSchemaFiles: readonly unknown[],
  legacy: NormalizedTypesConfig,
): Set<string> {
  const names = new Set<string>();
  for (const file of rawSchemaFiles) {
    for (const entry of isJsonObject(file) ? Object.values(file) : []) {
      const configuration = isJsonObject(entry) ? entry.configuration : undefined;
      const normalization = isJsonObject(configuration) ? configuration.normalization : undefined;
      for (const type of isJsonObject(normalization) ? Object.keys(normalization) : [])
        names.add(type);
    }
  }
  for (const types of Object.values(legacy)) for (const type of Object.keys(types)) names.add(type);
  return names;
}

function isCidrOrIp(value: string): boolean {
  const [address, bits, extra] = value.split("/");
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  const size = Number(bits);
  return /^\d+$/.test(bits) && size <= (version === 4 ? 32 : 128);
}

/**
 * threat_intel.json. A normalized type that no schema produces can never match: an error when
 * threat intel is enabled, a warning while it is off (StreamAlert refused to load either way).
 */
export function validateThreatIntelFile(
  issues: FileIssues,
  raw: unknown,
  normalizedTypes: Set<string>,
): ThreatIntelConfig {
  const file = ObjectReader.of(issues, [], raw);
  if (!file) return { enabled: false };
  file.warnUnknownKeys(["enabled", "dynamodb_table_name", "excluded_iocs", "normalized_ioc_types"]);
  const enabled = file.boolean("enabled") ?? false;
  file.string("dynamodb_table_name", {
    pattern: /^[A-Za-z0-9_.-]{3,255}$/,
    expected: "a DynamoDB table name",
  });
  const iocTypes = file.object("normalized_ioc_types", { required: enabled });
  iocTypes?.warnUnknownKeys(IOC_TYPES, "IOC type");
  for (const iocType of iocTypes?.keys() ?? []) {
    const names = iocTypes?.stringList(iocType, {
      nonEmpty: true,
      expected: "a normalized type name",
    });
    for (const [index, name] of (names ?? []).entries()) {
      if (normalizedTypes.has(name)) continue;
      const path = [...(iocTypes?.at(iocType) ?? []), index];
      const message = `normalized type ${JSON.stringify(name)} is not produced by any schema normalization or normalized_types.json`;
      if (enabled) issues.error(path, message);
      else issues.warn(path, message);
    }
  }
  const excluded = file.object("excluded_iocs");
  for (const iocType of excluded?.keys() ?? []) {
    const values = excluded?.object(iocType);
    for (const value of values?.keys() ?? []) {
      values?.object(value);
      if (iocType === "ip" && !isCidrOrIp(value)) {
        issues.error(
          values?.at(value) ?? [],
          `${JSON.stringify(value)} is not an IP address or CIDR range such as "10.0.0.0/8"`,
        );
      }
    }
  }
  const result = { ...file.value, enabled } as ThreatIntelConfig;
  return result;
}
