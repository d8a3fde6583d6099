import type { ClassifiedRecord } from "../shared/classified-record";

export interface ParsedMessage {
  records: ClassifiedRecord[];
  /** entries (or the whole body) that are not classified records, with why */
  problems: string[];
}

// data_type (the parser) is informational: older producers may leave it out.
const STRING_FIELDS = ["cluster", "log_schema_type", "service", "resource"] as const;

/**
 * One SQS body: a JSON array of classified records (a single object is accepted too). Bad
 * entries are reported and skipped; good entries of the same body still run.
 */
export function parseMessageBody(body: string): ParsedMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { records: [], problems: [`body is not JSON: ${(error as Error).message}`] };
  }
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  const records: ClassifiedRecord[] = [];
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const problem = classifiedRecordProblem(entry);
    if (problem) problems.push(`entry ${index}: ${problem}`);
    else records.push(entry as ClassifiedRecord);
  });
  return { records, problems };
}

function classifiedRecordProblem(entry: unknown): string | undefined {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    return "not an object";
  }
  const candidate = entry as Record<string, unknown>;
  for (const field of STRING_FIELDS) {
    if (typeof candidate[field] !== "string") return `${field} must be a string`;
  }
  const record = candidate.record;
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    return "record must be an object";
  }
  return undefined;
}
