import { rule } from "../../functions/shared/rules";
import { listAt, objectAt } from "../helpers/nested";

const BINDINGS = new Set(["clusterrolebindings", "rolebindings"]);

export const k8s_cluster_admin_binding = rule(
  {
    logs: ["kubernetes:audit", "kubernetes:eks_audit"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1098"],
    title: (rec) => {
      const subjects = listAt(rec, "requestObject", "subjects").map((s) =>
        String(objectAt(s).name),
      );
      return `cluster-admin bound to ${subjects.join(", ")} by ${String(objectAt(rec, "user").username)}`;
    },
    description: "A role binding granting cluster-admin was created or changed.",
  },
  (rec) =>
    (rec.verb === "create" || rec.verb === "update" || rec.verb === "patch") &&
    rec.stage === "ResponseComplete" &&
    BINDINGS.has(String(objectAt(rec, "objectRef").resource)) &&
    objectAt(rec, "requestObject", "roleRef").name === "cluster-admin",
);
