// The normalizer of one log type: v2 entries from its schema, then legacy types of its family
// (and of its exact name). It adds `streamalert_normalization` only when something was found.
import { type LogRecord, NORMALIZATION_KEY } from "../../shared/classified-record";
import type { LogSchema, NormalizedTypesConfig } from "../../shared/config/types";
import { compileLegacyNormalization } from "./legacy";
import { randomRecordId } from "./record-id";
import type { CollectNormalized, NormalizedTypes } from "./types";
import { compileV2Normalization } from "./v2";

export type { NormalizedTypes, NormalizedValues } from "./types";

const RECORD_ID_KEY = "streamalert_record_id";

/** Adds `streamalert_normalization` to the record when something is found; returns what it added. */
export type Normalize = (record: LogRecord) => NormalizedTypes | undefined;

export function compileNormalizer(
  log: LogSchema,
  normalizedTypes: NormalizedTypesConfig | undefined,
): Normalize | undefined {
  const family = log.name.split(":")[0];
  const collectors = [
    compileV2Normalization(log.configuration.normalization),
    compileLegacyNormalization(normalizedTypes?.[family]),
    family === log.name ? undefined : compileLegacyNormalization(normalizedTypes?.[log.name]),
  ].filter((collect): collect is CollectNormalized => collect !== undefined);
  if (collectors.length === 0) return undefined;
  return (record) => {
    const found: NormalizedTypes = {};
    for (const collect of collectors) collect(record, found);
    for (const _type in found) {
      (found as Record<string, unknown>)[RECORD_ID_KEY] = randomRecordId();
      record[NORMALIZATION_KEY] = found;
      return found;
    }
    return undefined;
  };
}
