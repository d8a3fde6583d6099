import type { RetryPolicy } from "./types";

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with jitter before try number `attempt + 1` (attempt counts from 1). */
export function backoff(policy: RetryPolicy, attempt: number): Promise<void> {
  const delay = policy.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
  return (policy.sleep ?? defaultSleep)(delay);
}
