// IAM policy documents as plain data: rendered with JSON.stringify (stable key order), so the
// synthesized JSON is deterministic and the security scan reads the same structure it checks.

export interface PolicyStatement {
  Sid?: string;
  Effect?: "Allow" | "Deny";
  Action: string | string[];
  /** omitted only in trust policies */
  Resource?: string | string[];
  Principal?: Record<string, string | string[]> | "*";
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

export function policyDocument(statements: PolicyStatement[]): string {
  const document: PolicyDocument = {
    Version: "2012-10-17",
    Statement: statements.map((statement) => ({ Effect: "Allow", ...statement })),
  };
  return JSON.stringify(document);
}

/** Trust policy letting one AWS service assume a role. */
export function assumeRolePolicy(service: string): string {
  return policyDocument([{ Action: "sts:AssumeRole", Principal: { Service: service } }]);
}
