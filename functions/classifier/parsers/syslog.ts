// The syslog parser (SPEC §3.4): `Mon DD HH:MM:SS host application[pid]: message`, with
// StreamAlert's pattern; Python's `\w` and `\d` are Unicode-aware, hence the property classes.
import type { ExtractRecords } from "./record-input";

const SYSLOG_LINE =
  /^(?<timestamp>[\p{L}\p{N}_]{3}\s\p{Nd}{2}\s(?:\p{Nd}{2}:?)+)\s(?<host>(?:[\p{L}\p{N}_]-*)+)\s(?<application>[\p{L}\p{N}_]+)(?:\[[\p{L}\p{N}_]+\])*:\s(?<message>[^\n]*)\n?$/u;

export function compileSyslogParser(): ExtractRecords {
  return (input) => {
    const text = input.text();
    if (text === undefined) return undefined;
    const match = SYSLOG_LINE.exec(text);
    if (!match?.groups) return undefined;
    const { timestamp, host, application, message } = match.groups;
    return [{ timestamp, host, application, message }];
  };
}
