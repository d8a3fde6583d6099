// Every app type the app function runs, and (for `streamalert app new|update-auth`) the auth keys
// each one reads from its `<function>_auth` parameter.
import { ALIYUN_ACTIONTRAIL } from "./aliyun";
import type { AppTypeDefinition } from "./app-type";
import { BOX_ADMIN_EVENTS } from "./box";
import { DUO_ADMIN, DUO_AUTH } from "./duo";
import { GSUITE_TYPES } from "./gsuite";
import { INTERCOM_ADMIN_ACTIVITY_LOGS } from "./intercom";
import { ONELOGIN_EVENTS } from "./onelogin";
import { SALESFORCE_TYPES } from "./salesforce";
import { SLACK_ACCESS, SLACK_INTEGRATION } from "./slack";

export type { AppTypeDefinition } from "./app-type";

export const APP_TYPE_DEFINITIONS: Readonly<Record<string, AppTypeDefinition>> = Object.fromEntries(
  [
    DUO_AUTH,
    DUO_ADMIN,
    ONELOGIN_EVENTS,
    ...GSUITE_TYPES,
    BOX_ADMIN_EVENTS,
    ...SALESFORCE_TYPES,
    SLACK_ACCESS,
    SLACK_INTEGRATION,
    ALIYUN_ACTIONTRAIL,
    INTERCOM_ADMIN_ACTIVITY_LOGS,
  ].map((definition) => [definition.type, definition]),
);

/** App type → the keys its auth parameter must hold, and what it collects. */
export const APP_TYPES: Record<string, { authKeys: string[]; description: string }> =
  Object.fromEntries(
    Object.values(APP_TYPE_DEFINITIONS).map((definition) => [
      definition.type,
      { authKeys: [...definition.authKeys], description: definition.description },
    ]),
  );
