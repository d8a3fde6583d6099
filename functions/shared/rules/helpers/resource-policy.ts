// Decides whether an AWS resource policy (S3 bucket, SQS, SNS, KMS, ECR, Glacier, Secrets
// Manager, OpenSearch) lets anyone on the internet in. StreamAlert used Python's policyuniverse;
// this is the part of it the community rules need: an Allow statement for every principal whose
// conditions (if any) do not pin the caller to a network, account, organization or identity.
import { safeJsonParse } from "./safe-json-parse";

type Json = Record<string, unknown>;

/** Condition keys that, compared with a concrete value, restrict who can use the grant. */
const RESTRICTING_KEYS = new Set(
  [
    "aws:SourceIp",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOwner",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:userid",
    "aws:username",
    "kms:CallerAccount",
    "sns:Endpoint",
  ].map((key) => key.toLowerCase()),
);

/** Values that restrict nothing: any address, any string. */
const OPEN_VALUES = new Set(["*", "0.0.0.0/0", "::/0"]);

const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function isEveryone(principal: unknown): boolean {
  if (principal === "*") return true;
  if (typeof principal !== "object" || principal === null) return false;
  const byType = principal as Json;
  return ["AWS", "CanonicalUser"].some((type) => asList(byType[type]).includes("*"));
}

function conditionRestricts(condition: unknown): boolean {
  if (typeof condition !== "object" || condition === null) return false;
  for (const [operator, comparisons] of Object.entries(condition as Json)) {
    // negated operators ("StringNotEquals") let everyone else in; "...IfExists" passes when the
    // key is absent and "Null" only tests presence: none of them narrows who the caller is
    if (/Not|IfExists$|^Null$/.test(operator)) continue;
    if (typeof comparisons !== "object" || comparisons === null) continue;
    for (const [key, values] of Object.entries(comparisons as Json)) {
      if (!RESTRICTING_KEYS.has(key.toLowerCase())) continue;
      const concrete = asList(values).filter((value) => !OPEN_VALUES.has(String(value)));
      if (concrete.length > 0) return true;
    }
  }
  return false;
}

function statementIsPublic(statement: unknown): boolean {
  if (typeof statement !== "object" || statement === null) return false;
  const { Effect, Principal, NotPrincipal, Condition } = statement as Json;
  if (Effect !== "Allow") return false;
  // "NotPrincipal" with Allow grants everyone except the listed principals
  const everyone = NotPrincipal !== undefined || isEveryone(Principal);
  return everyone && !conditionRestricts(Condition);
}

/**
 * True when the policy (a JSON string or parsed object) grants access to everyone.
 * Unparseable policies give false.
 */
export function isPolicyPublic(policy: unknown): boolean {
  const document = typeof policy === "string" ? safeJsonParse(policy) : policy;
  if (typeof document !== "object" || document === null) return false;
  return asList((document as Json).Statement).some(statementIsPublic);
}
