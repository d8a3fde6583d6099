// The ThreatStream API credentials: SSM SecureString `threat_intel_downloader_api_creds` holding
// `{"api_user": "...", "api_key": "..."}`, as StreamAlert stored it and as
// `streamalert threat-intel-downloader configure --credentials` writes it.
import { GetParameterCommand, type SSMClient } from "@aws-sdk/client-ssm";
import { ThreatStreamCredentialsError } from "./errors";

export const API_CREDENTIALS_PARAMETER = "threat_intel_downloader_api_creds";

export interface ThreatStreamCredentials {
  apiUser: string;
  apiKey: string;
}

const FIX = "store them with: streamalert threat-intel-downloader configure --credentials";

export function parseCredentials(value: string | undefined): ThreatStreamCredentials {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value ?? "");
  } catch {
    throw new ThreatStreamCredentialsError(
      `SSM parameter ${API_CREDENTIALS_PARAMETER} is not JSON; ${FIX}`,
    );
  }
  const fields = (typeof parsed === "object" && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >;
  const { api_user: apiUser, api_key: apiKey } = fields;
  if (typeof apiUser !== "string" || !apiUser || typeof apiKey !== "string" || !apiKey) {
    throw new ThreatStreamCredentialsError(
      `SSM parameter ${API_CREDENTIALS_PARAMETER} needs non-empty "api_user" and "api_key"; ${FIX}`,
    );
  }
  return { apiUser, apiKey };
}

export async function loadCredentials(client: SSMClient): Promise<ThreatStreamCredentials> {
  let value: string | undefined;
  try {
    const answer = await client.send(
      new GetParameterCommand({ Name: API_CREDENTIALS_PARAMETER, WithDecryption: true }),
    );
    value = answer.Parameter?.Value;
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new ThreatStreamCredentialsError(
      `cannot read SSM parameter ${API_CREDENTIALS_PARAMETER} (${reason}); ${FIX}`,
    );
  }
  return parseCredentials(value);
}
