import { rule } from "../../functions/shared/rules";
import { objectAt } from "../helpers/nested";

const INTERACTIVE = new Set(["exec", "attach"]);

export const k8s_pod_exec = rule(
  {
    logs: ["kubernetes:audit", "kubernetes:eks_audit"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1609"],
    title: (rec) => {
      const ref = objectAt(rec, "objectRef");
      return `kubectl ${String(ref.subresource)} into ${String(ref.namespace)}/${String(ref.name)} by ${String(objectAt(rec, "user").username)}`;
    },
    description: "Someone opened a shell in (exec) or attached to a running pod.",
  },
  (rec) => {
    const ref = objectAt(rec, "objectRef");
    return (
      rec.stage === "ResponseComplete" &&
      ref.resource === "pods" &&
      INTERACTIVE.has(String(ref.subresource)) &&
      objectAt(rec, "annotations")["authorization.k8s.io/decision"] !== "forbid"
    );
  },
);
