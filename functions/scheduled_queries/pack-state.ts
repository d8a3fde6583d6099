// The state a pack run carries between calls. modules/scheduled_queries starts the state machine
// with `{name: <pack>, event_id}`; each call returns this state, the state machine's Choice reads
// `$.done` (boolean) and, after its Wait, passes the whole object back as the next call's input.

export interface QueryProgress {
  /** Athena execution of the query */
  execution_id: string;
  /** results (or the error record) are in Kinesis */
  sent: boolean;
  /** Athena's final state once known */
  state?: string;
  error?: string;
}

export interface PackState {
  /** the pack (a key of conf/scheduled_queries.json packs) */
  name: string;
  event_id?: string;
  /** ISO time the run started; every query's parameters are computed from it */
  clock: string;
  /** query name → progress; a query not listed has not been started yet */
  queries: Record<string, QueryProgress>;
  done: boolean;
}

export class PackInputError extends Error {
  override name = "PackInputError";
}

function progressOf(value: unknown): QueryProgress | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const entry = value as Partial<QueryProgress>;
  if (typeof entry.execution_id !== "string" || entry.execution_id === "") return undefined;
  return {
    execution_id: entry.execution_id,
    sent: entry.sent === true,
    ...(typeof entry.state === "string" ? { state: entry.state } : {}),
    ...(typeof entry.error === "string" ? { error: entry.error } : {}),
  };
}

/** The state from a call's input: the first call's `{name, event_id}` or a previous state. */
export function packStateFromInput(input: unknown, now: Date): PackState {
  if (typeof input !== "object" || input === null) {
    throw new PackInputError(
      `scheduled queries: expected the state machine input {"name": "<pack>"}, got ${JSON.stringify(input)}`,
    );
  }
  const fields = input as Record<string, unknown>;
  if (typeof fields.name !== "string" || fields.name === "") {
    throw new PackInputError(
      `scheduled queries: input has no pack "name" (a key of conf/scheduled_queries.json packs): ${JSON.stringify(input).slice(0, 200)}`,
    );
  }
  const clock =
    typeof fields.clock === "string" && !Number.isNaN(Date.parse(fields.clock))
      ? new Date(fields.clock).toISOString()
      : now.toISOString();
  const queries: Record<string, QueryProgress> = {};
  if (typeof fields.queries === "object" && fields.queries !== null) {
    for (const [name, value] of Object.entries(fields.queries)) {
      const progress = progressOf(value);
      if (progress) queries[name] = progress;
    }
  }
  return {
    name: fields.name,
    ...(typeof fields.event_id === "string" ? { event_id: fields.event_id } : {}),
    clock,
    queries,
    done: false,
  };
}
