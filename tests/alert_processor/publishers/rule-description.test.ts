import { presentRuleDescription } from "../../../functions/alert_processor/publishers/rule-description";
import { renderTemplate } from "../../../functions/alert_processor/publishers/string-template";

describe("presentRuleDescription", () => {
  it.each([
    ["empty", undefined, { author: "", description: "", fields: {} }],
    [
      "fields only",
      "author: Derek\nplaybook: etc",
      { author: "Derek", description: "", fields: { playbook: "etc" } },
    ],
    [
      "text first, then fields; maintainer is the author",
      "Speed over 9000\n\nmaintainer: Derek\nReference: https://a.example/x\n  ?y=1",
      {
        author: "Derek",
        description: "Speed over 9000",
        fields: { reference: "https://a.example/x?y=1" },
      },
    ],
    [
      "wrapped lines joined with spaces, blank lines kept",
      "description: one\ntwo\n\nthree",
      { author: "", description: "one two\nthree", fields: {} },
    ],
    [
      "a URL line is not a field",
      "see\nhttps://x.example/a:b",
      { author: "", description: "see https://x.example/a:b", fields: {} },
    ],
  ])("%s", (_case, text, expected) => {
    expect(presentRuleDescription(text)).toEqual(expected);
  });
});

describe("renderTemplate", () => {
  it.each([
    ["{a}", { a: 1 }, "1"],
    ["{a.b}/{a[c]}/{l[1]}", { a: { b: "x", c: "y" }, l: [0, 9] }, "x/y/9"],
    ["{o}", { o: { k: [1] } }, '{"k":[1]}'],
    ["{a!r} {a:>5}", { a: "v" }, "v v"],
    ["{{}} {constructor}", {}, "{} <missing: constructor>"],
  ])("%s with %j → %s", (template, values, expected) => {
    expect(renderTemplate(template, values)).toBe(expected);
  });
});
