// The app's two SSM parameters, as StreamAlert named and shaped them: `<function>_auth` (a
// SecureString JSON object of the type's auth keys, written by `streamalert app update-auth`) and
// `<function>_state` (SecureString JSON `{last_timestamp, current_state, context}`, written here).
import {
  GetParametersCommand,
  type GetParametersCommandOutput,
  PutParameterCommand,
  type SSMClient,
} from "@aws-sdk/client-ssm";
import { AppConfigError, AppStateError } from "./errors";
import type { AppAuth, AppContext } from "./types/app-type";

export type AppRunState = "running" | "succeeded" | "failed" | "partial";

export interface AppState {
  last_timestamp?: string | number;
  current_state?: AppRunState;
  context?: AppContext;
}

export interface LoadedParameters {
  /** undefined when the auth parameter does not exist */
  auth?: AppAuth;
  state: AppState;
  /** when the state parameter was last written (to tell a crashed run from a live one) */
  stateModified?: Date;
}

export interface AppParameterStore {
  load(): Promise<LoadedParameters>;
  saveState(state: AppState): Promise<void>;
}

export const authParameterName = (functionName: string) => `${functionName}_auth`;
export const stateParameterName = (functionName: string) => `${functionName}_state`;

const SAVE_TRIES = 5;
const RETRYABLE = new Set(["TooManyUpdates", "ThrottlingException", "InternalServerError"]);
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseObject(name: string, text: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text ?? "");
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // the value may be secret: reported without it
  }
  throw new AppConfigError(
    `SSM parameter ${name} does not hold a JSON object; store it again (streamalert app update-auth for the auth)`,
  );
}

export interface SsmParameterStoreOptions {
  client: SSMClient;
  functionName: string;
  appType: string;
  /** backoff between save tries; injectable for tests */
  sleep?: (ms: number) => Promise<void>;
}

export function createSsmParameterStore(options: SsmParameterStoreOptions): AppParameterStore {
  const { client, functionName, appType } = options;
  const authName = authParameterName(functionName);
  const stateName = stateParameterName(functionName);
  const sleep = options.sleep ?? wait;

  return {
    async load() {
      let answer: GetParametersCommandOutput;
      try {
        answer = await client.send(
          new GetParametersCommand({ Names: [authName, stateName], WithDecryption: true }),
        );
      } catch (error) {
        throw new AppStateError(
          `could not read SSM parameters ${authName} and ${stateName}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      const byName = new Map((answer.Parameters ?? []).map((p) => [p.Name, p]));
      const auth = byName.get(authName);
      const state = byName.get(stateName);
      return {
        auth: auth ? parseObject(authName, auth.Value) : undefined,
        state: state ? (parseObject(stateName, state.Value) as AppState) : {},
        stateModified: state?.LastModifiedDate,
      };
    },

    async saveState(state) {
      const value = JSON.stringify({
        last_timestamp: state.last_timestamp,
        current_state: state.current_state,
        context: state.context ?? {},
      });
      for (let attempt = 1; ; attempt++) {
        try {
          await client.send(
            new PutParameterCommand({
              Name: stateName,
              Description: `State information for the '${appType}' app for use in the '${functionName}' function`,
              Value: value,
              Type: "SecureString",
              Overwrite: true,
            }),
          );
          return;
        } catch (error) {
          const name = (error as Error).name;
          if (!RETRYABLE.has(name) || attempt >= SAVE_TRIES) {
            throw new AppStateError(
              `could not save SSM parameter ${stateName} (${name}: ${(error as Error).message})`,
              { cause: error },
            );
          }
          // full jitter: several apps saving at once spread out
          await sleep(Math.random() * Math.min(5000, 200 * 2 ** attempt));
        }
      }
    },
  };
}
