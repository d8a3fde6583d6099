// One log schema compiled into a function from a raw record to its valid records, in
// StreamAlert's order: envelope check and cast, extract candidates, exact key check and cast,
// log_patterns, then envelope and optional-key defaults added.
import { ENVELOPE_KEY, type LogRecord } from "../shared/classified-record";
import type {
  LogSchema,
  NormalizedTypesConfig,
  ParserName,
  SchemaObject,
} from "../shared/config/types";
import { compileCsvRecordCast } from "./csv-record-cast";
import { compileEnvelopeMember } from "./envelope-json";
import { compileNormalizer, type Normalize } from "./normalization";
import { type CandidateSource, compileParser, type RecordInput } from "./parsers";
import {
  appendMembers,
  isIndexLikeKey,
  type KeptJson,
  keepJsonText,
  keepRecordJson,
} from "./record-json";
import { CAST_FAILED } from "./schema/cast";
import {
  addOptionalDefaults,
  type CastMode,
  type CompiledObjectSchema,
  castEnvelope,
  castRecord,
  compileObjectSchema,
} from "./schema/compile-schema";
import { defaultValueFor } from "./schema/defaults";
import { compileLogPatterns } from "./schema/log-patterns";
import { isPlainObject } from "./schema/python-values";

/** Filled by parse, when given: what the classifier needs besides the records. */
export interface ParseOutput {
  /** how many extracted candidates did not validate */
  invalid: number;
  /** per returned record, its JSON as kept when the schema accepted it (see record-json) */
  kept: Array<KeptJson | undefined>;
}

export interface CompiledLogType {
  name: string;
  parser: ParserName;
  /**
   * The valid records this schema makes of the input, or undefined when there are none.
   * `mayKeepInput`: a returned record may be (part of) the parsed input, which is then modified
   * (envelope, defaults, normalization) — only when no other schema will look at it again.
   */
  parse(input: RecordInput, mayKeepInput: boolean, output?: ParseOutput): LogRecord[] | undefined;
  normalize?: Normalize;
}

export function compileLogType(
  log: LogSchema,
  normalizedTypes: NormalizedTypesConfig | undefined,
): CompiledLogType {
  const configuration = log.configuration ?? {};
  const schema = compileObjectSchema(log.schema ?? {}, configuration.optional_top_level_keys);
  const envelopeSchema = compileEnvelopeSchema(
    configuration.envelope_keys ?? {},
    configuration.optional_envelope_keys,
  );
  const { extract, freshCandidates } = wrapCompileError(log, () =>
    compileParser({ ...log, configuration }),
  );
  const patterns = compileLogPatterns(configuration.log_patterns);
  const matchesRecordPatterns = patterns.record;
  const matchesEnvelopePatterns = patterns.envelope;
  // a record's JSON is kept when its schema accepts it and the keys added later are spliced in,
  // which needs every added key to come after the kept ones; an integer-like key would not
  // (see record-json)
  const spliceable = !(configuration.optional_top_level_keys ?? []).some(isIndexLikeKey);
  const mayKeepJsonText = spliceable && log.parser === "json";
  const csvRecordCast =
    spliceable && log.parser === "csv" ? compileCsvRecordCast(schema) : undefined;
  const defaultsJson = compileDefaultsJson(schema);
  const envelopeMemberOf = compileEnvelopeMember(envelopeSchema?.list ?? []);
  const compiled: CompiledLogType = {
    name: log.name,
    parser: log.parser,
    normalize: compileNormalizer(log, normalizedTypes),
    parse: () => undefined,
  };
  // StreamAlert never uses a schema whose optional keys are not declared in it
  if (!schema.usable || (envelopeSchema && !envelopeSchema.usable)) return compiled;

  compiled.parse = (input, mayKeepInput, output) => {
    const mode: CastMode = freshCandidates
      ? "inPlace"
      : mayKeepInput && !input.borrowed
        ? "copyOnWrite"
        : "copy";
    let envelope: LogRecord | undefined;
    if (envelopeSchema) {
      // cast once per input for all the log types that declare this envelope
      envelope = input.shared(envelopeSchema, castInputEnvelope);
      if (!envelope) return undefined;
    }
    if (matchesEnvelopePatterns && !matchesEnvelopePatterns(envelope)) return undefined;
    const keep = output !== undefined && spliceable;
    const keepText = keep && mayKeepJsonText;
    // what fresh candidates were made from: embedded JSON text, CSV rows
    const sources: Array<CandidateSource | undefined> | undefined =
      freshCandidates && (keepText || (keep && csvRecordCast)) ? [] : undefined;
    const candidates = extract(input, sources);
    if (!candidates) return undefined;
    let records: LogRecord[] | undefined;
    let invalid = 0;
    // the envelope member of the records' kept JSON: one envelope object for all of them
    let envelopeMember: string | undefined;
    if (output) output.kept = [];
    for (let index = 0; index < candidates.length; index++) {
      const candidate = candidates[index];
      const source = sources?.[index];
      const text = keepText
        ? jsonTextOf(candidate, input, typeof source === "string" ? source : undefined)
        : undefined;
      let record: LogRecord | undefined;
      let written: KeptJson | undefined; // a CSV record's JSON, written as it was cast
      if (keep && csvRecordCast && typeof source === "object" && mode === "inPlace") {
        const result = csvRecordCast(candidate as LogRecord, source);
        if (result !== CAST_FAILED) {
          record = candidate as LogRecord;
          written = result;
        }
      } else {
        record =
          text === undefined
            ? castRecord(candidate, schema, mode)
            : castKeepingText(candidate as LogRecord, schema, mode);
      }
      if (!record || (matchesRecordPatterns && !matchesRecordPatterns(record))) {
        invalid++;
        continue;
      }
      // kept only once the record is accepted: a rejected one may be the parsed input, which
      // the next schema tries again
      let kept: KeptJson | undefined;
      if (keep) {
        kept = written;
        if (!kept && text !== undefined && record === unchangedByCast)
          kept = keepJsonText(text, record);
        kept ??= keepRecordJson(record);
        output.kept.push(kept);
      }
      if (envelope) {
        if (kept) {
          envelopeMember ??= envelopeMemberOf(input.json(), envelope);
          appendMembers(kept, envelopeMember);
        }
        record[ENVELOPE_KEY] = envelope; // shared by the records, as in StreamAlert
      }
      const added = addOptionalDefaults(record, schema);
      if (added && kept) appendMembers(kept, defaultsJson(added));
      if (records) records.push(record);
      else records = [record];
    }
    if (output) output.invalid = invalid;
    return records;
  };
  return compiled;
}

