import { rule } from "../../functions/shared/rules";
import { objectAt } from "../helpers/nested";

/** Unauthenticated probes of these paths are normal (health checks, discovery). */
const PUBLIC_PATHS = new Set(["/healthz", "/livez", "/readyz", "/version"]);

export const k8s_anonymous_request_allowed = rule(
  {
    logs: ["kubernetes:audit", "kubernetes:eks_audit"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1190"],
    title: (rec) =>
      `Anonymous ${String(rec.verb)} ${String(rec.requestURI)} allowed from ${String((rec.sourceIPs as unknown[] | undefined)?.[0])}`,
    description: "The API server allowed an unauthenticated (system:anonymous) request.",
  },
  (rec) =>
    objectAt(rec, "user").username === "system:anonymous" &&
    objectAt(rec, "annotations")["authorization.k8s.io/decision"] === "allow" &&
    !PUBLIC_PATHS.has(String(rec.requestURI)),
);
