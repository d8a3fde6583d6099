/** One lookup table backend. `undefined` means "no such key" (the reader then uses the default). */
export interface LookupTableDriver {
  get(key: string): Promise<unknown>;
}

/** Minutes between refreshes when a table does not say (StreamAlert's default). */
export const DEFAULT_CACHE_REFRESH_MINUTES = 10;

export type Clock = () => number;
