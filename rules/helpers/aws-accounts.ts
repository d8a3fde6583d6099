// The AWS accounts and regions this deployment considers its own. Edit for your organization:
// rules use them to tell internal sharing and activity from external.

/** Account ids of the organization (sharing with these is not external). */
export const KNOWN_ACCOUNTS = new Set(["123456789012", "210987654321"]);

/** Regions where the organization runs workloads. */
export const APPROVED_REGIONS = new Set(["us-east-1", "us-west-2", "eu-west-1"]);

/** Account ids named in an ARN or bare 12-digit id ("arn:aws:iam::123456789012:root"). */
export function accountIdOf(principal: unknown): string | undefined {
  if (typeof principal !== "string") return undefined;
  const match = /(?:^|:)(\d{12})(?::|$)/.exec(principal);
  return match?.[1];
}
