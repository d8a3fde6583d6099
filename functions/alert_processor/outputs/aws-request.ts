// What the AWS outputs read from a dispatch request: the resource outputs.json maps the
// descriptor to, and the publication as JSON text.
import { OutputConfigError, OutputError } from "./errors";

/** The resource outputs.json maps the descriptor to, or a configuration error naming the fix. */
export function requireResource(
  service: string,
  descriptor: string,
  resource: string | undefined,
  what: string,
): string {
  const value = resource?.trim();
  if (!value) {
    throw new OutputConfigError(
      `${service}:${descriptor} has no ${what} in conf/outputs.json; map the descriptor to one: ` +
        `"${service}": {"${descriptor}": "<${what}>"}`,
    );
  }
  return value;
}

/** JSON text of what an output sends; a value with no JSON form is refused clearly. */
export function toJsonText(service: string, value: unknown, indent?: number): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, undefined, indent);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OutputError(`${service}: the publication is not serializable as JSON: ${reason}`, {
      retryable: false,
    });
  }
  if (text === undefined) {
    throw new OutputError(`${service}: the publication has no JSON form (${typeof value})`, {
      retryable: false,
    });
  }
  return text;
}

/** JSON with object keys sorted at every depth (Python's `sort_keys=True`), for readable mail/SNS. */
export function toSortedJsonText(service: string, value: unknown, indent = 2): string {
  return toJsonText(service, sortKeysDeep(value), indent);
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    sorted[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
  }
  return sorted;
}
