// Finding `terraform` on PATH before anything runs, so a missing install is one clear message
// (what to install and where) instead of a spawn error half-way through a deploy.
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The first executable file named `command` in the PATH folders, if any. */
export function findOnPath(command: string, path = process.env.PATH ?? ""): string | undefined {
  const names = process.platform === "win32" ? [`${command}.exe`, command] : [command];
  for (const folder of path.split(delimiter)) {
    if (folder === "") continue;
    for (const name of names) {
      const candidate = join(folder, name);
      try {
        accessSync(candidate, constants.X_OK);
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  return undefined;
}

export const TERRAFORM_MISSING = [
  "terraform is not installed: no `terraform` executable on PATH.",
  "Install Terraform 1.5 or later (https://developer.hashicorp.com/terraform/install,",
  "e.g. `brew install hashicorp/tap/terraform` on macOS or the HashiCorp apt/yum repository on Linux),",
  "check that `terraform version` works in this shell, then run the command again.",
].join("\n");
