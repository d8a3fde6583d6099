import type { LogRecord } from "../classified-record";
import type { Severity } from "../rules/types";
import { type Alert, EPOCH } from "./alert";
import { AlertFormatError } from "./errors";
import { formatAlertTime, parseAlertTime } from "./timestamps";

/**
 * The alerts table item (SPEC §5), in the native form the DynamoDB document client marshals:
 * `Outputs`/`OutputsSent` are string sets, `Record` is compact JSON text. Same attribute names
 * and formats as StreamAlert, so its alert merger and processor data stay readable.
 */
export interface AlertItem {
  RuleName: string;
  AlertID: string;
  Attempts: number;
  Cluster: string;
  Context: Record<string, unknown>;
  Created: string;
  Dispatched: string;
  LogSource: string;
  LogType: string;
  MergeByKeys: string[];
  MergeWindowMins: number;
  Outputs: Set<string>;
  /** absent while empty: DynamoDB has no empty sets */
  OutputsSent?: Set<string>;
  Publishers?: Record<string, string[]>;
  Record: string;
  RuleDescription: string;
  SourceEntity: string;
  SourceService: string;
  Staged: boolean;
  Severity?: string;
  Title?: string;
  Tags?: string[];
  Runbook?: string;
  MergeSendFirst?: boolean;
  MergeWindowOpener?: boolean;
}

export function toItem(alert: Alert): AlertItem {
  const item: AlertItem = {
    RuleName: alert.ruleName,
    AlertID: alert.alertId,
    Attempts: alert.attempts,
    Cluster: alert.cluster,
    Context: alert.context,
    Created: formatAlertTime(alert.created),
    Dispatched: formatAlertTime(alert.dispatched),
    LogSource: alert.logSource,
    LogType: alert.logType,
    MergeByKeys: alert.mergeByKeys,
    MergeWindowMins: alert.mergeWindowMins,
    Outputs: new Set(alert.outputs),
    Record: JSON.stringify(alert.record),
    RuleDescription: alert.ruleDescription,
    SourceEntity: alert.sourceEntity,
    SourceService: alert.sourceService,
    Staged: alert.staged,
  };
  if (alert.outputsSent.length > 0) item.OutputsSent = new Set(alert.outputsSent);
  if (Object.keys(alert.publishers).length > 0) item.Publishers = alert.publishers;
  if (alert.severity) item.Severity = alert.severity;
  if (alert.title) item.Title = alert.title;
  if (alert.tags && alert.tags.length > 0) item.Tags = alert.tags;
  if (alert.runbook) item.Runbook = alert.runbook;
  if (alert.mergeSendFirst) item.MergeSendFirst = true;
  if (alert.mergeWindowOpener) item.MergeWindowOpener = true;
  return item;
}

/** Reads an item written by this project or by StreamAlert (nulls, lists instead of sets). */
export function fromItem(item: Record<string, unknown>): Alert {
  const ruleName = requireString(item, "RuleName");
  const alertId = requireString(item, "AlertID");
  let record: LogRecord;
  try {
    record = JSON.parse(requireString(item, "Record")) as LogRecord;
  } catch (error) {
    if (error instanceof AlertFormatError) throw error;
    throw new AlertFormatError(`alert ${ruleName}/${alertId}: Record is not JSON text`);
  }
  const alert: Alert = {
    ruleName,
    alertId,
    attempts: Number(item.Attempts ?? 0) || 0,
    cluster: optionalString(item.Cluster),
    context: isObject(item.Context) ? item.Context : {},
    created: parseAlertTime(requireString(item, "Created")),
    dispatched: typeof item.Dispatched === "string" ? parseAlertTime(item.Dispatched) : EPOCH,
    logSource: optionalString(item.LogSource),
    logType: optionalString(item.LogType),
    mergeByKeys: stringList(item.MergeByKeys),
    mergeWindowMins: Number(item.MergeWindowMins ?? 0) || 0,
    outputs: stringList(item.Outputs).sort(),
    outputsSent: stringList(item.OutputsSent).sort(),
    publishers: publisherMap(item.Publishers),
    record,
    ruleDescription: optionalString(item.RuleDescription),
    sourceEntity: optionalString(item.SourceEntity),
    sourceService: optionalString(item.SourceService),
    staged: item.Staged === true,
  };
  if (typeof item.Severity === "string") alert.severity = item.Severity as Severity;
  if (typeof item.Title === "string") alert.title = item.Title;
  if (item.Tags !== undefined && item.Tags !== null) alert.tags = stringList(item.Tags);
  if (typeof item.Runbook === "string") alert.runbook = item.Runbook;
  if (item.MergeSendFirst === true) alert.mergeSendFirst = true;
  if (item.MergeWindowOpener === true) alert.mergeWindowOpener = true;
  return alert;
}

/** The table key of an alert. */
export function alertKey(alert: Pick<Alert, "ruleName" | "alertId">) {
  return { RuleName: alert.ruleName, AlertID: alert.alertId };
}

function requireString(item: Record<string, unknown>, key: string): string {
  const value = item[key];
  if (typeof value !== "string") {
    throw new AlertFormatError(`alert item: ${key} must be a string, got ${JSON.stringify(value)}`);
  }
  return value;
}

function optionalString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  if (value instanceof Set || Array.isArray(value)) {
    return [...value].filter((entry): entry is string => typeof entry === "string");
  }
  return [];
}

// StreamAlert stored publishers as a string, a list or a map of either; normalise to a map.
function publisherMap(value: unknown): Record<string, string[]> {
  if (!isObject(value)) return {};
  const result: Record<string, string[]> = {};
  for (const [output, names] of Object.entries(value)) {
    result[output] = typeof names === "string" ? [names] : stringList(names);
  }
  return result;
}
