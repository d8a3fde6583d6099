// Lenient JSON parsing for fields that carry embedded JSON (e.g. Duo's `description`).

/**
 * Parses a JSON object from `data`; anything else (invalid JSON, a non-string, or JSON that is
 * not an object) gives `{}`, so `safeJsonParse(rec.description).valid_secs` never throws.
 */
export function safeJsonParse(data: unknown): Record<string, unknown> {
  if (typeof data !== "string") return {};
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
