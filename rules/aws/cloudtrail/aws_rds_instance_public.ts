import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

const RDS_WRITES = new Set([
  "CreateDBInstance",
  "ModifyDBInstance",
  "RestoreDBInstanceFromDBSnapshot",
]);

export const aws_rds_instance_public = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1190"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `RDS instance ${String(objectAt(event.requestParameters).dBInstanceIdentifier)} made publicly accessible by ${actorOf(event)}`;
    },
    description: "An RDS database instance was created or modified to be publicly accessible.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return (
      RDS_WRITES.has(event.eventName ?? "") &&
      !event.errorCode &&
      objectAt(event.requestParameters).publiclyAccessible === true
    );
  },
);
