import { type Alert, toPlainAlert } from "../../shared/alert";
import type { PublishedAlert, PublisherFunction } from "../../shared/rules/types";
import type { PublisherRegistry } from "./registry";

export interface ComposeOptions {
  /** a publisher name the registry does not know; it is skipped (as in StreamAlert) */
  onUnknownPublisher?: (name: string) => void;
}

/**
 * The publisher names for one output, in order: the ones stored for its service (`slack`, as
 * StreamAlert stored them), then for the exact output (`slack:security`).
 */
export function publisherNamesFor(alert: Pick<Alert, "publishers">, output: string): string[] {
  const colon = output.indexOf(":");
  const service = colon < 0 ? output : output.slice(0, colon);
  const names = [...(alert.publishers[service] ?? [])];
  if (service !== output) names.push(...(alert.publishers[output] ?? []));
  return names;
}

/**
 * What one output (`service:descriptor`) is given for this alert: the alert's publisher chain
 * for that output run over an empty publication, or the alert's plain form when it has none
 * (or none of its names resolve). Each publisher sees fresh copies, so none can change what the
 * next one or another output receives. A publisher that throws fails this output only.
 */
export function composePublication(
  alert: Alert,
  output: string,
  registry: PublisherRegistry,
  options: ComposeOptions = {},
): PublishedAlert {
  const plain = toPlainAlert(alert);
  const chain: PublisherFunction[] = [];
  for (const name of publisherNamesFor(alert, output)) {
    const publisher = registry.get(name);
    if (publisher) chain.push(publisher);
    else options.onUnknownPublisher?.(name);
  }
  if (chain.length === 0) return structuredClone(plain);
  let publication: PublishedAlert = {};
  for (const publisher of chain) {
    publication = publisher(structuredClone(plain), structuredClone(publication));
  }
  return publication;
}
