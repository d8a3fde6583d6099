// Typed reads of a cluster's `modules` block (validated by the config loader; here only narrowed).
import type { ClusterConfig } from "../../functions/shared/config/types";

export type ModuleBlock = Record<string, unknown>;

export function moduleBlock(cluster: ClusterConfig, ...path: string[]): ModuleBlock | undefined {
  let value: unknown = cluster.modules;
  for (const key of path) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    value = (value as ModuleBlock)[key];
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as ModuleBlock)
    : undefined;
}

export function numberSetting(block: ModuleBlock | undefined, key: string, fallback: number) {
  const value = block?.[key];
  return typeof value === "number" ? value : fallback;
}

export function booleanSetting(block: ModuleBlock | undefined, key: string, fallback: boolean) {
  const value = block?.[key];
  return typeof value === "boolean" ? value : fallback;
}

export function stringListSetting(block: ModuleBlock | undefined, key: string): string[] {
  const value = block?.[key];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : [];
}

/** A module is on when its block exists and does not say `enabled: false`. */
export function isEnabled(block: ModuleBlock | undefined): boolean {
  return block !== undefined && block.enabled !== false;
}
