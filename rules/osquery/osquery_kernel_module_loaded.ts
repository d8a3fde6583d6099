import { rule } from "../../functions/shared/rules";
import { objectAt } from "../helpers/nested";

export const osquery_kernel_module_loaded = rule(
  {
    logs: ["osquery:differential"],
    matchers: ["osquery_added"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1547.006"],
    title: (rec) =>
      `Kernel module ${String(objectAt(rec, "columns").name)} loaded on ${String(rec.hostIdentifier)}`,
    description:
      "A kernel module was loaded after the host's baseline (osquery kernel_modules table).",
  },
  (rec) => String(rec.name).endsWith("kernel_modules"),
);
