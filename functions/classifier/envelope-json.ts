// The envelope member of a record's kept JSON (`,"streamalert:envelope_keys":{...}`), written
// once for a run of inputs whose envelope values are the same. CloudWatch Logs payloads, the
// usual carrier of envelopes, repeat the same log group, stream, owner and filters record after
// record; JSON.stringify of that envelope was a twentieth of classifying an RDS audit payload.
import { ENVELOPE_KEY, type LogRecord } from "../shared/classified-record";
import type { CompiledField } from "./schema/compile-schema";
import { ownValue } from "./schema/python-values";

const ENVELOPE_MEMBER = `,${JSON.stringify(ENVELOPE_KEY)}:`;

/** A value that is compared by its content: a string, number, boolean or null. */
function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

/** Remembered for a value that is not compared: no value is the same as it. */
const NOT_COMPARED = Symbol("not compared");

/**
 * The envelope value as it is remembered: only primitives (absence included) and arrays of
 * primitives (copied, as the input may be changed by its owner later) are compared.
 */
function remembered(value: unknown): unknown {
  if (isPrimitive(value)) return value;
  if (Array.isArray(value) && value.every(isPrimitive)) return value.slice();
  return NOT_COMPARED;
}

function sameValue(value: unknown, last: unknown): boolean {
  if (value === last) return true;
  if (!Array.isArray(value) || !Array.isArray(last) || value.length !== last.length) return false;
  for (let index = 0; index < value.length; index++) if (value[index] !== last[index]) return false;
  return true;
}

/**
 * `member(root, envelope)`: the member for `envelope`, cast from the input `root` by the envelope
 * schema whose fields are given. The cast is a function of the root's values for those keys, so
 * the same values give the same text, in the same key order (absent optional keys are added at
 * the end either way).
 */
export function compileEnvelopeMember(
  fields: readonly CompiledField[],
): (root: unknown, envelope: LogRecord) => string {
  if (fields.length === 0) return (_root, envelope) => ENVELOPE_MEMBER + JSON.stringify(envelope);
  const last: unknown[] = new Array(fields.length);
  let lastMember: string | undefined;
  return (root, envelope) => {
    const object = root as Record<string, unknown>;
    if (lastMember !== undefined) {
      let same = true;
      for (let index = 0; index < fields.length && same; index++) {
        const field = fields[index];
        same = sameValue(ownValue(object, field.key, field.inherited), last[index]);
      }
      if (same) return lastMember;
    }
    const member = ENVELOPE_MEMBER + JSON.stringify(envelope);
    lastMember = member;
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index];
      last[index] = remembered(ownValue(object, field.key, field.inherited));
    }
    return member;
  };
}
