// Lookup tables as rules see them (SPEC §4.4). The rules engine installs the real reader
// (S3 / DynamoDB drivers with caches); rule tests install fixtures. Until then every lookup
// returns the caller's default.

export interface LookupTableReader {
  get(table: string, key: string, defaultValue?: unknown): Promise<unknown>;
}

const empty: LookupTableReader = { get: async (_table, _key, defaultValue) => defaultValue };
let current: LookupTableReader = empty;

/** Install the reader rules use (rules engine cold start, rule tests). */
export function setLookupTableReader(reader: LookupTableReader | undefined): void {
  current = reader ?? empty;
}

/** `await lookupTables.get("table", key, default)` from a rule. */
export const lookupTables = {
  get: (table: string, key: string, defaultValue?: unknown): Promise<unknown> =>
    current.get(table, key, defaultValue),
};
