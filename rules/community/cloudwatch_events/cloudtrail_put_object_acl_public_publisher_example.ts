import { dataHasValueFromSubstringList, rule } from "../../../functions/shared/rules";
import { cloudWatchCloudTrailEvent } from "../../helpers/cloudtrail";
import { PUBLIC_ACL_GRANTEES } from "../../helpers/s3-public-grantees";

/** Example only: shows per-service publishers and context; not meant for production use. */
export const cloudtrail_put_object_acl_public_publisher_example = rule(
  {
    logs: ["cloudwatch:events"],
    reqSubkeys: { detail: ["eventName", "requestParameters", "sourceIPAddress"] },
    outputs: ["slack:security-alerts", "pagerduty-v2:security-high-urgency"],
    // the built-in layouts, by the names StreamAlert gave them
    publishers: {
      slack: [
        "publishers.community.slack.slack_layout.Summary",
        "publishers.community.slack.slack_layout.AttachRuleInfo",
        "publishers.community.slack.slack_layout.AttachFullRecord",
      ],
      "pagerduty-v2": [
        "publishers.community.generic.add_record",
        "publishers.community.generic.populate_fields",
        "publishers.community.pagerduty.pagerduty_layout.PrettyPrintArrays",
        "publishers.community.pagerduty.pagerduty_layout.ShortenTitle",
        "publishers.community.pagerduty.pagerduty_layout.as_custom_details",
      ],
    },
    context: {
      populate_fields: [
        "userName",
        "sourceIPAddress",
        "eventTime",
        "eventName",
        "eventSource",
        "bucketName",
      ],
    },
    severity: "medium",
    tags: ["T1530"],
    title: () => "S3 object made public (publisher example)",
    description:
      "Example of publishers: an S3 object ACL granting access to AllUsers or AuthenticatedUsers.",
  },
  (rec) => {
    const event = cloudWatchCloudTrailEvent(rec);
    // only the example's own test events come from this address
    if (event.sourceIPAddress !== "1.2.3.4") return false;
    return (
      event.eventName === "PutObjectAcl" &&
      dataHasValueFromSubstringList(event.requestParameters, PUBLIC_ACL_GRANTEES)
    );
  },
);
