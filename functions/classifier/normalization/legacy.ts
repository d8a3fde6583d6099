// Legacy (v1) normalization from conf/normalized_types.json: `{family: {type: [field names]}}`;
// the value of every key with one of those names, at any depth, is a value of that type.
// StreamAlert v1 stored the key paths (`{type: [["detail", "awsRegion"], ...]}`) and resolved
// them in the rules engine; here the values are written in the v2 shape
// (`{type: [{function: null, values: [...]}]}`), the one the rules engine and threat intel read.
import { isPlainObject, isPythonFalsy, pythonStr } from "../schema/python-values";
import { addNormalized, type CollectNormalized } from "./types";

interface Frame {
  object: Record<string, unknown>;
  keys: string[];
  next: number;
}

export function compileLegacyNormalization(
  types: Record<string, readonly string[]> | undefined,
): CollectNormalized | undefined {
  const typesOfField = new Map<string, string[]>();
  for (const [type, fields] of Object.entries(types ?? {})) {
    for (const field of Array.isArray(fields) ? fields : []) {
      const list = typesOfField.get(field);
      if (list) list.push(type);
      else typesOfField.set(field, [type]);
    }
  }
  if (typesOfField.size === 0) return undefined;
  return (record, found) => {
    let added = false;
    // depth-first in key order, as StreamAlert walked it, with an explicit stack so a
    // 10,000-deep record cannot overflow the call stack
    const stack: Frame[] = [{ object: record, keys: Object.keys(record), next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.next === frame.keys.length) {
        stack.pop();
        continue;
      }
      const key = frame.keys[frame.next++];
      const value = frame.object[key];
      const fieldTypes = typesOfField.get(key);
      if (fieldTypes && !isPythonFalsy(value)) {
        const values = Array.isArray(value) ? value : [pythonStr(value)];
        for (const type of fieldTypes) addNormalized(found, type, { function: null, values });
        added = true;
      }
      if (isPlainObject(value)) stack.push({ object: value, keys: Object.keys(value), next: 0 });
    }
    return added;
  };
}
