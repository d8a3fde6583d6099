// Normalization v2, declared per schema in `configuration.normalization` (SPEC §3.5), with
// StreamAlert's rules: a missing or falsy step means "not found", values become text (lists are
// kept), and a condition compares the lower-cased text of another field.
import type {
  NormalizationCondition,
  NormalizationConfig,
  NormalizationEntry,
} from "../../shared/config/types";
import {
  isInheritedName,
  isPlainObject,
  isPythonFalsy,
  ownValue,
  pythonStr,
} from "../schema/python-values";
import type { NormalizationSlot } from "./json-writer";
import { addNormalized, type CollectNormalized, type NormalizedValues } from "./types";

const NOT_FOUND: unique symbol = Symbol("not found");

/** A path's keys, each with whether Object.prototype also has it (see ownValue). */
interface CompiledPath {
  keys: readonly string[];
  inherited: readonly boolean[];
}

function compilePath(path: readonly string[]): CompiledPath {
  return { keys: path, inherited: path.map(isInheritedName) };
}

/**
 * The paths of a schema's entries as one tree, so a key several paths start with (osquery's
 * `columns`, CloudTrail's `detail.userIdentity`) is looked up once per record. `values(record)`
 * gives each node's value, StreamAlert's way: NOT_FOUND once a step is not an object, or a key
 * is missing or its value falsy; `leaves[i]` is the node of path i, -1 for an empty path (never
 * found). The array is reused.
 */
function compilePathTree(paths: readonly CompiledPath[]): {
  leaves: number[];
  values(record: Record<string, unknown>): readonly unknown[];
} {
  const nodes: Array<{ parent: number; key: string; inherited: boolean }> = [];
  const nodeOf = new Map<string, number>();
  const leaves = paths.map(({ keys, inherited }) => {
    let node = -1;
    for (let depth = 0; depth < keys.length; depth++) {
      const prefix = JSON.stringify(keys.slice(0, depth + 1));
      let next = nodeOf.get(prefix);
      if (next === undefined) {
        next = nodes.push({ parent: node, key: keys[depth], inherited: inherited[depth] }) - 1;
        nodeOf.set(prefix, next);
      }
      node = next;
    }
    return node;
  });
  const values: unknown[] = new Array(nodes.length);
  return {
    leaves,
    values(record) {
      for (let index = 0; index < nodes.length; index++) {
        const { parent, key, inherited } = nodes[index];
        const from = parent < 0 ? record : values[parent];
        let value: unknown = NOT_FOUND;
        if (isPlainObject(from)) {
          value = ownValue(from, key, inherited);
          if (isPythonFalsy(value)) value = NOT_FOUND; // a missing key too
        }
        values[index] = value;
      }
      return values;
    },
  };
}

/** A condition: the value at its path (NOT_FOUND when missing or falsy) meets its operator. */
interface CompiledCondition {
  path: CompiledPath;
  holds(value: unknown): boolean;
}

/** StreamAlert applies the first operator that is set (truthy) and ignores the others. */
function compileCondition(condition: NormalizationCondition): CompiledCondition {
  const test = ((): ((text: string) => boolean) => {
    if (!isPythonFalsy(condition.is)) return (text) => text === condition.is;
    if (!isPythonFalsy(condition.is_not)) return (text) => text !== condition.is_not;
    if (!isPythonFalsy(condition.in)) return (text) => isIn(text, condition.in);
    if (!isPythonFalsy(condition.not_in)) return (text) => !isIn(text, condition.not_in);
    const contains = condition.contains;
    if (!isPythonFalsy(contains))
      return (text) => typeof contains === "string" && text.includes(contains);
    const notContains = condition.not_contains;
    if (!isPythonFalsy(notContains)) {
      return (text) => typeof notContains === "string" && !text.includes(notContains);
    }
    return () => false;
  })();
  return {
    path: compilePath(condition.path ?? []),
    holds: (value) => value !== NOT_FOUND && test(pythonStr(value).toLowerCase()),
  };
}

/** Python's `in`: membership in a list, or a substring of a string. */
function isIn(text: string, container: unknown): boolean {
  if (Array.isArray(container)) return container.includes(text);
  return typeof container === "string" && container.includes(text);
}

interface CompiledEntry {
  path: CompiledPath;
  function: string | null;
  condition?: CompiledCondition;
  sendToArtifacts: boolean;
}

/** `[ "a", "b" ]` is one path (StreamAlert); `[["a"], ["b"]]` lists paths; objects are entries. */
function compileEntries(params: NormalizationConfig[string]): CompiledEntry[] {
  const items = params as unknown[];
  if (items.every((item) => typeof item === "string")) {
    return [{ path: compilePath(items as string[]), function: null, sendToArtifacts: true }];
  }
  return items.map((item): CompiledEntry => {
    if (Array.isArray(item))
      return { path: compilePath(item.map(String)), function: null, sendToArtifacts: true };
    const entry = item as NormalizationEntry;
    return {
      path: compilePath(entry.path ?? []),
      function: entry.function || null,
      condition: entry.condition ? compileCondition(entry.condition) : undefined,
      sendToArtifacts: entry.send_to_artifacts !== false,
    };
  });
}

/** The v2 normalizer of a schema, and its entries in the order it tries them. */
export interface V2Normalization {
  collect: CollectNormalized;
  slots: NormalizationSlot[];
}

export function compileV2Normalization(
  config: NormalizationConfig | undefined,
): V2Normalization | undefined {
  if (!config) return undefined;
  const slots = Object.entries(config).flatMap(([type, params]) =>
    compileEntries(Array.isArray(params) ? params : []).map((entry) => ({ type, ...entry })),
  );
  if (slots.length === 0) return undefined;
  // the entries' paths, then their conditions' paths, all in one tree
  const paths = slots.map((slot) => slot.path);
  const conditionPath = slots.map((slot) =>
    slot.condition ? paths.push(slot.condition.path) - 1 : -1,
  );
  const tree = compilePathTree(paths);
  const pathValue = (values: readonly unknown[], path: number) => {
    const leaf = path < 0 ? -1 : tree.leaves[path];
    return leaf < 0 ? NOT_FOUND : values[leaf];
  };
  const collect: CollectNormalized = (record, found, json) => {
    const values = tree.values(record);
    // a type's entries are next to each other: its list is looked up once per record
    let list: NormalizedValues[] | undefined;
    let listType: string | undefined;
    for (let index = 0; index < slots.length; index++) {
      const slot = slots[index];
      if (slot.condition && !slot.condition.holds(pathValue(values, conditionPath[index])))
        continue;
      const value = pathValue(values, index);
      if (value === NOT_FOUND) continue;
      const result: NormalizedValues = {
        function: slot.function,
        values: Array.isArray(value) ? value : [pythonStr(value)],
      };
      if (!slot.sendToArtifacts) result.send_to_artifacts = false;
      if (list !== undefined && slot.type === listType) list.push(result);
      else {
        list = addNormalized(found, slot.type, result);
        listType = slot.type;
      }
      json?.add(index, result.values);
    }
    return list !== undefined;
  };
  return { collect, slots };
}
