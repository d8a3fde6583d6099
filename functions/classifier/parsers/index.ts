// One extractor per log schema, chosen by its `parser`.
import type { LogSchema } from "../../shared/config/types";
import { compileCsvParser } from "./csv";
import { compileJsonParser } from "./json";
import { compileKvParser } from "./kv";
import type { ExtractRecords } from "./record-input";
import { compileSyslogParser } from "./syslog";

export { type ExtractRecords, LazyRecordInput, type RecordInput } from "./record-input";

export function compileParser(log: LogSchema): ExtractRecords {
  switch (log.parser) {
    case "json":
      return compileJsonParser(log.configuration);
    case "csv":
      return compileCsvParser(log);
    case "kv":
      return compileKvParser(log);
    case "syslog":
      return compileSyslogParser();
    default:
      throw new Error(
        `${log.file}: ${log.name}.parser: unknown parser "${String(log.parser)}", expected json, csv, kv or syslog`,
      );
  }
}
