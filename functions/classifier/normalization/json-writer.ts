// The JSON of a v2 normalization block, written while the block is collected: the v2 entries of
// a schema (its slots) are found in a fixed order, so everything between two values (the close of
// one entry, the next type's key, the next entry's function) is one string prepared once per
// pair of slots. Each string piece costs again when the record's JSON is joined into one
// (docs/PERFORMANCE.md), and this writes about 2 per value where a walk of the block wrote 8.
import { isPlainJsonString, valuesJson } from "../object-json";
import { RECORD_ID_KEY } from "./types";

/** One v2 entry of a schema, in the order the normalizer tries them. */
export interface NormalizationSlot {
  type: string;
  function: string | null;
  sendToArtifacts: boolean;
}

/** Collects the JSON of the values a normalizer finds, slot by slot; reused record after record. */
export interface NormalizationJson {
  reset(): void;
  /** `values` were found for slot `slot` (slots come in increasing order) */
  add(slot: number, values: readonly unknown[]): void;
  /** the block's JSON, once the record id is added (a plain hexadecimal UUID) */
  finish(recordId: string): string;
}

const RECORD_ID_MEMBER = `],${JSON.stringify(RECORD_ID_KEY)}:"`;

export function compileNormalizationJson(slots: readonly NormalizationSlot[]): NormalizationJson {
  // a state is where the JSON stands after a value: -1 at the start, else slot * 2 + 1 when the
  // slot's value was one plain string, whose `"]` is still to be written, else slot * 2
  const close = (state: number): string => {
    if (state < 0) return "{";
    const slot = slots[state >> 1];
    const open = state & 1 ? '"]' : "";
    return open + (slot.sendToArtifacts ? "}" : ',"send_to_artifacts":false}');
  };
  const join = (state: number, next: number): string => {
    const slot = slots[next >> 1];
    const previous = state < 0 ? undefined : slots[state >> 1];
    const separator =
      previous === undefined
        ? `${JSON.stringify(slot.type)}:[`
        : previous.type === slot.type
          ? ","
          : `],${JSON.stringify(slot.type)}:[`;
    const values = next & 1 ? '["' : "";
    return `${close(state)}${separator}{"function":${JSON.stringify(slot.function)},"values":${values}`;
  };
  // joins[state + 1][next state], filled as met
  const joins: string[][] = Array.from({ length: slots.length * 2 + 1 }, () => []);
  const ends: string[] = [];
  let json = "";
  let state = -1;
  return {
    reset() {
      json = "";
      state = -1;
    },
    add(slot, values) {
      const value = values.length === 1 ? values[0] : undefined;
      const plain = typeof value === "string" && isPlainJsonString(value);
      const next = slot * 2 + (plain ? 1 : 0);
      const row = joins[state + 1];
      let text = row[next];
      if (text === undefined) {
        text = join(state, next);
        row[next] = text;
      }
      json += plain ? text + value : text + valuesJson(values as unknown[]);
      state = next;
    },
    finish(recordId) {
      let end = ends[state];
      if (end === undefined) {
        end = close(state) + RECORD_ID_MEMBER;
        ends[state] = end;
      }
      return `${json}${end}${recordId}"}`;
    },
  };
}
