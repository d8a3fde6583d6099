import type { Alert } from "../shared/alert";
import { byCreation, canMerge, mergeWindowEnd } from "./merge-groups";

/** One merge window of a `mergeSendFirst` rule: its first alert and the alerts that fall in it. */
export interface SendFirstWindow {
  /** sent to every output at once */
  opener: Alert;
  /** merged into one alert when the window closes */
  followers: Alert[];
  closed: boolean;
}

/**
 * The windows of `mergeSendFirst` alerts, in creation order. An alert already marked as opener
 * keeps its window; any other alert joins the first window whose opener it can merge with, or
 * opens a new one. Every alert of the rule counts here, also those still being processed, so an
 * opener in flight is not mistaken for missing and a second opener is not sent.
 */
export function sendFirstWindows(alerts: readonly Alert[], now: Date): SendFirstWindow[] {
  const windows: SendFirstWindow[] = [];
  for (const alert of [...alerts].sort(byCreation)) {
    const window = alert.mergeWindowOpener
      ? undefined
      : windows.find((candidate) => canMerge(candidate.opener, alert));
    if (window) window.followers.push(alert);
    else windows.push({ opener: alert, followers: [], closed: false });
  }
  for (const window of windows) window.closed = now.getTime() >= mergeWindowEnd(window.opener);
  return windows;
}
