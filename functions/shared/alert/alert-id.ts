import * as crypto from "node:crypto";
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
  const text =
    `${ruleName}\u0000${origin.cluster ?? ""}\u0000${origin.service ?? ""}\u0000` +
    `${origin.resource ?? ""}\u0000${origin.log_schema_type ?? ""}\u0000` +
    `${recordFingerprint(origin.record)}\u0000${occurrence}`;
  return uuidShape(sha256(text));
}

// One-shot hashing (node >= 20.12) costs a third of createHash().update()...digest() on
// inputs this small; it runs for every alert.
const oneShotHash = (
  crypto as unknown as { hash?: (algorithm: string, data: string, encoding: "buffer") => Buffer }
).hash;

function sha256(text: string): Buffer {
  return oneShotHash
    ? oneShotHash("sha256", text, "buffer")
    : crypto.createHash("sha256").update(text).digest();
}

/** A UUID-shaped id derived from `parts` alone (e.g. a merged alert's from its members' ids). */
export function uuidFromParts(parts: readonly string[]): string {
  let text = "";
  for (const part of parts) text += `${part}\u0000`;
  return uuidShape(sha256(text));
}

/**
 * The record minus the derived keys as JSON, its top-level keys sorted (where the pipeline adds
 * keys) and every value as JSON.stringify writes it. Deterministic for a record the classifier
 * made twice from the same input, since it writes nested keys in the input's order; sorting
 * every level as well cost a third of building an alert (docs/PERFORMANCE.md).
 */
export function recordFingerprint(record: Record<string, unknown>): string {
  // a sorted copy encoded in one JSON.stringify call (a quarter cheaper than a call per key)
  const keys = Object.keys(record).sort();
  const sorted: Record<string, unknown> = {};
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index];
    if (key === NORMALIZATION_KEY || key === IOC_KEY) continue;
    if (key === "__proto__") return fingerprintKeyByKey(record, keys); // not copyable by assignment
    sorted[key] = record[key];
  }
  return JSON.stringify(sorted);
}

function fingerprintKeyByKey(record: Record<string, unknown>, keys: string[]): string {
  let out = "{";
  for (const key of keys) {
    if (key === NORMALIZATION_KEY || key === IOC_KEY) continue;
    const json = JSON.stringify(record[key]);
    if (json === undefined) continue;
    out += out.length === 1 ? `${JSON.stringify(key)}:${json}` : `,${JSON.stringify(key)}:${json}`;
  }
  return `${out}}`;
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
