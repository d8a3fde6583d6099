// Every output service the alert processor can send to (SPEC §5), keyed by its outputs.json name.
// Each factory builds its SDK or HTTP client lazily, so a service no alert uses costs nothing; the
// AWS services' code itself is loaded at their first dispatch (lazy-aws-outputs.ts).

import type { AwsOutputOptions } from "./aws-outputs";
import { createCarbonBlackOutput } from "./carbonblack";
import { createDemistoOutput } from "./demisto";
import { createGithubOutput } from "./github";
import { createHttpClient, type HttpClient } from "./http";
import { createJiraOutput } from "./jira";
import { createJiraV2Output } from "./jira-v2";
import { createKomandOutput } from "./komand";
import { createLazyAwsOutputServices } from "./lazy-aws-outputs";
import { createPagerDutyOutput } from "./pagerduty";
import { createPagerDutyIncidentOutput } from "./pagerduty-incident";
import { createPagerDutyV2Output } from "./pagerduty-v2";
import { createPhantomOutput } from "./phantom";
import { createSlackOutput } from "./slack";
import { createTeamsOutput } from "./teams";
import type { OutputService } from "./types";
import { createVictorOpsOutput } from "./victorops";

export { OutputConfigError, OutputError, OutputHttpError } from "./errors";
export { createHttpClient, type HttpClient } from "./http";
export type { DispatchRequest, OutputService } from "./types";

/** The services createOutputServices returns, as outputs.json names them. */
export const OUTPUT_SERVICE_NAMES = [
  "aws-cloudwatch-log",
  "aws-firehose",
  "aws-lambda",
  "aws-lambda-v2",
  "aws-s3",
  "aws-ses",
  "aws-sns",
  "aws-sqs",
  "carbonblack",
  "demisto",
  "github",
  "jira",
  "jira-v2",
  "komand",
  "pagerduty",
  "pagerduty-incident",
  "pagerduty-v2",
  "phantom",
  "slack",
  "teams",
  "victorops",
] as const;

export type OutputServiceName = (typeof OUTPUT_SERVICE_NAMES)[number];

/** The AWS outputs' options (SDK client settings, the SNS account) and the HTTP outputs' client. */
export interface OutputServicesOptions extends AwsOutputOptions {
  /** the HTTP outputs' client @default createHttpClient() (3 s timeout, 5 tries) */
  http?: HttpClient;
}

export function createOutputServices(
  options: OutputServicesOptions = {},
): Record<OutputServiceName, OutputService> {
  const { clientOptions, accountId } = options;
  const http = options.http ?? createHttpClient();
  const services: Record<OutputServiceName, OutputService> = {
    ...createLazyAwsOutputServices({ clientOptions, accountId }),
    carbonblack: createCarbonBlackOutput({ http }),
    demisto: createDemistoOutput({ http }),
    github: createGithubOutput({ http }),
    jira: createJiraOutput({ http }),
    "jira-v2": createJiraV2Output({ http }),
    komand: createKomandOutput({ http }),
    pagerduty: createPagerDutyOutput({ http }),
    "pagerduty-incident": createPagerDutyIncidentOutput({ http }),
    "pagerduty-v2": createPagerDutyV2Output({ http }),
    phantom: createPhantomOutput({ http }),
    slack: createSlackOutput({ http }),
    teams: createTeamsOutput({ http }),
    victorops: createVictorOpsOutput({ http }),
  };
  return services;
}
