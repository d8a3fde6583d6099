import type { InputItem } from "./input-item";

/** What a StreamAlert app function sends: `{"streamalert_app": "<function name>", "logs": [...]}` */
export interface AppPayload {
  streamalert_app: string;
  logs: unknown[];
}

export function isAppPayload(event: unknown): event is AppPayload {
  const candidate = event as Partial<AppPayload> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.streamalert_app === "string" &&
    Array.isArray(candidate.logs)
  );
}

/** One raw record per log; objects stay parsed, anything else becomes text. */
export function* appPayloadRecords(payload: AppPayload): Generator<InputItem> {
  const resource = payload.streamalert_app;
  const source = { id: `app:${resource}`, kind: "app" as const };
  for (const log of payload.logs) {
    const isObject = typeof log === "object" && log !== null && !Array.isArray(log);
    const data = isObject ? (log as Record<string, unknown>) : textOf(log);
    const bytes = Buffer.byteLength(typeof data === "string" ? data : JSON.stringify(data));
    yield { kind: "record", source, raw: { service: "streamalert_app", resource, data }, bytes };
  }
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
