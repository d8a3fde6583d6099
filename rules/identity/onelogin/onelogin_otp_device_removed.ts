import { rule } from "../../../functions/shared/rules";

/** OneLogin event type USER_REMOVED_OTP_DEVICE. */
const USER_REMOVED_OTP_DEVICE = 24;

export const onelogin_otp_device_removed = rule(
  {
    logs: ["onelogin:events"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1556.006"],
    title: (rec) =>
      `OneLogin MFA device ${String(rec.otp_device_name)} removed from ${String(rec.user_name)} by ${String(rec.actor_user_name)}`,
    description: "An MFA (OTP) device was removed from a OneLogin user.",
  },
  (rec) => rec.event_type_id === USER_REMOVED_OTP_DEVICE,
);
