import type {
  AlertKey,
  DispatchMark,
  MergerAlertTable,
} from "../../functions/alert_merger/alert-table";
import type { AlertProcessorInvoker } from "../../functions/alert_merger/invoker";
import { type Alert, type AlertItem, EPOCH, toItem } from "../../functions/shared/alert";

export const T0 = new Date("2026-03-01T12:00:00.000Z");

export const minutes = (count: number, from: Date = T0) =>
  new Date(from.getTime() + count * 60_000);

let sequence = 0;

/** An alert as the rules engine writes it; ids are unique per call unless given. */
export function alertOf(overrides: Partial<Alert> = {}): Alert {
  sequence++;
  return {
    ruleName: "suspicious_login",
    alertId: `alert-${String(sequence).padStart(4, "0")}`,
    attempts: 0,
    cluster: "prod",
    context: {},
    created: T0,
    dispatched: EPOCH,
    logSource: "cloudtrail:events",
    logType: "json",
    mergeByKeys: [],
    mergeWindowMins: 0,
    outputs: ["aws-firehose:alerts", "slack:security"],
    outputsSent: [],
    publishers: {},
    record: { user: "alice", source_ip: "10.0.0.1" },
    ruleDescription: "Suspicious login",
    sourceEntity: "prod_stream",
    sourceService: "kinesis",
    staged: false,
    ...overrides,
  };
}

/** A merge candidate keyed on `user` with a 10 minute window, already sent to the Firehose. */
export function mergeCandidate(overrides: Partial<Alert> = {}): Alert {
  return alertOf({
    mergeByKeys: ["user"],
    mergeWindowMins: 10,
    outputsSent: ["aws-firehose:alerts"],
    ...overrides,
  });
}

const keyOf = (key: AlertKey) => `${key.RuleName}\u0000${key.AlertID}`;

/** The alerts table in memory, with the same conditions as the DynamoDB one. */
export class MemoryMergerTable implements MergerAlertTable {
  readonly items = new Map<string, Record<string, unknown>>();
  readonly marks: Array<{ key: AlertKey; mark: DispatchMark }> = [];
  failMarksFor = new Set<string>();

  constructor(alerts: Alert[] = []) {
    for (const alert of alerts) this.add(toItem(alert));
  }

  add(item: AlertItem | Record<string, unknown>): void {
    const record = { ...item } as Record<string, unknown>;
    this.items.set(keyOf(record as unknown as AlertKey), record);
  }

  item(ruleName: string, alertId: string): Record<string, unknown> | undefined {
    return this.items.get(keyOf({ RuleName: ruleName, AlertID: alertId }));
  }

  async *ruleNames() {
    yield* new Set([...this.items.values()].map((item) => String(item.RuleName)));
  }

  async *alertItems(ruleName: string) {
    for (const item of [...this.items.values()]) {
      if (item.RuleName === ruleName) yield { ...item };
    }
  }

  async markDispatched(key: AlertKey, mark: DispatchMark) {
    const item = this.items.get(keyOf(key));
    if (!item || this.failMarksFor.has(key.AlertID)) return false;
    if (item.Dispatched !== mark.previousDispatched) return false;
    this.marks.push({ key, mark });
    item.Attempts = mark.attempts;
    item.Dispatched = mark.dispatched;
    if (mark.opener) item.MergeWindowOpener = true;
    return true;
  }

  async putNew(item: AlertItem) {
    if (this.items.has(keyOf(item))) return false;
    this.add(item);
    return true;
  }

  async deleteAll(keys: readonly AlertKey[]) {
    for (const key of keys) this.items.delete(keyOf(key));
  }
}

/** Records every payload instead of invoking a Lambda function. */
export function recordingInvoker(): AlertProcessorInvoker & { payloads: string[] } {
  const payloads: string[] = [];
  return {
    payloads,
    async invoke(payload) {
      payloads.push(payload);
    },
  };
}
