import {
  type Alert,
  AlertFormatError,
  alertKey,
  fromItem,
  isMergeCandidate,
  remainingOutputs,
} from "../shared/alert";
import { NORMALIZATION_KEY } from "../shared/classified-record";
import type { OutputsConfig } from "../shared/config/types";
import { logger as defaultLogger } from "../shared/logger";
import type { AlertTableKey, ProcessorAlertStore } from "./alert-store";
import { type CredentialProvider, credentialParameterName, loadCredentials } from "./credentials";
import { resolveOutputTarget } from "./output-targets";
import type { DispatchRequest, OutputService } from "./outputs/types";
import { composePublication } from "./publishers/compose";
import type { PublisherRegistry } from "./publishers/registry";

export type ProcessorLogger = Pick<typeof defaultLogger, "info" | "warn" | "error">;

export interface AlertProcessorOptions {
  store: ProcessorAlertStore;
  /** service name ("slack", "aws-s3") → its implementation */
  outputServices: Readonly<Record<string, OutputService>>;
  outputsConfig: OutputsConfig;
  /** deployment prefix: names SSM parameters and the required alerts Firehose */
  prefix: string;
  credentials: CredentialProvider;
  publishers: PublisherRegistry;
  logger?: ProcessorLogger;
}

export interface OutputResult {
  sent: boolean;
  /** why it was not sent; never contains a secret */
  error?: string;
}

export interface ProcessorResult {
  ruleName?: string;
  alertId?: string;
  /** one entry per output attempted in this run */
  outputs: Record<string, OutputResult>;
  /** what happened to the table item */
  table: "deleted" | "updated" | "unchanged" | "not-found" | "invalid";
}

export interface AlertProcessor {
  /** `event`: the whole alert item, or only its key `{RuleName, AlertID}` */
  process(event: Record<string, unknown>): Promise<ProcessorResult>;
}

/**
 * The alert processor core (SPEC §5): loads the alert, sends it to every output it still has to
 * go to, each on its own (one failing output never stops another), then records the result:
 * item deleted when everything is sent and it will not be merged, successes added to
 * OutputsSent otherwise, nothing when all failed (the merger dispatches it again later).
 */
export function createAlertProcessor(options: AlertProcessorOptions): AlertProcessor {
  const log = options.logger ?? defaultLogger;

  async function load(event: Record<string, unknown>): Promise<Alert | "not-found" | "invalid"> {
    let item: Record<string, unknown> | undefined = event;
    if (event.Record === undefined) {
      if (typeof event.RuleName !== "string" || typeof event.AlertID !== "string") {
        log.error("Alert processor event has neither an alert nor its key", {
          keys: Object.keys(event),
        });
        return "invalid";
      }
      const key: AlertTableKey = { RuleName: event.RuleName, AlertID: event.AlertID };
      item = await options.store.get(key);
      if (!item) {
        log.warn("Alert no longer in the alerts table", { ...key });
        return "not-found";
      }
    }
    try {
      return fromItem(item);
    } catch (error) {
      if (!(error instanceof AlertFormatError)) throw error;
      log.error("Invalid alert", { error: error.message });
      return "invalid";
    }
  }

  async function send(alert: Alert, output: string): Promise<OutputResult> {
    const target = resolveOutputTarget(output, options.outputsConfig, options.prefix);
    if (typeof target === "string") return { sent: false, error: target };
    const service = options.outputServices[target.service];
    if (!service) {
      return { sent: false, error: `no output service "${target.service}" is available` };
    }
    try {
      const publication = composePublication(alert, output, options.publishers, {
        onUnknownPublisher: (name) =>
          log.warn("Unknown publisher skipped", { rule: alert.ruleName, output, publisher: name }),
      });
      const request: DispatchRequest = { alert, descriptor: target.descriptor, publication };
      if (target.resource !== undefined) request.resource = target.resource;
      if (service.credentialKeys.length > 0) {
        request.credentials = await loadCredentials(
          options.credentials,
          credentialParameterName(options.prefix, target.service, target.descriptor),
          service.credentialKeys,
        );
      }
      await service.dispatch(request);
      return { sent: true };
    } catch (error) {
      return { sent: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    async process(event) {
      const loaded = await load(event);
      if (typeof loaded === "string") return { outputs: {}, table: loaded };
      // normalization is for rules; outputs get the record as it arrived
      const { [NORMALIZATION_KEY]: _dropped, ...record } = loaded.record;
      const alert: Alert = { ...loaded, record };
      const ids = { ruleName: alert.ruleName, alertId: alert.alertId };

      const pending = remainingOutputs(alert);
      const outcomes = await Promise.all(pending.map((output) => send(alert, output)));
      const outputs: Record<string, OutputResult> = {};
      pending.forEach((output, index) => {
        outputs[output] = outcomes[index];
      });
      for (const [output, result] of Object.entries(outputs)) {
        if (result.sent) log.info("Alert sent", { ...ids, output });
        else log.error("Alert not sent", { ...ids, output, error: result.error });
      }

      const sent = pending.filter((output) => outputs[output].sent);
      if (pending.length === 0 || sent.length === 0) return { ...ids, outputs, table: "unchanged" };
      if (sent.length === pending.length && !isMergeCandidate(alert)) {
        await options.store.delete(alertKey(alert));
        return { ...ids, outputs, table: "deleted" };
      }
      await options.store.addOutputsSent(alertKey(alert), sent);
      return { ...ids, outputs, table: "updated" };
    },
  };
}
