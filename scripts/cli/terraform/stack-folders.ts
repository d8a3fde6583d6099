// Which build folders a terraform command runs in, in which order. scripts/packaging writes the
// global stack to <outdir>/stacks/global and each cluster to <outdir>/stacks/<cluster>; cluster
// stacks use global resources by name (queue, tables, topic), so global is applied first and
// destroyed last.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CliUsageError } from "../shared/command-action";

// modules/app.ts GLOBAL_STACK (not imported: that module loads the Terraform provider classes)
const GLOBAL_STACK = "global";

export interface StackFolder {
  name: string;
  /** the folder terraform runs in */
  dir: string;
}

export type TerraformAction = "plan" | "deploy" | "destroy";

/**
 * plan/deploy: global, then the clusters (every cluster when none named). destroy: the named
 * clusters only; with none named, every cluster, then global.
 */
export function stackFolders(
  buildDir: string,
  action: TerraformAction,
  clusters: string[],
  named: boolean,
): StackFolder[] {
  const names =
    action === "destroy"
      ? [...clusters].reverse().concat(named ? [] : [GLOBAL_STACK])
      : [GLOBAL_STACK, ...clusters];
  const folders = names.map((name) => ({ name, dir: join(buildDir, "stacks", name) }));
  const missing = folders.filter((folder) => !existsSync(join(folder.dir, "cdk.tf.json")));
  if (missing.length > 0) {
    const clusterFlag = named ? ` --cluster ${clusters.join(" ")}` : "";
    throw new CliUsageError(
      `no synthesized stack in ${missing.map((folder) => folder.dir).join(", ")}; run \`streamalert build${clusterFlag}\` (or make build${named ? ` CLUSTER=${clusters[0]}` : ""}) first`,
    );
  }
  return folders;
}
