// The app types the function runs and the ones `streamalert app new` offers stay the same list,
// with the same auth keys, so an app the CLI creates is one the function can run.
import { APP_TYPES } from "../../functions/apps/types";
import { APP_TYPES as CLI_APP_TYPES } from "../../scripts/cli/app/app-types";

describe("APP_TYPES", () => {
  it("lists the app types the CLI offers, with the auth keys the CLI asks for", () => {
    const fromCli = Object.fromEntries(
      CLI_APP_TYPES.map((app) => [app.type, app.auth.map((field) => field.key).sort()]),
    );
    const fromFunction = Object.fromEntries(
      Object.entries(APP_TYPES).map(([type, app]) => [type, [...app.authKeys].sort()]),
    );

    expect(fromFunction).toEqual(fromCli);
  });

  it("describes every type", () => {
    for (const app of Object.values(APP_TYPES)) expect(app.description.length).toBeGreaterThan(10);
  });
});
