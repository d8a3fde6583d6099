import { rule } from "../../functions/shared/rules";
import { listAt, objectAt } from "../helpers/nested";

function podSpecOf(rec: Record<string, unknown>): Record<string, unknown> {
  const body = objectAt(rec, "requestObject");
  // a Pod carries its spec; Deployments, DaemonSets, Jobs carry it in a template
  const template = objectAt(body, "spec", "template", "spec");
  return Object.keys(template).length > 0 ? template : objectAt(body, "spec");
}

function isPrivileged(spec: Record<string, unknown>): boolean {
  if (spec.hostPID === true || spec.hostNetwork === true || spec.hostIPC === true) return true;
  const containers = [...listAt(spec, "containers"), ...listAt(spec, "initContainers")];
  return containers.some((container) => {
    const context = objectAt(container, "securityContext");
    return (
      context.privileged === true || listAt(context, "capabilities", "add").includes("SYS_ADMIN")
    );
  });
}

const WORKLOADS = new Set([
  "pods",
  "deployments",
  "daemonsets",
  "statefulsets",
  "replicasets",
  "jobs",
  "cronjobs",
]);

export const k8s_privileged_pod_created = rule(
  {
    logs: ["kubernetes:audit", "kubernetes:eks_audit"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1610", "T1611"],
    title: (rec) => {
      const ref = objectAt(rec, "objectRef");
      return `Privileged ${String(ref.resource)} ${String(ref.namespace)}/${String(ref.name ?? objectAt(rec, "requestObject", "metadata").name)} created by ${String(objectAt(rec, "user").username)}`;
    },
    description:
      "A workload was created with a privileged container, SYS_ADMIN, or the host's PID, IPC " +
      "or network namespace: a container escape away from the node.",
  },
  (rec) =>
    rec.verb === "create" &&
    rec.stage === "ResponseComplete" &&
    WORKLOADS.has(String(objectAt(rec, "objectRef").resource)) &&
    isPrivileged(podSpecOf(rec)),
);
