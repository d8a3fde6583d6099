// Secrets the CLI stores in SSM Parameter Store as SecureString (output credentials, app auth,
// threat intel API credentials). Clients use the standard credential chain and --region.
import {
  GetParameterCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
  SSMClient,
} from "@aws-sdk/client-ssm";
import { awsClientConfig } from "../../../functions/shared/aws/client-config";
import { CliUsageError } from "./command-action";

export interface SecureParameter {
  name: string;
  /** stored as JSON text */
  value: Record<string, unknown>;
  description: string;
  /** KMS key id or alias; @default the account's aws/ssm key */
  keyId?: string;
  /** replace an existing parameter */
  overwrite: boolean;
}

export function ssmClient(region: string): SSMClient {
  return new SSMClient(awsClientConfig("ssm", { region }));
}

/** Stores the value; an existing parameter without `overwrite` is a usage error naming the fix. */
export async function putSecureParameter(
  client: SSMClient,
  parameter: SecureParameter,
  whenExists: string,
): Promise<void> {
  try {
    await client.send(
      new PutParameterCommand({
        Name: parameter.name,
        Description: parameter.description,
        Value: JSON.stringify(parameter.value),
        Type: "SecureString",
        ...(parameter.keyId ? { KeyId: parameter.keyId } : {}),
        Overwrite: parameter.overwrite,
      }),
    );
  } catch (error) {
    if (error instanceof ParameterAlreadyExists) {
      throw new CliUsageError(`SSM parameter ${parameter.name} already exists; ${whenExists}`);
    }
    throw new Error(`could not store SSM parameter ${parameter.name}: ${errorText(error)}`);
  }
}

/** The decrypted JSON object of a parameter; undefined when it does not exist. */
export async function getSecureParameter(
  client: SSMClient,
  name: string,
): Promise<Record<string, unknown> | undefined> {
  let text: string | undefined;
  try {
    const result = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    text = result.Parameter?.Value;
  } catch (error) {
    if (error instanceof ParameterNotFound) return undefined;
    throw new Error(`could not read SSM parameter ${name}: ${errorText(error)}`);
  }
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // reported below without the text, which is secret
  }
  throw new Error(`SSM parameter ${name} does not hold a JSON object`);
}

// AWS error messages name the request, never the parameter value, so they are safe to show.
function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
