import type { PublisherFunction } from "../../shared/rules/types";
import {
  add_record,
  blank,
  enumerate_fields,
  populate_fields,
  remove_fields,
  remove_internal_fields,
  remove_streamalert_normalization,
  StringifyArrays,
} from "./generic";
import {
  AttachImage,
  as_custom_details,
  PrettyPrintArrays,
  ShortenTitle,
  v2_high_urgency,
  v2_low_urgency,
} from "./pagerduty-layout";
import {
  AttachFullRecord,
  AttachPublication,
  AttachRuleInfo,
  AttachStringTemplate,
  Summary,
} from "./slack-layout";

/** A module of user publishers as the generated index (or a test) hands it over. */
export interface PublisherModule {
  file: string;
  exports: Record<string, unknown>;
}

export interface PublisherRegistry {
  get(name: string): PublisherFunction | undefined;
  /** every name that resolves, sorted */
  names(): string[];
}

/** A user publisher module declares the same name twice. */
export class PublisherRegistryError extends Error {
  override name = "PublisherRegistryError";
}

// StreamAlert stored publishers by module path and name; alerts and rules written for it keep
// resolving. Each built-in is also known by its short name.
const BUILT_IN_MODULES: Record<string, Record<string, PublisherFunction>> = {
  "publishers.community.generic": {
    add_record,
    blank,
    remove_internal_fields,
    remove_fields,
    remove_streamalert_normalization,
    enumerate_fields,
    populate_fields,
    StringifyArrays,
  },
  "publishers.community.slack.slack_layout": {
    Summary,
    AttachRuleInfo,
    AttachPublication,
    AttachStringTemplate,
    AttachFullRecord,
  },
  "publishers.community.pagerduty.pagerduty_layout": {
    ShortenTitle,
    as_custom_details,
    v2_high_urgency,
    v2_low_urgency,
    PrettyPrintArrays,
    AttachImage,
  },
};

/**
 * Built-in publishers plus the functions exported by user publisher modules
 * (`rules/publishers/**`), by export name. A user publisher with a built-in's short name wins
 * that short name (rules store the names of the functions they import); the full StreamAlert
 * name (`publishers.community.generic.populate_fields`) always means the built-in.
 */
export function buildPublisherRegistry(
  modules: readonly PublisherModule[] = [],
): PublisherRegistry {
  const byName = new Map<string, PublisherFunction>();
  for (const [modulePath, publishers] of Object.entries(BUILT_IN_MODULES)) {
    for (const [name, publisher] of Object.entries(publishers)) {
      byName.set(`${modulePath}.${name}`, publisher);
      byName.set(name, publisher);
    }
  }
  const userFiles = new Map<string, string>();
  const problems: string[] = [];
  for (const module of modules) {
    for (const [name, value] of Object.entries(module.exports)) {
      if (typeof value !== "function") continue;
      const previous = userFiles.get(name);
      if (previous !== undefined && previous !== module.file) {
        problems.push(`${module.file}: publisher "${name}" is also exported by ${previous}`);
        continue;
      }
      userFiles.set(name, module.file);
      byName.set(name, value as PublisherFunction);
    }
  }
  if (problems.length > 0) {
    throw new PublisherRegistryError(`duplicate publisher names:\n${problems.join("\n")}`);
  }
  return {
    get: (name) => byName.get(name),
    names: () => [...byName.keys()].sort(),
  };
}
