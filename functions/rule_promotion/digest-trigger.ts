// Which invocations send the digest. modules/rule_promotion schedules the function twice: the
// promotion schedule (`<function>_schedule`) and the digest schedule (`<function>_digest`, from
// `send_digest_schedule_expression`). Both deliver a plain scheduled event, so the digest run is
// recognised by the rule in the event's `resources`; StreamAlert's `{"send_digest": true}` event
// (a manual invoke) works as well.

export function digestRuleName(functionName: string): string {
  return `${functionName}_digest`;
}

export function isDigestInvocation(event: unknown, functionName: string): boolean {
  if (typeof event !== "object" || event === null) return false;
  const fields = event as { send_digest?: unknown; resources?: unknown };
  if (fields.send_digest === true) return true;
  if (!Array.isArray(fields.resources)) return false;
  const suffix = `:rule/${digestRuleName(functionName)}`;
  return fields.resources.some((arn) => typeof arn === "string" && arn.endsWith(suffix));
}
