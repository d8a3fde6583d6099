import {
  add_record,
  blank,
  enumerate_fields,
  populate_fields,
  remove_fields,
  remove_internal_fields,
  remove_streamalert_normalization,
  removeFields,
  StringifyArrays,
} from "../../../functions/alert_processor/publishers/generic";
import { PrettyPrintArrays } from "../../../functions/alert_processor/publishers/pagerduty-layout";
import { toPlainAlert } from "../../../functions/shared/alert";
import type { PublishedAlert, PublisherFunction } from "../../../functions/shared/rules/types";
import { alertOf } from "../../alert_merger/factories";

const plain = (context: Record<string, unknown> = {}, record: Record<string, unknown> = { a: 1 }) =>
  toPlainAlert(alertOf({ context, record }));

describe("generic publishers", () => {
  it.each<[string, PublisherFunction, PublishedAlert, PublishedAlert, PublishedAlert]>([
    ["add_record adds the record", add_record, plain(), { x: 1 }, { x: 1, record: { a: 1 } }],
    ["blank empties the publication", blank, plain(), { x: 1 }, {}],
    [
      "remove_internal_fields drops staged, publishers and outputs",
      remove_internal_fields,
      plain(),
      { staged: false, publishers: {}, outputs: [], id: "1" },
      { id: "1" },
    ],
    [
      "remove_fields deletes context-listed keys at any depth, inside lists too",
      remove_fields,
      plain({ remove_fields: ["^secret$", "token"] }),
      { secret: 1, keep: { secret: 2, api_token: 3, ok: 4 }, list: [{ secret: 5, ok: 6 }] },
      { keep: { ok: 4 }, list: [{ ok: 6 }] },
    ],
    [
      "remove_fields without a context list changes nothing",
      remove_fields,
      plain(),
      { a: 1 },
      { a: 1 },
    ],
    [
      "remove_streamalert_normalization removes every normalization subtree",
      remove_streamalert_normalization,
      plain(),
      { record: { streamalert_normalization: { ip: [] }, a: 1 }, streamalert_normalization: {} },
      { record: { a: 1 } },
    ],
    [
      "enumerate_fields flattens to sorted paths",
      enumerate_fields,
      plain(),
      { top2: "mid", top1: { mid1: "low", mid2: ["l1", "l2"], mid3: { low1: "verylow" } } },
      {
        "top1.mid1": "low",
        "top1.mid2[0]": "l1",
        "top1.mid2[1]": "l2",
        "top1.mid3.low1": "verylow",
        top2: "mid",
      },
    ],
    [
      "populate_fields keeps every value of each named field, breadth-first",
      populate_fields,
      plain({ populate_fields: ["user", "missing"] }),
      { record: { user: "deep", nested: { user: "deeper" } }, user: "top" },
      { user: ["top", "deep", "deeper"], missing: [] },
    ],
    [
      "StringifyArrays joins lists of scalars with newlines, not lists of objects",
      StringifyArrays,
      plain(),
      { tags: ["a", "b", 3], nested: { empty: [] }, objects: [{ ids: [1, 2] }] },
      { tags: "a\nb\n3", nested: { empty: "" }, objects: [{ ids: "1\n2" }] },
    ],
    [
      "PrettyPrintArrays joins with a ruler",
      PrettyPrintArrays,
      plain(),
      { tags: ["a", "b"] },
      { tags: "a\n\n----------\n\nb" },
    ],
  ])("%s", (_case, publisher, alert, publication, expected) => {
    expect(publisher(alert, publication)).toEqual(expected);
  });

  it("removeFields takes its patterns as configuration", () => {
    const publisher = removeFields(["^password$", /^aws_/]);
    expect(publisher(plain(), { password: 1, aws_key: 2, passwords: 3 })).toEqual({ passwords: 3 });
  });
});
