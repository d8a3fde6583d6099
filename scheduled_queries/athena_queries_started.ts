// Example scheduled query: who started Athena queries in the previous hour, from CloudTrail.
// Runs with the "hourly" pack of conf/scheduled_queries.json.
import { defineScheduledQuery } from "../functions/scheduled_queries/scheduled-query";

export default defineScheduledQuery({
  name: "athena_queries_started",
  description: "Athena StartQueryExecution calls in the previous hour, from CloudTrail",
  tags: ["hourly", "cloudtrail"],
  query: `
SELECT
  eventtime,
  sourceipaddress,
  useragent,
  recipientaccountid,
  dt
FROM cloudtrail_events
WHERE dt = '{utcdatehour_minus1hour}'
  AND eventsource = 'athena.amazonaws.com'
  AND eventname = 'StartQueryExecution'
`,
});
