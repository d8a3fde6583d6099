// Every scheduled query, validated once at cold start: each module's default export is a query or
// a list of them, names are unique, tags are present and every placeholder is a known parameter.
// Errors name the file and what to fix.
import { BUILT_IN_PARAMETERS, templateParameters } from "./query-parameters";
import type { QueryModule, ScheduledQuery } from "./scheduled-query";

export class ScheduledQueryConfigError extends Error {
  override name = "ScheduledQueryConfigError";
}

export interface QueryRegistry {
  all: ScheduledQuery[];
  /** the queries a pack runs: those tagged with the pack's name */
  forPack(pack: string): ScheduledQuery[];
}

function checkQuery(value: unknown, file: string): ScheduledQuery {
  const where = `${file}: scheduled query`;
  if (typeof value !== "object" || value === null) {
    throw new ScheduledQueryConfigError(`${where}: expected an object, got ${typeof value}`);
  }
  const query = value as Partial<ScheduledQuery>;
  const name = query.name;
  if (typeof name !== "string" || !/^[A-Za-z0-9_.:-]+$/.test(name)) {
    throw new ScheduledQueryConfigError(
      `${where}: name must be letters, digits, _ . : -; got ${JSON.stringify(name)}`,
    );
  }
  const named = `${file}: scheduled query "${name}"`;
  if (typeof query.query !== "string" || query.query.trim() === "") {
    throw new ScheduledQueryConfigError(`${named}: query must be a non-empty SQL string`);
  }
  if (typeof query.description !== "string") {
    throw new ScheduledQueryConfigError(`${named}: description must be a string`);
  }
  if (
    !Array.isArray(query.tags) ||
    query.tags.length === 0 ||
    !query.tags.every((tag) => typeof tag === "string" && tag !== "")
  ) {
    throw new ScheduledQueryConfigError(
      `${named}: tags must list at least one pack name from conf/scheduled_queries.json, got ${JSON.stringify(query.tags)}`,
    );
  }
  const custom = query.params ?? {};
  for (const param of templateParameters(query.query)) {
    if (typeof custom[param] !== "function" && !(param in BUILT_IN_PARAMETERS)) {
      throw new ScheduledQueryConfigError(
        `${named}: unknown parameter {${param}}; use one of ${Object.keys(BUILT_IN_PARAMETERS).join(", ")}, define it in params, or write {{ }} for literal braces`,
      );
    }
  }
  return query as ScheduledQuery;
}

export function buildQueryRegistry(modules: QueryModule[]): QueryRegistry {
  const all: ScheduledQuery[] = [];
  const fileOf = new Map<string, string>();
  for (const module of modules) {
    const exported = module.exports.default;
    if (exported === undefined) {
      throw new ScheduledQueryConfigError(
        `${module.file}: no default export; export default defineScheduledQuery({...})`,
      );
    }
    for (const value of Array.isArray(exported) ? exported : [exported]) {
      const query = checkQuery(value, module.file);
      const earlier = fileOf.get(query.name);
      if (earlier) {
        throw new ScheduledQueryConfigError(
          `${module.file}: scheduled query name "${query.name}" is already used in ${earlier}; rename one`,
        );
      }
      fileOf.set(query.name, module.file);
      all.push(query);
    }
  }
  all.sort((a, b) => a.name.localeCompare(b.name));
  return { all, forPack: (pack) => all.filter((query) => query.tags.includes(pack)) };
}