/**
 * `,"key":default,...` for the optional keys addOptionalDefaults added (indexes into
 * schema.optionalFields), one string per set of keys: records of a log type mostly lack the
 * same ones, and each piece of a string costs again when it is joined (record-json).
 */
function compileDefaultsJson(schema: CompiledObjectSchema): (added: readonly number[]) => string {
  const members = schema.optionalFields.map(
    (field) => `,${JSON.stringify(field.key)}:${JSON.stringify(defaultValueFor(field.type))}`,
  );
  const joined = (added: readonly number[]) => added.map((index) => members[index]).join("");
  if (members.length > 30) return joined; // too many keys for a bit set: joined every time
  const bySet = new Map<number, string>();
  return (added) => {
    // a bit per key (`1 << index`: `2 ** index` is a call into the math library)
    let set = 0;
    for (const index of added) set |= 1 << index;
    let json = bySet.get(set);
    if (json === undefined) {
      json = joined(added);
      bySet.set(set, json);
    }
    return json;
  };
}

/** Envelope schemas by definition: log types that declare the same envelope share one. */
const envelopeSchemas = new Map<string, CompiledObjectSchema>();

function compileEnvelopeSchema(
  keys: SchemaObject,
  optional: readonly string[] | undefined,
): CompiledObjectSchema | undefined {
  if (Object.keys(keys).length === 0) return undefined;
  const definition = JSON.stringify([keys, optional ?? []]);
  let schema = envelopeSchemas.get(definition);
  if (!schema) {
    schema = compileObjectSchema(keys, optional);
    envelopeSchemas.set(definition, schema);
  }
  return schema;
}

function castInputEnvelope(
  input: RecordInput,
  schema: CompiledObjectSchema,
): LogRecord | undefined {
  return castEnvelope(input.json(), schema);
}

/** The JSON text a candidate was parsed from: the whole input, or embedded JSON inside it. */
function jsonTextOf(
  candidate: unknown,
  input: RecordInput,
  embeddedText: string | undefined,
): string | undefined {
  if (!isPlainObject(candidate)) return undefined;
  return candidate === input.json() ? input.jsonText() : embeddedText;
}

/** The last record castKeepingText returned unchanged (its source text still holds). */
let unchangedByCast: LogRecord | undefined;

/**
 * castRecord for a candidate parsed from JSON text the classifier may reuse: cast without writing
 * into the candidate; when nothing changed, the record is the candidate (or a shallow copy of it
 * in "copy" mode), noted in unchangedByCast until the next call.
 */
function castKeepingText(
  candidate: LogRecord,
  schema: CompiledObjectSchema,
  mode: CastMode,
): LogRecord | undefined {
  unchangedByCast = undefined;
  const cast = castRecord(candidate, schema, "copyOnWrite");
  if (cast !== candidate) return cast; // undefined, or a copy with cast values
  const record = mode === "copy" ? { ...candidate } : candidate;
  unchangedByCast = record;
  return record;
}

function wrapCompileError<T>(log: LogSchema, compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${log.file}: ${log.name}: cannot compile the schema: ${reason}`);
  }
}
