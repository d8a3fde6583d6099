import { createHash } from "node:crypto";
import type { ClassifiedRecord } from "../classified-record";
import { IOC_KEY, NORMALIZATION_KEY } from "../classified-record";

/**
 * A deterministic AlertID (UUID-shaped): the same rule firing on the same record from the same
 * origin always yields the same id, so a redelivered SQS message rewrites nothing (the write is
 * conditional on the id being new).
 *
 * Hashed: rule name, cluster, service, resource, log type, the record without the keys the
 * pipeline derives (`streamalert_normalization` carries a random record id; `streamalert:ioc`
 * depends on the intel table at the time), and `occurrence`: the n-th identical record in the same
 * message, so repeated identical lines still give distinct alerts.
 */
export function deterministicAlertId(
  ruleName: string,
  origin: Pick<ClassifiedRecord, "cluster" | "service" | "resource" | "log_schema_type" | "record">,
  occurrence = 0,
): string {
  const hash = createHash("sha256");
  for (const part of [ruleName, origin.cluster, origin.service, origin.resource]) {
    hash.update(part ?? "");
    hash.update("\u0000");
  }
  hash.update(origin.log_schema_type ?? "");
  hash.update("\u0000");
  hash.update(recordFingerprint(origin.record));
  hash.update(`\u0000${occurrence}`);
  return uuidShape(hash.digest());
}

/** A UUID-shaped id derived from `parts` alone (e.g. a merged alert's from its members' ids). */
export function uuidFromParts(parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part);
    hash.update("\u0000");
  }
  return uuidShape(hash.digest());
}

/** Canonical JSON of the record minus the derived keys: object keys sorted at every depth. */
export function recordFingerprint(record: Record<string, unknown>): string {
  const parts: string[] = [];
  writeCanonical(record, parts, true);
  return parts.join("");
}

function writeCanonical(value: unknown, out: string[], top: boolean): void {
  if (Array.isArray(value)) {
    out.push("[");
    value.forEach((entry, index) => {
      if (index > 0) out.push(",");
      writeCanonical(entry, out, false);
    });
    out.push("]");
    return;
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    out.push("{");
    let first = true;
    for (const key of keys) {
      if (top && (key === NORMALIZATION_KEY || key === IOC_KEY)) continue;
      const entry = (value as Record<string, unknown>)[key];
      if (entry === undefined) continue;
      if (!first) out.push(",");
      first = false;
      out.push(JSON.stringify(key), ":");
      writeCanonical(entry, out, false);
    }
    out.push("}");
    return;
  }
  out.push(JSON.stringify(value) ?? "null");
}

// Version nibble 8 ("custom", RFC 9562) and the RFC variant bits: a valid UUID that says it
// is neither random nor time-based.
function uuidShape(digest: Buffer): string {
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
