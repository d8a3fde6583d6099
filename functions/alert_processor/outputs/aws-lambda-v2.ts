// aws-lambda-v2: like aws-lambda, but the function, its qualifier and an optional role to assume
// first (a function in another account) come from the output's SSM credentials, as StreamAlert's
// LambdaOutputV2 stored them: lambda_function_arn, function_qualifier, assume_role_arn.
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { AssumeRoleCommand, type AssumeRoleCommandOutput, STSClient } from "@aws-sdk/client-sts";
import { type AwsClientOptions, awsClientConfig } from "../../shared/aws/client-config";
import { awsOutputError } from "./aws-error";
import { lambdaPayload, parseLambdaTarget } from "./aws-lambda-target";
import { AWS_OUTPUT_CREDENTIAL_KEYS } from "./aws-output-keys";
import { OutputConfigError } from "./errors";
import type { OutputService } from "./types";

export const LAMBDA_V2_SERVICE = "aws-lambda-v2";

/** The session name the target account sees in CloudTrail (StreamAlert's). */
export const ASSUME_ROLE_SESSION_NAME = "streamalert_alert_processor";

/** Assumed-role clients are replaced this long before their credentials expire. */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

export interface LambdaV2OutputDeps {
  clientOptions?: AwsClientOptions;
  /** injectable for tests */
  now?: () => number;
}

interface CachedClient {
  client: LambdaClient;
  /** epoch ms; Infinity for the processor's own credentials */
  expiresAt: number;
}

export function createLambdaV2Output(deps: LambdaV2OutputDeps = {}): OutputService {
  const now = deps.now ?? Date.now;
  let sts: STSClient | undefined;
  // one client per (role, region): the processor's own, and one per assumed role
  const clients = new Map<string, CachedClient>();

  async function lambdaFor(roleArn: string | undefined, region: string | undefined) {
    const key = `${roleArn ?? ""}|${region ?? ""}`;
    const cached = clients.get(key);
    if (cached && cached.expiresAt - REFRESH_BEFORE_EXPIRY_MS > now()) return cached.client;
    const config = awsClientConfig("lambda", {
      ...deps.clientOptions,
      ...(region ? { region } : {}),
    });
    if (!roleArn) {
      const client = new LambdaClient(config);
      clients.set(key, { client, expiresAt: Number.POSITIVE_INFINITY });
      return client;
    }
    sts ??= new STSClient(awsClientConfig("sts", deps.clientOptions));
    let assumed: AssumeRoleCommandOutput;
    try {
      assumed = await sts.send(
        new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: ASSUME_ROLE_SESSION_NAME }),
      );
    } catch (error) {
      throw awsOutputError(LAMBDA_V2_SERVICE, `AssumeRole of "${roleArn}"`, error);
    }
    const credentials = assumed.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
      throw awsOutputError(
        LAMBDA_V2_SERVICE,
        `AssumeRole of "${roleArn}"`,
        new Error("the answer carried no credentials"),
      );
    }
    cached?.client.destroy();
    const client = new LambdaClient({
      ...config,
      credentials: {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
        expiration: credentials.Expiration,
      },
    });
    const expiresAt = credentials.Expiration?.getTime() ?? now() + 15 * 60_000;
    clients.set(key, { client, expiresAt });
    return client;
  }

  return {
    service: LAMBDA_V2_SERVICE,
    credentialKeys: AWS_OUTPUT_CREDENTIAL_KEYS["aws-lambda-v2"],
    async dispatch({ alert, descriptor, publication, credentials }) {
      const functionArn = credentials?.lambda_function_arn?.trim();
      if (!functionArn) {
        throw new OutputConfigError(
          `${LAMBDA_V2_SERVICE}:${descriptor} has no lambda_function_arn in its credentials; ` +
            "set it with `streamalert output set aws-lambda-v2`",
        );
      }
      const target = parseLambdaTarget(functionArn);
      const qualifier = credentials?.function_qualifier?.trim() || target.qualifier;
      const roleArn = credentials?.assume_role_arn?.trim() || undefined;
      const payload = lambdaPayload(LAMBDA_V2_SERVICE, alert, publication);
      const lambda = await lambdaFor(roleArn, target.region);
      try {
        await lambda.send(
          new InvokeCommand({
            FunctionName: target.functionName,
            InvocationType: "Event",
            Payload: payload,
            ...(qualifier ? { Qualifier: qualifier } : {}),
          }),
        );
      } catch (error) {
        const name = qualifier ? `${target.functionName}:${qualifier}` : target.functionName;
        const via = roleArn ? ` as role "${roleArn}"` : "";
        throw awsOutputError(LAMBDA_V2_SERVICE, `Invoke of function "${name}"${via}`, error);
      }
    },
  };
}
