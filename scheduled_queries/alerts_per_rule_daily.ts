// Example scheduled query: how many alerts each rule raised over the previous day, from the
// alerts table. Runs with the "daily" pack of conf/scheduled_queries.json.
import { defineScheduledQuery } from "../functions/scheduled_queries/scheduled-query";

export default defineScheduledQuery({
  name: "alerts_per_rule_daily",
  description: "Alert count per rule over the previous 24 hours",
  tags: ["daily", "alerts"],
  query: `
SELECT
  rule_name,
  count(*) AS alert_count
FROM alerts
WHERE dt >= '{utcdatehour_minus1day}'
  AND dt < '{utcdatehour}'
GROUP BY rule_name
ORDER BY alert_count DESC
`,
});
