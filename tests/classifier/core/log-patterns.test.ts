// SPEC §3.3 log_patterns: shell wildcards, lists, nested fields and the envelope.

import type { LogPatterns, SchemaConfiguration } from "../../../functions/shared/config/types";
import { oneSchema, recordsOf } from "./config-factory";

const schema = { action: "string", user: { name: "string" }, count: "integer" } as const;

function matches(
  patterns: LogPatterns,
  record: Record<string, unknown>,
  envelope?: Record<string, unknown>,
) {
  const configuration: SchemaConfiguration = envelope
    ? { json_path: "items[*]", envelope_keys: { source: "string" }, log_patterns: patterns }
    : { log_patterns: patterns };
  const data = envelope ? { ...envelope, items: [record] } : record;
  return recordsOf(oneSchema({ ...schema }, configuration), JSON.stringify(data)) !== undefined;
}

const record = { action: "repo.create", user: { name: "alice" }, count: "42" };

describe("log_patterns", () => {
  it.each<[string, LogPatterns, boolean]>([
    ["an exact value", { action: "repo.create" }, true],
    ["a * wildcard", { action: "repo.*" }, true],
    ["a ? wildcard", { action: "repo.creat?" }, true],
    ["a [...] set", { action: "[rs]epo.create" }, true],
    ["a [!...] negated set", { action: "[!r]epo.create" }, false],
    ["a different value", { action: "org.*" }, false],
    ["case-sensitive matching", { action: "REPO.*" }, false],
    ["any one of a list", { action: ["org.*", "repo.*"] }, true],
    ["none of a list", { action: ["org.*", "team.*"] }, false],
    ["an empty list", { action: [] }, false],
    ["a nested field", { user: { name: "ali*" } }, true],
    ["a nested field that differs", { user: { name: "bob" } }, false],
    ["a field the record lacks", { missing: "*" }, false],
    ["a cast integer as text", { count: "4?" }, true],
    ["every field must match (one does not)", { action: "repo.*", user: { name: "bob" } }, false],
    ["every field must match (all do)", { action: "repo.*", user: { name: "alice" } }, true],
  ])("%s → %s", (_case, patterns, expected) => {
    expect(matches(patterns, record)).toBe(expected);
  });

  it.each<[string, LogPatterns, boolean]>([
    [
      "an envelope pattern that matches",
      { "streamalert:envelope_keys": { source: "github*" } },
      true,
    ],
    [
      "an envelope pattern that does not",
      { "streamalert:envelope_keys": { source: "aws*" } },
      false,
    ],
    [
      "an envelope pattern plus a record field that does not match",
      { "streamalert:envelope_keys": { source: "github*" }, action: "org.*" },
      false,
    ],
  ])("%s → %s", (_case, patterns, expected) => {
    expect(matches(patterns, record, { source: "github.com" })).toBe(expected);
  });
});
