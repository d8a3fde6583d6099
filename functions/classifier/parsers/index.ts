// One extractor per log schema, chosen by its `parser`.
import type { LogSchema } from "../../shared/config/types";
import { compileCsvParser } from "./csv";
import { compileJsonParser } from "./json";
import { compileKvParser } from "./kv";
import type { ExtractRecords } from "./record-input";
import { compileSyslogParser } from "./syslog";

export {
  type CandidateSource,
  type CsvRowSource,
  type ExtractRecords,
  LazyRecordInput,
  type RecordInput,
} from "./record-input";

export interface CompiledParser {
  extract: ExtractRecords;
  /**
   * True when every candidate is an object the parser made (CSV rows, embedded JSON), so it may
   * be cast in place; false when candidates are parts of the parsed input other schemas also see.
   */
  freshCandidates: boolean;
}

export function compileParser(log: LogSchema): CompiledParser {
  switch (log.parser) {
    case "json": {
      const {
        embedded_json: embedded,
        json_path: jsonPath,
        json_regex_key: regexKey,
      } = log.configuration;
      return {
        extract: compileJsonParser(log.configuration),
        freshCandidates: jsonPath ? embedded === true : Boolean(regexKey),
      };
    }
    case "csv":
      return { extract: compileCsvParser(log), freshCandidates: true };
    case "kv":
      return { extract: compileKvParser(log), freshCandidates: true };
    case "syslog":
      return { extract: compileSyslogParser(), freshCandidates: true };
    default:
      throw new Error(
        `${log.file}: ${log.name}.parser: unknown parser "${String(log.parser)}", expected json, csv, kv or syslog`,
      );
  }
}
