// Google Workspace Admin SDK Reports activities (`gsuite:reports`): one activity per record,
// carrying `id.applicationName` and a list of `events`, each with typed `parameters`.
import type { LogRecord } from "../../functions/shared/rules";
import { listAt, objectAt } from "./nested";

/** The organization's own email domains: sharing outside them is external. */
export const COMPANY_DOMAINS = new Set(["acme.example"]);

export interface WorkspaceEvent {
  type?: string;
  name?: string;
  parameters?: Array<Record<string, unknown>>;
}

export const applicationOf = (rec: LogRecord): unknown => objectAt(rec, "id").applicationName;

export function eventsOf(rec: LogRecord): WorkspaceEvent[] {
  return listAt(rec, "events") as WorkspaceEvent[];
}

/** A parameter's value, whichever typed field holds it (value, boolValue, intValue, multiValue). */
export function parameter(event: WorkspaceEvent, name: string): unknown {
  const found = (event.parameters ?? []).find((p) => p.name === name);
  if (!found) return undefined;
  return found.value ?? found.boolValue ?? found.intValue ?? found.multiValue;
}

/** True when `email` belongs to none of the company's domains. */
export function isExternalEmail(email: unknown): boolean {
  if (typeof email !== "string" || !email.includes("@")) return false;
  return !COMPANY_DOMAINS.has(email.split("@").pop()?.toLowerCase() ?? "");
}
