// AlertStatistics over the Athena `alerts` table (see alert-queries.ts for the statements).
import {
  type AthenaQueryTarget,
  readQueryResults,
  runQuery,
  startQuery,
  type WaitOptions,
} from "../shared/athena/athena-queries";
import { alertCountStatement, alertListingStatement, countsFromRows } from "./alert-queries";
import type { AlertStatistics } from "./promoter";

export function createAthenaAlertStatistics(
  target: AthenaQueryTarget,
  wait: WaitOptions,
): AlertStatistics {
  return {
    async countAlerts(rules) {
      const status = await runQuery(target, alertCountStatement(rules), wait);
      const table = await readQueryResults(target.client, status.executionId);
      return countsFromRows(rules, table.rows);
    },
    startListing: (rule) => startQuery(target, alertListingStatement(rule)),
  };
}
