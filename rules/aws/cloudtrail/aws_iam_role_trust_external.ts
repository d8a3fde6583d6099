import { isPolicyPublic, rule, safeJsonParse } from "../../../functions/shared/rules";
import { accountIdOf, KNOWN_ACCOUNTS } from "../../helpers/aws-accounts";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** AWS principals in Allow statements that belong to no account of ours. */
function externalPrincipals(policy: Record<string, unknown>): string[] {
  const external: string[] = [];
  for (const statement of asList(policy.Statement)) {
    const { Effect, Principal } = objectAt(statement);
    if (Effect !== "Allow") continue;
    for (const principal of asList(objectAt(Principal).AWS)) {
      const account = accountIdOf(principal);
      if (account !== undefined && !KNOWN_ACCOUNTS.has(account)) external.push(String(principal));
    }
  }
  return external;
}

function trustPolicyOf(params: Record<string, unknown>): Record<string, unknown> {
  const raw = params.policyDocument ?? params.assumeRolePolicyDocument;
  return typeof raw === "string" ? safeJsonParse(raw) : objectAt(raw);
}

export const aws_iam_role_trust_external = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1098", "T1199"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `Role ${String(objectAt(event.requestParameters).roleName)} trusts an external or any account (${actorOf(event)})`;
    },
    description:
      "A role's trust policy lets anyone, or an account outside the organization, assume it " +
      "(see rules/helpers/aws-accounts.ts for the accounts that count as ours).",
    runbook: "Confirm the third party and that an ExternalId condition is set; revert otherwise.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    if (event.eventName !== "UpdateAssumeRolePolicy" && event.eventName !== "CreateRole") {
      return false;
    }
    if (event.errorCode) return false;
    const policy = trustPolicyOf(objectAt(event.requestParameters));
    return isPolicyPublic(policy) || externalPrincipals(policy).length > 0;
  },
);
