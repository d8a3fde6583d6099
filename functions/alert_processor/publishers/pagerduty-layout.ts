// StreamAlert's PagerDuty layouts (publishers/community/pagerduty/pagerduty_layout.py).
import type { PublishedAlert, PublisherFunction } from "../../shared/rules/types";
import { stringifyArrays } from "./generic";
import { OverrideKeys } from "./override-keys";

/** Titles the incident with the rule name alone instead of "StreamAlert Rule Triggered - ...". */
export function ShortenTitle(alert: PublishedAlert, publication: PublishedAlert): PublishedAlert {
  publication[OverrideKeys["pagerduty-v2"].summary] = alert.rule_name;
  publication[OverrideKeys["pagerduty-incident"].incident_title] = alert.rule_name;
  publication[OverrideKeys.pagerduty.description] = alert.rule_name;
  return publication;
}

/** Sends the publication, minus PagerDuty's own override keys, as the event's custom details. */
export function as_custom_details(
  _alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  const details: PublishedAlert = {};
  for (const [key, value] of Object.entries(publication)) {
    if (!key.startsWith("@pagerduty")) details[key] = value;
  }
  publication[OverrideKeys.pagerduty.details] = details;
  publication[OverrideKeys["pagerduty-v2"].custom_details] = details;
  return publication;
}

/** Critical / high urgency (pagerduty-v2 and pagerduty-incident; Events v1 has no urgency). */
export function v2_high_urgency(
  _alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  publication[OverrideKeys["pagerduty-v2"].severity] = "critical";
  publication[OverrideKeys["pagerduty-incident"].urgency] = "high";
  return publication;
}

/** Warning / low urgency (pagerduty-v2 and pagerduty-incident). */
export function v2_low_urgency(
  _alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  publication[OverrideKeys["pagerduty-v2"].severity] = "warning";
  publication[OverrideKeys["pagerduty-incident"].urgency] = "low";
  return publication;
}

/** Scalar lists become strings separated by a ruler: PagerDuty shows raw lists poorly. */
export const PrettyPrintArrays: PublisherFunction = stringifyArrays("\n\n----------\n\n");

export interface PagerDutyImageOptions {
  src: string;
  /** where a click on the image leads */
  href: string;
  alt: string;
}

/** A publisher attaching an image to the event (Events v1 contexts and v2 images). */
export function attachPagerDutyImage(image: PagerDutyImageOptions): PublisherFunction {
  return function AttachImage(_alert, publication) {
    const imagesKey = OverrideKeys["pagerduty-v2"].images;
    const contextsKey = OverrideKeys.pagerduty.contexts;
    const images = Array.isArray(publication[imagesKey]) ? publication[imagesKey] : [];
    const contexts = Array.isArray(publication[contextsKey]) ? publication[contextsKey] : [];
    publication[imagesKey] = [...images, { src: image.src, href: image.href, alt: image.alt }];
    publication[contextsKey] = [...contexts, { type: "image", src: image.src }];
    return publication;
  };
}

/** StreamAlert's `AttachImage` with its default image (the StreamAlert banner and docs link). */
export const AttachImage: PublisherFunction = attachPagerDutyImage({
  src: "https://streamalert.io/en/stable/_images/sa-banner.png",
  href: "https://streamalert.io/en/stable/",
  alt: "StreamAlert Docs",
});
