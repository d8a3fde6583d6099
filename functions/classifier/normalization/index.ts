// The normalizer of one log type: v2 entries from its schema, then legacy types of its family
// (and of its exact name). It adds `streamalert_normalization` only when something was found.
import { type LogRecord, NORMALIZATION_KEY } from "../../shared/classified-record";
import type { LogSchema, NormalizedTypesConfig } from "../../shared/config/types";
import { compileNormalizationJson } from "./json-writer";
import { compileLegacyNormalization } from "./legacy";
import { randomRecordId } from "./record-id";
import { type CollectNormalized, type NormalizedTypes, RECORD_ID_KEY } from "./types";
import { compileV2Normalization } from "./v2";

export type { NormalizedTypes, NormalizedValues } from "./types";

/** The block the normalizer added, and its JSON when the normalizer wrote it. */
export interface Normalization {
  block: NormalizedTypes;
  json: string | undefined;
}

/** Adds `streamalert_normalization` to the record when something is found; returns what it added. */
export type Normalize = (record: LogRecord) => Normalization | undefined;

export function compileNormalizer(
  log: LogSchema,
  normalizedTypes: NormalizedTypesConfig | undefined,
): Normalize | undefined {
  const family = log.name.split(":")[0];
  const v2 = compileV2Normalization(log.configuration.normalization);
  const collectors = [
    v2?.collect,
    compileLegacyNormalization(normalizedTypes?.[family]),
    family === log.name ? undefined : compileLegacyNormalization(normalizedTypes?.[log.name]),
  ].filter((collect): collect is CollectNormalized => collect !== undefined);
  if (collectors.length === 0) return undefined;
  // legacy types may add to v2's lists, out of slot order: those blocks go through
  // JSON.stringify (record-json)
  const json = v2 && collectors.length === 1 ? compileNormalizationJson(v2.slots) : undefined;
  return (record) => {
    const found: NormalizedTypes = {};
    json?.reset();
    let any = false;
    for (const collect of collectors) if (collect(record, found, json)) any = true;
    if (!any) return undefined;
    const id = randomRecordId();
    (found as Record<string, unknown>)[RECORD_ID_KEY] = id;
    record[NORMALIZATION_KEY] = found;
    return { block: found, json: json?.finish(id) };
  };
}
