// ThreatStream intelligence objects → IOC table items `{ioc_value, ioc_type, sub_type, source,
// expiration_ts}` (SPEC §6), filtered by source. expiration_ts is epoch seconds, the table's TTL
// attribute: the IOC's own expiration, or 90 days from now when it has none.

export interface ThreatStreamObject {
  value?: unknown;
  type?: unknown;
  itype?: unknown;
  source?: unknown;
  expiration_ts?: unknown;
}

export interface IocItem {
  ioc_value: string;
  ioc_type: string;
  sub_type: string;
  source: string;
  expiration_ts: number;
}

export const DEFAULT_EXPIRATION_DAYS = 90;

export interface IocFilter {
  /** keep an IOC whose source contains one of these (case-insensitive); empty = every source */
  sources: string[];
}

/** Epoch seconds of an expiration time; the default when it is missing or unreadable. */
export function expirationSeconds(value: unknown, now: Date): number {
  const fallback = Math.floor(now.getTime() / 1000) + DEFAULT_EXPIRATION_DAYS * 86_400;
  if (typeof value !== "string" || value === "") return fallback;
  const time = Date.parse(value);
  return Number.isNaN(time) ? fallback : Math.floor(time / 1000);
}

export interface ConvertedIocs {
  items: IocItem[];
  /** objects without a value or type */
  malformed: number;
  /** objects from a source the filter does not keep */
  filteredOut: number;
}

export function iocItemsOf(
  objects: ThreatStreamObject[],
  filter: IocFilter,
  now: Date,
): ConvertedIocs {
  const sources = filter.sources.map((source) => source.toLowerCase());
  const items: IocItem[] = [];
  let malformed = 0;
  let filteredOut = 0;
  for (const object of objects) {
    if (typeof object.value !== "string" || !object.value || typeof object.type !== "string") {
      malformed++;
      continue;
    }
    const source = typeof object.source === "string" ? object.source : "";
    if (sources.length > 0 && !sources.some((wanted) => source.toLowerCase().includes(wanted))) {
      filteredOut++;
      continue;
    }
    items.push({
      ioc_value: object.value,
      ioc_type: object.type,
      sub_type: typeof object.itype === "string" ? object.itype : "",
      source,
      expiration_ts: expirationSeconds(object.expiration_ts, now),
    });
  }
  return { items, malformed, filteredOut };
}
