// The schema library against its samples, through the real config loader and classifier core:
// every sample classifies as exactly its log type (other schemas that accept it must be listed
// and lose on priority), yields normalized values of the types its schema declares, and every
// log type in schemas/ has a sample.
import { createClassifier } from "../../functions/classifier/classifier";
import type { RawRecord } from "../../functions/classifier/types";
import { NORMALIZATION_KEY } from "../../functions/shared/classified-record";
import { formatConfigIssues, logFamily } from "../../functions/shared/config";
import {
  LIBRARY_CLUSTER,
  libraryConfig,
  readSamples,
  readSchemaFiles,
  type SchemaSample,
} from "./schema-library";

/** The one vocabulary of normalized types (docs/schemas.md); threat intel reads these names. */
const NORMALIZED_TYPES = [
  "account",
  "command",
  "destinationAddress",
  "domain",
  "fileHash",
  "fileHashSha256",
  "file_name",
  "hostName",
  "path",
  "sourceAddress",
  "userAgent",
  "userName",
];

const samplesByFamily = readSamples();
const samples = Object.values(samplesByFamily).flat();
const { config, warnings } = libraryConfig(samples);
const classifier = createClassifier(config, LIBRARY_CLUSTER);

function rawRecord(sample: SchemaSample): RawRecord {
  // apps hand over parsed objects; every other input is text
  const data =
    typeof sample.data === "string"
      ? sample.data
      : sample.service === "streamalert_app" && !Array.isArray(sample.data)
        ? sample.data
        : JSON.stringify(sample.data);
  return { service: sample.service, resource: sample.source, data };
}

const cases: [string, SchemaSample][] = samples.map((sample) => [
  `${sample.log ?? "no type"}: ${sample.description}`,
  sample,
]);
const typedCases = cases.filter(([, sample]) => sample.log !== null);

describe("schema library", () => {
  it("loads with the example conf/ without errors or warnings", () => {
    expect(formatConfigIssues(warnings)).toBe("");
  });

  it("keeps each family in its own file, named after it", () => {
    for (const [file, logTypes] of Object.entries(readSchemaFiles())) {
      for (const logType of Object.keys(logTypes)) expect(`${logFamily(logType)}.json`).toBe(file);
    }
  });

  it("has a sample for every log type", () => {
    const sampled = new Set(samples.map((sample) => sample.log));
    const missing = Object.keys(config.logs).filter((logType) => !sampled.has(logType));

    expect(missing).toEqual([]);
  });

  it.each(Object.entries(samplesByFamily))(
    "samples/%s.json holds only its family",
    (family, list) => {
      for (const sample of list) if (sample.log) expect(logFamily(sample.log)).toBe(family);
    },
  );

  it("normalizes only to the documented types", () => {
    const used = Object.values(config.logs).flatMap((log) =>
      Object.keys(log.configuration.normalization ?? {}),
    );

    expect([...new Set(used)].filter((type) => !NORMALIZED_TYPES.includes(type))).toEqual([]);
  });

  it.each(cases)("%s classifies as its type only", (_name, sample) => {
    const raw = rawRecord(sample);
    const outcome = classifier.classify(raw);
    const matching = classifier.classifyAll(raw).map((match) => match.logType);

    if (sample.log === null) {
      expect(outcome.ok).toBe(false);
      expect(matching).toEqual([]);
      return;
    }
    const log = sample.log;
    expect(outcome.ok && outcome.records.map((record) => record.log_schema_type)).toEqual(
      outcome.ok ? outcome.records.map(() => log) : [log],
    );
    expect(outcome.ok && outcome.invalid).toBeFalsy();
    expect(matching[0]).toBe(log);
    expect(matching.slice(1).sort()).toEqual([...(sample.also_matches ?? [])].sort());
  });

  it.each(typedCases)("%s yields normalized values of its schema's types", (_name, sample) => {
    const declared = Object.keys(config.logs[sample.log ?? ""].configuration.normalization ?? {});
    const outcome = classifier.classify(rawRecord(sample));
    if (!outcome.ok || declared.length === 0) {
      expect(declared).toEqual([]);
      return;
    }
    for (const { record } of outcome.records) {
      const normalized = record[NORMALIZATION_KEY] as Record<string, unknown> | undefined;
      const found = Object.keys(normalized ?? {}).filter((key) => key !== "streamalert_record_id");

      expect(found.length).toBeGreaterThan(0);
      expect(declared).toEqual(expect.arrayContaining(found));
    }
  });
});
