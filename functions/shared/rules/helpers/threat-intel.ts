// Threat-intel matches as rules see them: the rules engine adds
// `record["streamalert:ioc"] = {ioc_type: [values]}` before rules run (SPEC §4.3).
import { IOC_KEY } from "../../classified-record";

function iocMap(record: unknown): Record<string, unknown> | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  const iocs = (record as Record<string, unknown>)[IOC_KEY];
  return typeof iocs === "object" && iocs !== null && !Array.isArray(iocs)
    ? (iocs as Record<string, unknown>)
    : undefined;
}

/** The values of `record` that matched threat intel of `iocType` ("ip", "domain", "md5"). */
export function iocValues(record: unknown, iocType: string): unknown[] {
  const values = iocMap(record)?.[iocType];
  return Array.isArray(values) ? values : [];
}

/** True when `record` matched threat intel (of `iocType` when given). */
export function hasIoc(record: unknown, iocType?: string): boolean {
  const iocs = iocMap(record);
  if (iocs === undefined) return false;
  return iocType === undefined ? Object.keys(iocs).length > 0 : iocType in iocs;
}
