// StreamAlert's generic publishers (publishers/community/generic.py), usable on any output.
import { NORMALIZATION_KEY } from "../../shared/classified-record";
import { getKeys } from "../../shared/rules/helpers";
import type { PublishedAlert, PublisherFunction } from "../../shared/rules/types";
import { forEachObject, isJsonObject } from "./tree-walk";

/** Adds the alert's record to the publication. */
export function add_record(alert: PublishedAlert, publication: PublishedAlert): PublishedAlert {
  publication.record = alert.record;
  return publication;
}

/** Starts over from an empty publication. */
export function blank(): PublishedAlert {
  return {};
}

/** Drops the default publication's fields that only matter inside StreamAlert. */
export function remove_internal_fields(
  _alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  delete publication.staged;
  delete publication.publishers;
  delete publication.outputs;
  return publication;
}

/** Deletes, at any depth, every object key matching one of the regular expressions. */
function deleteMatchingKeys(publication: PublishedAlert, patterns: readonly RegExp[]): void {
  forEachObject(publication, (object) => {
    for (const key of Object.keys(object)) {
      if (patterns.some((pattern) => pattern.test(key))) delete object[key];
    }
  });
}

/**
 * A publisher deleting the keys (at any depth) that match these regular expressions (searched,
 * not anchored: use `^name$` for an exact key), whole branches included.
 */
export function removeFields(patterns: ReadonlyArray<string | RegExp>): PublisherFunction {
  const compiled = patterns.map((pattern) =>
    typeof pattern === "string" ? new RegExp(pattern) : pattern,
  );
  return function remove_fields_configured(_alert, publication) {
    deleteMatchingKeys(publication, compiled);
    return publication;
  };
}

/** {@link removeFields} with the patterns of the rule context's `remove_fields` list. */
export function remove_fields(alert: PublishedAlert, publication: PublishedAlert): PublishedAlert {
  const context = isJsonObject(alert.context) ? alert.context : {};
  const patterns = Array.isArray(context.remove_fields) ? context.remove_fields : [];
  deleteMatchingKeys(
    publication,
    patterns
      .filter((pattern): pattern is string => typeof pattern === "string")
      .map((p) => new RegExp(p)),
  );
  return publication;
}

/** Removes the heavy `streamalert_normalization` subtrees. */
export function remove_streamalert_normalization(
  _alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  deleteMatchingKeys(publication, [new RegExp(NORMALIZATION_KEY)]);
  return publication;
}

/**
 * Flattens the publication to one level, keys naming each value's path (`top.mid[0].low`),
 * sorted; for outputs that render nested objects badly (PagerDuty).
 */
export function enumerate_fields(
  _alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  const flat: PublishedAlert = {};
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((entry, index) => {
        walk(entry, `${path}[${index}]`);
      });
    } else if (isJsonObject(value)) {
      for (const [key, entry] of Object.entries(value)) walk(entry, path ? `${path}.${key}` : key);
    } else {
      flat[path] = value;
    }
  };
  walk(publication, "");
  const sorted: PublishedAlert = {};
  for (const key of Object.keys(flat).sort()) sorted[key] = flat[key];
  return sorted;
}

/**
 * Keeps only the fields the rule context's `populate_fields` names: each becomes a top-level key
 * holding every value found under that name at any depth (a list, empty when none).
 */
export function populate_fields(
  alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  const context = isJsonObject(alert.context) ? alert.context : {};
  const fields = Array.isArray(context.populate_fields) ? context.populate_fields : [];
  const populated: PublishedAlert = {};
  for (const field of fields) {
    if (typeof field === "string") populated[field] = getKeys(publication, field);
  }
  return populated;
}

const isScalarArray = (value: unknown): value is unknown[] =>
  Array.isArray(value) && value.every((entry) => typeof entry !== "object" || entry === null);

/**
 * A publisher turning every list of scalars held by an object key into one string joined with
 * `delimiter` (lists nested directly in lists are left alone, as in StreamAlert).
 */
export function stringifyArrays(delimiter: string): PublisherFunction {
  return function stringify_arrays(_alert, publication) {
    forEachObject(publication, (object) => {
      for (const [key, value] of Object.entries(object)) {
        if (isScalarArray(value)) object[key] = value.map((entry) => String(entry)).join(delimiter);
      }
    });
    return publication;
  };
}

/** StreamAlert's `StringifyArrays`: scalar lists become newline-joined strings. */
export const StringifyArrays: PublisherFunction = stringifyArrays("\n");
