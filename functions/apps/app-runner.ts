// The app core (StreamAlert's AppIntegration.gather): load auth and state, refuse to run beside a
// live run, poll page after page while the time left allows another poll (its last duration × 1.5
// plus the type's pause, with 2 s kept for the end), send each page to the classifier and only
// then save its cursor, and finish as `succeeded`, or `partial` with a successive invocation of
// itself when more remains. Any error leaves `failed` and the cursor of the last page sent, so the
// next run fetches again whatever was not delivered.
import { logger } from "../shared/logger";
import { type AppHttpOptions, createAppHttp } from "./app-http";
import type { AppParameterStore, AppRunState, AppState } from "./app-parameters";
import { AppConfigError } from "./errors";
import type { LambdaInvoker } from "./lambda-invoker";
import { createLogBatcher } from "./log-batcher";
import { scheduleIntervalSeconds } from "./schedule";
import type { AppContext, AppTypeDefinition } from "./types/app-type";
import { APP_TYPE_DEFINITIONS } from "./types/index";

/** StreamAlert's margin on the last poll's duration before starting another */
const POLL_BUFFER_MULTIPLIER = 1.5;
/** kept at the end for saving state and invoking the next run */
const END_BUFFER_MS = 2000;
/** no Lambda runs longer: a `running` or `partial` state older than this belongs to a dead run */
export const STALE_STATE_MS = 15 * 60 * 1000;
export const SELF_QUALIFIER = "production";
export const SUCCESSIVE_INVOCATION = "successive";

export interface AppRunInput {
  functionName: string;
  appType: string;
  /** the classifier function of the app's cluster */
  destinationFunction: string;
  scheduleExpression: string;
  /** this run was invoked by the previous one to continue */
  successive: boolean;
  remainingMs(): number;
}

export interface AppRunDeps {
  parameters: AppParameterStore;
  invoker: LambdaInvoker;
  http?: AppHttpOptions;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** @default every app type */
  types?: Readonly<Record<string, AppTypeDefinition>>;
}

export interface AppRunResult {
  /** `skipped`: another run owns the state */
  outcome: AppRunState | "skipped";
  polls: number;
  logs: number;
  batches: number;
  dropped: number;
  lastTimestamp?: string | number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function appTypeDefinition(
  type: string,
  types: Readonly<Record<string, AppTypeDefinition>> = APP_TYPE_DEFINITIONS,
): AppTypeDefinition {
  if (Object.hasOwn(types, type)) return types[type];
  throw new AppConfigError(
    `app type ${JSON.stringify(type)} is not one of ${Object.keys(types).sort().join(", ")}; fix "type" of the app in conf/clusters/*.json modules.streamalert_apps`,
  );
}

/** Why this run must not start, or undefined to go ahead. */
function ownerConflict(state: AppState, modified: Date | undefined, input: AppRunInput, now: Date) {
  const fresh = modified === undefined || now.getTime() - modified.getTime() < STALE_STATE_MS;
  if (state.current_state === "running" && fresh) return "another run is in progress";
  if (state.current_state === "partial" && !input.successive && fresh) {
    return "a chain of successive runs is in progress";
  }
  return undefined;
}

export async function runApp(input: AppRunInput, deps: AppRunDeps): Promise<AppRunResult> {
  const definition = appTypeDefinition(input.appType, deps.types);
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? wait;
  const log = logger.createChild({ persistentKeys: { app: input.functionName } });
  const result: AppRunResult = { outcome: "skipped", polls: 0, logs: 0, batches: 0, dropped: 0 };

  const loaded = await deps.parameters.load();
  const conflict = ownerConflict(loaded.state, loaded.stateModified, input, now());
  if (conflict) {
    log.warn(`app not started: ${conflict}`, { state: loaded.state.current_state });
    return result;
  }
  if (!loaded.auth) {
    throw new AppConfigError(
      `SSM parameter ${input.functionName}_auth does not exist; store it with streamalert app update-auth`,
    );
  }
  const missing = definition.authKeys.filter((key) => !(key in (loaded.auth ?? {})));
  if (missing.length > 0) {
    throw new AppConfigError(
      `SSM parameter ${input.functionName}_auth lacks ${missing.join(", ")} for the ${definition.type} app; store them with streamalert app update-auth`,
    );
  }

  const state: AppState = {
    last_timestamp:
      loaded.state.last_timestamp ??
      definition.formatStart(
        new Date(now().getTime() - scheduleIntervalSeconds(input.scheduleExpression) * 1000),
      ),
    context: (loaded.state.context ?? {}) as AppContext,
  };
  const save = async (current: AppRunState) => {
    state.current_state = current;
    await deps.parameters.saveState(state);
  };
  await save("running");
  log.info("app started", { lastTimestamp: state.last_timestamp, successive: input.successive });

  const batcher = createLogBatcher({
    invoker: deps.invoker,
    source: input.functionName,
    destination: input.destinationFunction,
  });
  try {
    const poller = definition.createPoller({
      auth: loaded.auth,
      lastTimestamp: state.last_timestamp as string | number,
      context: state.context ?? {},
      http: createAppHttp(definition.type, deps.http),
      now,
    });
    let more = true;
    while (more) {
      const started = Date.now();
      const page = await poller.poll();
      result.polls += 1;
      const sent = await batcher.send(page.logs);
      result.logs += sent.sent;
      result.batches += sent.batches;
      result.dropped += sent.dropped;
      state.last_timestamp = page.lastTimestamp;
      state.context = page.context;
      await save("running");
      more = page.more;
      if (!more) break;
      const pauseMs = (definition.sleepSeconds?.(result.polls) ?? 0) * 1000;
      const needMs = (Date.now() - started) * POLL_BUFFER_MULTIPLIER + pauseMs;
      if (needMs >= input.remainingMs() - END_BUFFER_MS) break;
      if (pauseMs > 0) await sleep(pauseMs);
    }
    result.lastTimestamp = state.last_timestamp;
    if (more) {
      // partial first: the successive run must not find `running` and stop
      await save("partial");
      await deps.invoker.invokeAsync(
        input.functionName,
        SELF_QUALIFIER,
        JSON.stringify({ invocation_type: SUCCESSIVE_INVOCATION }),
      );
      result.outcome = "partial";
    } else {
      await save("succeeded");
      result.outcome = "succeeded";
    }
    log.info("app finished", { ...result });
    return result;
  } catch (error) {
    result.outcome = "failed";
    log.error("app failed; the next run starts from the last cursor saved", {
      error: (error as Error).message,
      ...result,
      lastTimestamp: state.last_timestamp,
    });
    await save("failed").catch((saveError: Error) =>
      log.error("could not save the failed state", { error: saveError.message }),
    );
    throw error;
  }
}
