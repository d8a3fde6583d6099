// Runs terraform in one stack folder with the user's terminal attached (plan output, apply
// prompts), without HashiCorp's version check.
import { spawn } from "node:child_process";

export function runTerraform(binary: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      cwd,
      stdio: "inherit",
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    });
    child.once("error", reject);
    child.once("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
