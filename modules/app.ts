// conf/ → Terraform JSON: one global stack and one stack per cluster, under `outdir/stacks/<name>`.
// Everything written is relative and free of timestamps, so the output is byte-identical per run.
import { AwsProvider } from "@cdktn/provider-aws/lib/provider";
import { App, LocalBackend, S3Backend, TerraformStack } from "cdktn";
import type { Construct } from "constructs";
import type { StreamAlertConfig } from "../functions/shared/config/types";
import { ClusterResources } from "./cluster";
import { Globals } from "./globals";
import type { FunctionArtifact } from "./lambda";

export interface SynthesizeOptions {
  /** folder written: `manifest.json` and `stacks/<stack>/cdk.tf.json` */
  outdir: string;
  /** clusters to synthesize @default every cluster of the configuration */
  clusters?: string[];
  /** function key → zip; @default `../../dist/<function key>.zip` hashed by Terraform */
  artifacts?: Record<string, FunctionArtifact>;
  /** Lambda runtime of every function @default "nodejs22.x" */
  runtime?: string;
}

export interface SynthesizedStack {
  name: string;
  /** path relative to outdir */
  file: string;
}

export const GLOBAL_STACK = "global";

function addProviderAndBackend(stack: TerraformStack, config: StreamAlertConfig, name: string) {
  new AwsProvider(stack, "aws", { region: config.global.account.region });
  const terraform = config.global.terraform;
  if (terraform?.bucket_name) {
    const prefix = config.global.account.prefix;
    new S3Backend(stack, {
      bucket: terraform.bucket_name,
      key: `${terraform.state_key_name ?? "streamalert_state/terraform.tfstate"}/${name}`,
      region: config.global.account.region,
      encrypt: true,
      dynamodbTable: `${prefix}_streamalert_terraform_state_lock`,
    });
  } else {
    // Relative to the stack's working directory, build/stacks/<name>: the state stays in build/.
    new LocalBackend(stack, { path: `../../state/${name}.tfstate` });
  }
}

function artifactResolver(options: SynthesizeOptions): (key: string) => FunctionArtifact {
  return (key) => options.artifacts?.[key] ?? { path: `../../dist/${key}.zip` };
}

/** Build the stacks in memory, then write them once. Throws on an unknown cluster name. */
export function synthesize(
  config: StreamAlertConfig,
  options: SynthesizeOptions,
): SynthesizedStack[] {
  const clusters = options.clusters ?? Object.keys(config.clusters).sort();
  for (const cluster of clusters) {
    if (!config.clusters[cluster]) {
      const known = Object.keys(config.clusters).sort().join(", ");
      throw new Error(`unknown cluster "${cluster}": conf/clusters has ${known || "none"}`);
    }
  }
  const app = new App({ outdir: options.outdir, skipValidation: true });
  const artifact = artifactResolver(options);
  const stacks: SynthesizedStack[] = [];
  const addStack = (name: string, build: (stack: Construct) => void) => {
    const stack = new TerraformStack(app, name);
    addProviderAndBackend(stack, config, name);
    build(stack);
    stacks.push({ name, file: `stacks/${name}/cdk.tf.json` });
  };
  addStack(GLOBAL_STACK, (stack) => {
    new Globals(stack, "streamalert", { config, artifact, runtime: options.runtime });
  });
  for (const cluster of clusters) {
    addStack(cluster, (stack) => {
      new ClusterResources(stack, "cluster", {
        config,
        cluster: config.clusters[cluster],
        artifact,
        runtime: options.runtime,
      });
    });
  }
  app.synth();
  return stacks;
}
