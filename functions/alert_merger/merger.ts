import {
  type Alert,
  AlertFormatError,
  alertKey,
  EPOCH,
  formatAlertTime,
  fromItem,
  isMergeCandidate,
  remainingOutputs,
  toItem,
} from "../shared/alert";
import { logger as defaultLogger } from "../shared/logger";
import type { AlertKey, MergerAlertTable } from "./alert-table";
import { forEachConcurrently } from "./concurrency";
import { dispatchAlert } from "./dispatch";
import { mergeToFit } from "./fit-item-size";
import type { AlertProcessorInvoker } from "./invoker";
import { groupMergeCandidates, MAX_ALERTS_PER_GROUP } from "./merge-groups";
import { sendFirstWindows } from "./send-first";

export type MergerLogger = Pick<typeof defaultLogger, "info" | "warn" | "error">;

export interface AlertMergerOptions {
  table: MergerAlertTable;
  invoker: AlertProcessorInvoker;
  /** alerts dispatched less than this long ago may still be in the processor: left alone */
  processorTimeoutSec: number;
  now?: () => Date;
  logger?: MergerLogger;
  /** alerts of one rule looked at per run (StreamAlert's memory bound); default 5000 */
  maxAlertsPerRule?: number;
  /** processor invocations in flight at once; default 16 (a minute's schedule is short) */
  dispatchConcurrency?: number;
}

export interface MergerRunSummary {
  rules: number;
  /** processor invocations, merged alerts included */
  dispatched: number;
  /** new merged alerts written */
  merged: number;
  /** items removed: merged members, finished alerts, closed send-first windows */
  deleted: number;
  /** alerts or rules that failed this run; they are retried next run */
  errors: number;
}

export interface AlertMerger {
  run(): Promise<MergerRunSummary>;
}

interface LoadedAlert {
  alert: Alert;
  /** the Dispatched text as stored: the dispatch mark is conditional on it */
  dispatchedText?: string;
}

/**
 * The alert merger core (SPEC §5), run every minute: per rule, dispatches alerts with outputs
 * left, merges closed windows of merge candidates into one alert each, and removes what is done.
 */
export function createAlertMerger(options: AlertMergerOptions): AlertMerger {
  const { table, invoker } = options;
  const log = options.logger ?? defaultLogger;
  const clock = options.now ?? (() => new Date());
  const maxAlertsPerRule = options.maxAlertsPerRule ?? 5000;
  const dispatchConcurrency = options.dispatchConcurrency ?? 16;

  async function load(ruleName: string): Promise<LoadedAlert[]> {
    const loaded: LoadedAlert[] = [];
    for await (const item of table.alertItems(ruleName)) {
      if (loaded.length >= maxAlertsPerRule) {
        log.warn("Alert merger reached its per-rule limit; the rest wait for the next run", {
          rule: ruleName,
          limit: maxAlertsPerRule,
        });
        break;
      }
      try {
        const dispatchedText = typeof item.Dispatched === "string" ? item.Dispatched : undefined;
        loaded.push({ alert: fromItem(item), dispatchedText });
      } catch (error) {
        if (!(error instanceof AlertFormatError)) throw error;
        log.error("Invalid alert item skipped", { rule: ruleName, error: error.message });
      }
    }
    return loaded;
  }

  async function processRule(ruleName: string, summary: MergerRunSummary): Promise<void> {
    const loaded = await load(ruleName);
    const now = clock();
    const dueBefore = now.getTime() - options.processorTimeoutSec * 1000;
    const isDue = (alert: Alert) => alert.dispatched.getTime() < dueBefore;
    const deps = { table, invoker, now };

    const windows = sendFirstWindows(
      loaded.map(({ alert }) => alert).filter((alert) => isSendFirst(alert)),
      now,
    );
    for (const window of windows) window.opener.mergeWindowOpener = true;

    const dispatch = (pending: Array<{ alert: Alert; previous?: string }>) =>
      forEachConcurrently(pending, dispatchConcurrency, async ({ alert, previous }) => {
        try {
          const outcome = await dispatchAlert(alert, previous, deps);
          if (outcome === "dispatched") summary.dispatched++;
        } catch (error) {
          summary.errors++;
          log.error("Dispatch failed; retried after the processor timeout", {
            rule: ruleName,
            alertId: alert.alertId,
            error: String(error),
          });
        }
      });

    const toDelete: AlertKey[] = [];
    const toSend: Array<{ alert: Alert; previous?: string }> = [];
    const regularCandidates: Alert[] = [];
    for (const { alert, dispatchedText } of loaded) {
      if (!isDue(alert)) continue;
      if (remainingOutputs(alert).length > 0) {
        toSend.push({ alert, previous: dispatchedText });
      } else if (!isMergeCandidate(alert)) {
        // sent everywhere but not deleted by the processor (it timed out): finish the job
        toDelete.push(alertKey(alert));
      } else if (!alert.mergeSendFirst) {
        regularCandidates.push(alert);
      }
    }
    await dispatch(toSend);

    const groups = groupMergeCandidates(regularCandidates, now);
    for (const window of windows) {
      if (!window.closed) continue;
      const ready = window.followers.filter(
        (alert) => isDue(alert) && remainingOutputs(alert).length === 0,
      );
      for (let start = 0; start < ready.length; start += MAX_ALERTS_PER_GROUP) {
        groups.push(ready.slice(start, start + MAX_ALERTS_PER_GROUP));
      }
      // the opener marks its window until every follower is merged and it is fully sent
      if (
        ready.length === window.followers.length &&
        remainingOutputs(window.opener).length === 0
      ) {
        toDelete.push(alertKey(window.opener));
      }
    }

    const mergedToSend: Array<{ alert: Alert; previous?: string }> = [];
    for (const { merged, members } of groups.flatMap((group) => mergeToFit(group, now))) {
      if (await table.putNew(toItem(merged))) {
        mergedToSend.push({ alert: merged, previous: formatAlertTime(EPOCH) });
      }
      toDelete.push(...members.map(alertKey));
      summary.merged++;
      log.info("Merged alerts", { rule: ruleName, alertId: merged.alertId, count: members.length });
    }
    if (toDelete.length > 0) {
      await table.deleteAll(toDelete);
      summary.deleted += toDelete.length;
    }
    await dispatch(mergedToSend);
  }

  return {
    async run() {
      const summary: MergerRunSummary = {
        rules: 0,
        dispatched: 0,
        merged: 0,
        deleted: 0,
        errors: 0,
      };
      for await (const ruleName of table.ruleNames()) {
        summary.rules++;
        try {
          await processRule(ruleName, summary);
        } catch (error) {
          summary.errors++;
          log.error("Alert merger failed for a rule; retried next run", {
            rule: ruleName,
            error: String(error),
          });
        }
      }
      return summary;
    },
  };
}

function isSendFirst(alert: Alert): boolean {
  return isMergeCandidate(alert) && alert.mergeSendFirst === true;
}
