// Stub for type-checking and tests: the build replaces this module with the generated index of
// every query under `general.scheduled_query_locations` (scheduledQueriesIndexPlugin in
// ./discover.ts), so the deployed bundle imports each query statically.
import type { QueryModule } from "./scheduled-query";

export const queryModules: QueryModule[] = [];
