import type { ConfigIssue } from "./errors";

/** One step of a JSON path: an object key or a list index. */
export type PathSegment = string | number;
export type JsonPath = readonly PathSegment[];

// Keys made of these characters read unambiguously after a dot; anything else (bucket names
// with dots, spaces, empty keys) is quoted so the path still points at exactly one place.
const PLAIN_KEY = /^[A-Za-z0-9_\-:@$*]+$/;

/** `["modules", "kinesis", "streams", "shards"]` → `modules.kinesis.streams.shards`. */
export function formatPath(path: JsonPath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Collects errors and warnings from every file, so all of them are reported at once. */
export class IssueLog {
  readonly errors: ConfigIssue[] = [];
  readonly warnings: ConfigIssue[] = [];

  forFile(file: string): FileIssues {
    return new FileIssues(file, this);
  }
}

/** The issue log bound to one file. */
export class FileIssues {
  constructor(
    readonly file: string,
    private readonly log: IssueLog,
  ) {}

  error(path: JsonPath, message: string): void {
    this.log.errors.push({ file: this.file, path: formatPath(path), message });
  }

  warn(path: JsonPath, message: string): void {
    this.log.warnings.push({ file: this.file, path: formatPath(path), message });
  }
}
