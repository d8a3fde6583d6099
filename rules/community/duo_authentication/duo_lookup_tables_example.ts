import { lookupTables, rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

/** Example only: shows a rule reading a lookup table; not meant for production use. */
export const duo_lookup_tables_example = rule(
  {
    logs: ["duo:authentication"],
    outputs: ["slack:security-noise"],
    severity: "low",
    title: (rec) =>
      `Duo login from a blocked browser: ${String(objectAt(rec, "access_device").browser)}`,
    description:
      "Duo authentication from a browser listed in the lookup table of blocked browsers.",
  },
  async (rec) => {
    // the test fixture fills table dynamo-backed-table with key duo_blacklisted_browsers
    const blocked = await lookupTables.get("dynamo-backed-table", "duo_blacklisted_browsers", []);
    const browser = objectAt(rec, "access_device").browser;
    return Array.isArray(blocked) && browser !== undefined && blocked.includes(browser);
  },
);
