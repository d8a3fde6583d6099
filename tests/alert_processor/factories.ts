import type {
  AlertTableKey,
  ProcessorAlertStore,
} from "../../functions/alert_processor/alert-store";
import { createMapCredentialProvider } from "../../functions/alert_processor/credentials";
import type { DispatchRequest, OutputService } from "../../functions/alert_processor/outputs/types";
import { createAlertProcessor } from "../../functions/alert_processor/processor";
import {
  buildPublisherRegistry,
  type PublisherModule,
} from "../../functions/alert_processor/publishers/registry";
import { type Alert, toItem } from "../../functions/shared/alert";
import type { OutputsConfig } from "../../functions/shared/config/types";

const keyOf = (key: AlertTableKey) => `${key.RuleName}\u0000${key.AlertID}`;

/** The alerts table in memory; OutputsSent is a set union, as DynamoDB's ADD. */
export class MemoryProcessorStore implements ProcessorAlertStore {
  readonly items = new Map<string, Record<string, unknown>>();
  gets = 0;

  put(alert: Alert): void {
    this.items.set(keyOf({ RuleName: alert.ruleName, AlertID: alert.alertId }), {
      ...toItem(alert),
    });
  }

  item(alert: Alert) {
    return this.items.get(keyOf({ RuleName: alert.ruleName, AlertID: alert.alertId }));
  }

  async get(key: AlertTableKey) {
    this.gets++;
    const item = this.items.get(keyOf(key));
    return item ? { ...item } : undefined;
  }

  async delete(key: AlertTableKey) {
    this.items.delete(keyOf(key));
  }

  async addOutputsSent(key: AlertTableKey, outputs: readonly string[]) {
    const item = this.items.get(keyOf(key));
    if (!item) return;
    const current = item.OutputsSent instanceof Set ? item.OutputsSent : new Set<string>();
    item.OutputsSent = new Set([...current, ...outputs]);
  }
}

/** An output service that records what it was asked to send and fails on demand. */
export class FakeOutputService implements OutputService {
  readonly requests: DispatchRequest[] = [];
  failuresLeft = 0;

  constructor(
    readonly service: string,
    readonly credentialKeys: readonly string[] = [],
  ) {}

  async dispatch(request: DispatchRequest): Promise<void> {
    this.requests.push(request);
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error(`${this.service} answered 500`);
    }
  }
}

export const OUTPUTS_CONFIG: OutputsConfig = {
  "aws-firehose": { alerts: "acme_streamalert_alert_delivery" },
  "aws-s3": { archive: "acme-alerts-archive" },
  slack: ["security"],
  "pagerduty-v2": ["oncall"],
};

export const SLACK_PARAMETER = "/acme/streamalert/outputs/slack/security";

export function processorWith(
  options: {
    store?: MemoryProcessorStore;
    services?: OutputService[];
    parameters?: Record<string, string>;
    publisherModules?: PublisherModule[];
  } = {},
) {
  const store = options.store ?? new MemoryProcessorStore();
  const services = options.services ?? [
    new FakeOutputService("aws-firehose"),
    new FakeOutputService("slack", ["url"]),
  ];
  const processor = createAlertProcessor({
    store,
    outputServices: Object.fromEntries(services.map((service) => [service.service, service])),
    outputsConfig: OUTPUTS_CONFIG,
    prefix: "acme",
    credentials: createMapCredentialProvider(
      options.parameters ?? {
        [SLACK_PARAMETER]: JSON.stringify({ url: "https://hooks.example/x" }),
      },
    ),
    publishers: buildPublisherRegistry(options.publisherModules),
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  });
  return { store, processor, services };
}

/** The item as the merger sends it inline (sets as lists). */
export function inlineEvent(alert: Alert): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(toItem(alert), (_key, value: unknown) =>
      value instanceof Set ? [...value] : value,
    ),
  ) as Record<string, unknown>;
}
