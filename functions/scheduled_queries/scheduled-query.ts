// The format of a scheduled query (StreamAlert's "query pack configuration", in TypeScript). A
// file under a `general.scheduled_query_locations` folder (conf/global.json) default-exports
// one query, or a list of them:
//
//   export default defineScheduledQuery({
//     name: "athena_any_query",
//     description: "Athena queries started in the last hour",
//     tags: ["hourly"],
//     query: "SELECT ... WHERE dt = '{utcdatehour_minus1hour}'",
//   });
//
// `tags` name the packs of conf/scheduled_queries.json that run the query (a query tagged
// "hourly" runs whenever the "hourly" pack's schedule fires); other tags are carried into the
// results. `{param}` placeholders are filled at run time (see query-parameters.ts); `{{` and `}}`
// stand for literal braces.

/** A parameter computed from the time the pack run started. */
export type QueryParameter = (runTime: Date) => string;

export interface ScheduledQuery {
  /** unique across every location; names the results (`execution.name`) */
  name: string;
  description: string;
  /** Athena SQL with `{param}` placeholders */
  query: string;
  /** packs that run it, plus any labels for rules to match on; at least one */
  tags: string[];
  /** parameters of this query beyond the built-in ones */
  params?: Record<string, QueryParameter>;
}

/** Identity, for type checking a query file. */
export function defineScheduledQuery(query: ScheduledQuery): ScheduledQuery {
  return query;
}

/** One query module as the generated index (or a loader) provides it. */
export interface QueryModule {
  /** path relative to the project, for error messages */
  file: string;
  exports: Record<string, unknown>;
}
