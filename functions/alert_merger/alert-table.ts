import type { AlertItem } from "../shared/alert";

/** The alerts table key. */
export interface AlertKey {
  RuleName: string;
  AlertID: string;
}

/** What the merger records when it hands an alert to the processor. */
export interface DispatchMark {
  attempts: number;
  /** formatted alert time */
  dispatched: string;
  /** the Dispatched text read before (absent: never set); the update applies only if unchanged */
  previousDispatched?: string;
  /** mark the alert as the first of its merge window (`mergeSendFirst`) */
  opener: boolean;
}

/** The alerts table as the merger uses it (DynamoDB in Lambda, in-memory fakes in tests). */
export interface MergerAlertTable {
  /** each rule name with alerts in the table, once */
  ruleNames(): AsyncIterable<string>;
  /** every alert item of one rule (consistent read), as stored */
  alertItems(ruleName: string): AsyncIterable<Record<string, unknown>>;
  /** false when the alert is gone or another merger dispatched it meanwhile */
  markDispatched(key: AlertKey, mark: DispatchMark): Promise<boolean>;
  /** false when an item with that key already exists */
  putNew(item: AlertItem): Promise<boolean>;
  deleteAll(keys: readonly AlertKey[]): Promise<void>;
}
